/// A short text beside one data point ("min 0.231"), placed where it fits: beside the point,
/// inside the axes frame, clear of the labels placed before it. A label that fits nowhere is
/// left out rather than drawn over another.
public struct PointLabel: Equatable, Sendable {
    public var text: String
    public var x: Double
    public var y: Double
    public var color: Color
    public var fontSize: Double

    public init(_ text: String, x: Double, y: Double, color: Color = .black, fontSize: Double = 8) {
        self.text = text; self.x = x; self.y = y; self.color = color; self.fontSize = fontSize
    }
}

/// Places and draws an axes' point labels, each on a white translucent box so it reads over
/// the lines.
struct PointLabelDrawing {
    let labels: [PointLabel]
    let transform: DataTransform

    /// Gap between the point and its label, and the box's padding, in points.
    static let gap = 3.0
    static let pad = 1.0

    /// How many label heights a label may move up or down to find room.
    static let maximumSteps = 5

    /// One placed label: its text origin, its box, and whether it moved off the point's side
    /// (it then gets a leader line to the point).
    struct Placement {
        let origin: Point
        let box: Rect
        let displaced: Bool
    }

    /// Each label's placement, in order; nil for a label that fits nowhere.
    func placements(measurer: TextMeasurer) -> [Placement?] {
        let frame = transform.frame.insetBy(1)
        var taken: [Rect] = []
        return labels.map { label in
            let p = transform.point(label.x, label.y)
            guard p.x.isFinite, p.y.isFinite, transform.frame.contains(p) else { return nil }
            let e = measurer.measureText(label.text, font: Font(size: label.fontSize))
            let w = e.width + 2 * Self.pad, h = e.height + 2 * Self.pad
            // Right of the point, then left; just above or below it, then a row further at a time.
            for step in 0...Self.maximumSteps {
                for side in [1.0, -1.0] {
                    let x = side > 0 ? p.x + Self.gap : p.x - Self.gap - w
                    let away = Double(step) * h
                    for y in [p.y - Self.gap / 2 - h - away, p.y + Self.gap / 2 + away] {
                        let r = Rect(x: x, y: y, width: w, height: h)
                        guard r.minX >= frame.minX, r.maxX <= frame.maxX, r.minY >= frame.minY, r.maxY <= frame.maxY,
                              !taken.contains(where: { $0.overlaps(r) }) else { continue }
                        taken.append(r)
                        return Placement(origin: Point(r.minX + Self.pad, r.minY + Self.pad + e.ascent), box: r, displaced: step > 0)
                    }
                }
            }
            return nil
        }
    }

    func draw(on renderer: Renderer) {
        for (label, placed) in zip(labels, placements(measurer: renderer)) {
            guard let placed else { continue }
            if placed.displaced {
                // A hairline from the point to the nearer end of the box's nearer edge.
                let p = transform.point(label.x, label.y)
                let edgeY = p.y < placed.box.minY ? placed.box.minY : placed.box.maxY
                let edgeX = p.x < placed.box.midX ? placed.box.minX : placed.box.maxX
                var leader = Path()
                leader.move(to: p); leader.line(to: Point(edgeX, edgeY))
                renderer.drawPath(leader, stroke: StrokeStyle(color: label.color.withAlpha(0.6), width: 0.5), fill: nil, clip: nil)
            }
            renderer.drawPath(.roundedRectangle(placed.box, radius: 1.5), stroke: nil, fill: Color.white.withAlpha(0.75), clip: nil)
            renderer.drawText(label.text, origin: placed.origin, font: Font(size: label.fontSize), color: label.color, rotation: 0)
        }
    }
}
