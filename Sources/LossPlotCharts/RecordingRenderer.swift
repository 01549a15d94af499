import Foundation

/// A renderer that draws nothing and remembers everything: each path, marker set, text and image
/// with its place in figure points and the groups ("axes 0", "legend", ...) it was drawn in.
/// Text is measured by a real measurer (Cairo in tests), so recorded text boxes are true.
public final class RecordingRenderer: Renderer {
    /// One thing drawn.
    public enum Item: Sendable {
        case path(Path, stroke: StrokeStyle?, fill: Color?)
        case markers(Path, at: [Point], stroke: StrokeStyle?, fill: Color?, rasterized: Bool)
        case text(String, origin: Point, font: Font, color: Color, rotation: Double)
        case image(RasterImage, rect: Rect)
    }

    /// One drawing call as recorded.
    public struct Record: Sendable {
        public var item: Item
        /// Enclosing group names, outermost first.
        public var groups: [String]
        public var clip: Rect?
        /// What the call covers, in figure points, before clipping (strokes widen it by half
        /// their width; text is its ink-independent line box: advance width by ascent + descent).
        public var bounds: Rect?

        /// True when some enclosing group is named `name`.
        public func isIn(_ name: String) -> Bool { groups.contains(name) }
        /// The text, for text records.
        public var text: String? {
            if case .text(let s, _, _, _, _) = item { return s }
            return nil
        }
        /// The bounds as drawn, cut to the clip rectangle (nil when nothing is visible).
        public var visibleBounds: Rect? {
            guard let b = bounds else { return nil }
            guard let c = clip else { return b }
            let x0 = max(b.minX, c.minX), y0 = max(b.minY, c.minY), x1 = min(b.maxX, c.maxX), y1 = min(b.maxY, c.maxY)
            return x1 >= x0 && y1 >= y0 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
        }
    }

    public private(set) var records: [Record] = []
    private var stack: [String] = []
    private let measurer: TextMeasurer

    /// Records drawing calls, measuring text with `measurer`.
    public init(measuringWith measurer: TextMeasurer) { self.measurer = measurer }

    public func beginGroup(_ name: String) { stack.append(name) }
    public func endGroup() { _ = stack.popLast() }

    public func drawPath(_ path: Path, stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        let b = path.bounds.map { r in stroke.map { r.insetBy(-$0.width / 2) } ?? r }
        records.append(Record(item: .path(path, stroke: stroke, fill: fill), groups: stack, clip: clip, bounds: b))
    }

    public func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?, rasterized: Bool) {
        records.append(Record(item: .markers(marker, at: points, stroke: stroke, fill: fill, rasterized: rasterized), groups: stack, clip: clip,
                              bounds: marker.bounds(stampedAt: points, stroke: stroke)))
    }

    public func drawText(_ text: String, origin: Point, font: Font, color: Color, rotation: Double) {
        let e = measurer.measureText(text, font: font)
        // Corners of the line box in the text's own frame (y down), turned about the origin.
        let c = cos(rotation), s = sin(rotation)
        let corners = [(0.0, -e.ascent), (e.width, -e.ascent), (e.width, e.descent), (0.0, e.descent)].map { (dx, dy) in
            Point(origin.x + dx * c + dy * s, origin.y - dx * s + dy * c)
        }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let box = Rect(x: xs.min() ?? origin.x, y: ys.min() ?? origin.y,
                       width: (xs.max() ?? origin.x) - (xs.min() ?? origin.x), height: (ys.max() ?? origin.y) - (ys.min() ?? origin.y))
        records.append(Record(item: .text(text, origin: origin, font: font, color: color, rotation: rotation), groups: stack, clip: nil, bounds: box))
    }

    public func measureText(_ text: String, font: Font) -> TextExtents { measurer.measureText(text, font: font) }

    public func drawImage(_ image: RasterImage, in rect: Rect, clip: Rect?) {
        records.append(Record(item: .image(image, rect: rect), groups: stack, clip: clip, bounds: rect))
    }

    /// Every text record.
    public var texts: [Record] { records.filter { $0.text != nil } }

    /// The records drawn inside a group named `name`.
    public func records(in name: String) -> [Record] { records.filter { $0.isIn(name) } }
}
