import Foundation

/// Draws an annotation: its text (last baseline at the text position, as matplotlib's
/// annotate), the rounded box behind it, and a '->' arrow from the box to the point.
struct AnnotationDrawing {
    let annotation: Annotation
    let transform: DataTransform

    /// The text block's frame and the box around it, in figure points.
    func frames(measurer: TextMeasurer) -> (block: TextBlock, text: Rect, box: Rect?) {
        let a = annotation
        let block = TextBlock(a.text, font: Font(size: a.fontSize), measurer: measurer)
        let pos = a.textPosition ?? a.point
        var text = block.frame(lastBaselineAt: transform.point(pos.x, pos.y))
        let pad = a.box.map { $0.pad * a.fontSize } ?? 0
        if a.keepInside {
            // The box's edges 2 points inside the frame where it can; the top-left wins when
            // the box is larger than the frame.
            let frame = transform.frame.insetBy(2 + pad)
            if text.maxX > frame.maxX { text.x -= text.maxX - frame.maxX }
            if text.minX < frame.minX { text.x = frame.minX }
            if text.maxY > frame.maxY { text.y -= text.maxY - frame.maxY }
            if text.minY < frame.minY { text.y = frame.minY }
        }
        let box = a.box.map { _ in text.insetBy(-pad) }
        return (block, text, box)
    }

    func draw(on renderer: Renderer) {
        let a = annotation
        let (block, text, box) = frames(measurer: renderer)
        if let arrow = a.arrow {
            drawArrow(arrow, from: box ?? text, on: renderer)
        }
        if let b = a.box, let r = box {
            let path = Path.roundedRectangle(r, radius: b.pad * a.fontSize)
            renderer.drawPath(path, stroke: StrokeStyle(color: b.edge.withAlpha(b.alpha), width: 1), fill: b.fill.withAlpha(b.alpha), clip: nil)
        }
        block.draw(in: text, alignment: .left, color: a.color, renderer: renderer)
    }

    /// matplotlib's '->' arrow: a straight line from the text's centre towards the point, cut
    /// where it leaves the box and pulled in 2 points at both ends (shrinkA, shrinkB); the end
    /// pulled back a little more so the round-capped stroke does not overshoot the open head,
    /// whose barbs are 0.4 font sizes long and 0.2 wide (head_length, head_width).
    func drawArrow(_ arrow: Arrow, from box: Rect, on renderer: Renderer) {
        let target = transform.point(annotation.point.x, annotation.point.y)
        let center = Point(box.midX, box.midY)
        guard target.x.isFinite, target.y.isFinite, !box.contains(target) else { return }
        let dx = target.x - center.x, dy = target.y - center.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return }
        let ux = dx / length, uy = dy / length
        // Distance from the centre to the box edge along the arrow.
        let tx = ux == 0 ? Double.infinity : (box.width / 2) / abs(ux)
        let ty = uy == 0 ? Double.infinity : (box.height / 2) / abs(uy)
        let shrink = 2.0
        let headLength = 0.4 * annotation.fontSize, headWidth = 0.2 * annotation.fontSize
        let sinT = headWidth / (headLength * headLength + headWidth * headWidth).squareRoot()
        let startDistance = min(tx, ty) + shrink
        let endDistance = length - shrink - 0.5 * arrow.width / sinT
        guard endDistance > startDistance else { return }
        let start = Point(center.x + ux * startDistance, center.y + uy * startDistance)
        let tip = Point(center.x + ux * endDistance, center.y + uy * endDistance)
        let style = StrokeStyle(color: arrow.color, width: arrow.width, cap: .round, join: .round)
        var shaft = Path()
        shaft.move(to: start); shaft.line(to: tip)
        renderer.drawPath(shaft, stroke: style, fill: nil, clip: nil)
        var head = Path()
        head.move(to: Point(tip.x - ux * headLength - uy * headWidth, tip.y - uy * headLength + ux * headWidth))
        head.line(to: tip)
        head.line(to: Point(tip.x - ux * headLength + uy * headWidth, tip.y - uy * headLength - ux * headWidth))
        renderer.drawPath(head, stroke: style, fill: nil, clip: nil)
    }
}
