/// One line of text placed on the figure: its baseline origin and its line box.
struct PlacedText {
    let text: String
    let origin: Point
    let box: Rect
}

/// Where the text around one axes frame goes, as matplotlib places it: tick labels
/// `tickLength + tickPad` outside the frame (x labels hanging from their top, y labels centred
/// on the middle of their ascent, its 'center_baseline'), axis labels `labelPad` beyond the
/// tick labels, the title's last baseline `titlePad` above the frame, offset texts ("1e6") at
/// the ends. Both the layout and the drawing read it, so they cannot disagree.
struct AxesText {
    var xTicks: [PlacedText] = []
    var yTicks: [PlacedText] = []
    var xOffset: PlacedText?
    var yOffset: PlacedText?
    var title: (block: TextBlock, frame: Rect)?
    var xLabel: (block: TextBlock, frame: Rect)?
    /// The y label's block and the rectangle it covers once turned upright.
    var yLabel: (block: TextBlock, frame: Rect)?

    init(axes: Axes, transform t: DataTransform, measurer: TextMeasurer) {
        let frame = t.frame
        let tickFont = Font(size: axes.tickFontSize)
        let reach = AxisMetrics.tickLength + AxisMetrics.tickPad
        for (value, label) in zip(t.x.ticks, t.x.labels) {
            let e = measurer.measureText(label, font: tickFont)
            let x = frame.minX + t.x.fraction(value) * frame.width, top = frame.maxY + reach
            xTicks.append(PlacedText(text: label, origin: Point(x - e.width / 2, top + e.ascent),
                                     box: Rect(x: x - e.width / 2, y: top, width: e.width, height: e.height)))
        }
        for (value, label) in zip(t.y.ticks, t.y.labels) {
            let e = measurer.measureText(label, font: tickFont)
            let y = frame.maxY - t.y.fraction(value) * frame.height, right = frame.minX - reach
            yTicks.append(PlacedText(text: label, origin: Point(right - e.width, y + e.ascent / 2),
                                     box: Rect(x: right - e.width, y: y - e.ascent / 2, width: e.width, height: e.height)))
        }
        let tickBottom = xTicks.map(\.box.maxY).max() ?? frame.maxY
        var below = tickBottom
        if let offset = t.x.offsetLabel {
            let e = measurer.measureText(offset, font: tickFont)
            let top = tickBottom + AxisMetrics.offsetTextPad
            xOffset = PlacedText(text: offset, origin: Point(frame.maxX - e.width, top + e.ascent),
                                 box: Rect(x: frame.maxX - e.width, y: top, width: e.width, height: e.height))
        }
        if let offset = t.y.offsetLabel {
            let e = measurer.measureText(offset, font: tickFont)
            let bottom = frame.minY - AxisMetrics.offsetTextPad
            yOffset = PlacedText(text: offset, origin: Point(frame.minX, bottom - e.descent),
                                 box: Rect(x: frame.minX, y: bottom - e.height, width: e.width, height: e.height))
        }
        if let l = axes.xLabel {
            let block = TextBlock(l.text, font: l.font, measurer: measurer)
            var r = Rect(x: frame.midX - block.width / 2, y: below + AxisMetrics.labelPad, width: block.width, height: block.height)
            // Unlike matplotlib, step below the offset text rather than write over it.
            if let o = xOffset?.box, r.overlaps(o) {
                below = o.maxY
                r.y = below + AxisMetrics.labelPad
            }
            xLabel = (block, r)
        }
        if let l = axes.yLabel {
            let block = TextBlock(l.text, font: l.font, measurer: measurer)
            let right = (yTicks.map(\.box.minX).min() ?? frame.minX) - AxisMetrics.labelPad
            yLabel = (block, Rect(x: right - block.height, y: frame.midY - block.width / 2, width: block.height, height: block.width))
        }
        if let l = axes.title {
            let block = TextBlock(l.text, font: l.font, measurer: measurer)
            // The last baseline titlePad above the frame, or above a y offset text there.
            let baseline = min(frame.minY, yOffset?.box.minY ?? frame.minY) - AxisMetrics.titlePad
            let top = baseline - (block.baselines.last ?? 0)
            title = (block, Rect(x: frame.midX - block.width / 2, y: top, width: block.width, height: block.height))
        }
    }

    /// What matplotlib's tight_layout counts around the frame: everything here, with the title
    /// and x label narrowed to their centre line and the y label to its middle, as its
    /// `get_tightbbox(for_layout_only=True)` does.
    func layoutBounds(frame: Rect) -> Rect {
        var r = frame
        for p in xTicks + yTicks { r = r.union(p.box) }
        for p in [xOffset, yOffset].compactMap({ $0 }) { r = r.union(p.box) }
        if let (_, f) = title { r = r.union(Rect(x: f.midX, y: f.minY, width: 0, height: f.height)) }
        if let (_, f) = xLabel { r = r.union(Rect(x: f.midX, y: f.minY, width: 0, height: f.height)) }
        if let (_, f) = yLabel { r = r.union(Rect(x: f.minX, y: f.midY, width: f.width, height: 0)) }
        return r
    }
}
