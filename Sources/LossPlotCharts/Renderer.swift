import Foundation

/// Anything that can measure a line of text as a renderer would draw it (Cairo, or a test double).
/// Layout needs only this: a figure is placed by measuring its text, never by drawing.
public protocol TextMeasurer: AnyObject {
    /// Measures one line of text as `Renderer.drawText` would draw it.
    func measureText(_ text: String, font: Font) -> TextExtents
}

/// The narrow drawing interface every output backend implements, in figure points.
///
/// Four primitives are required: paths, text, raster images, and (from `TextMeasurer`) text
/// measurement. Markers have a default built on `drawPath`; a backend may stamp them faster.
public protocol Renderer: TextMeasurer {
    /// Strokes and/or fills `path`, clipped to `clip` when given.
    func drawPath(_ path: Path, stroke: StrokeStyle?, fill: Color?, clip: Rect?)
    /// Draws one line of text with its baseline starting at `origin`, turned by `rotation`
    /// radians counter-clockwise about that origin.
    func drawText(_ text: String, origin: Point, font: Font, color: Color, rotation: Double)
    /// Draws the same marker (a path around 0,0) at every point. `rasterized` asks for the markers
    /// as one image at the figure's dpi covering `clip` (or the markers, without a clip), as
    /// matplotlib's `rasterized=True`; a backend that draws pixels anyway has nothing to change.
    func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?, rasterized: Bool)
    /// Draws `image` stretched over `rect` (its top-left pixel at the rect's top-left corner),
    /// clipped to `clip` when given.
    func drawImage(_ image: RasterImage, in rect: Rect, clip: Rect?)
    /// Marks the start of a part of the chart ("axes 0", "legend", "series 1"); parts nest.
    /// Backends that do not care ignore it; the recording renderer keeps it with each record.
    func beginGroup(_ name: String)
    /// Ends the part begun by the matching `beginGroup`.
    func endGroup()
}

extension Renderer {
    public func beginGroup(_ name: String) {}
    public func endGroup() {}

    /// Runs `body` inside a named group.
    public func group(_ name: String, _ body: () -> Void) {
        beginGroup(name)
        body()
        endGroup()
    }

    /// Each marker as its own path; an image is not made (a backend that can make one implements
    /// this itself).
    public func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?, rasterized: Bool) {
        for p in points { drawPath(marker.translated(by: p), stroke: stroke, fill: fill, clip: clip) }
    }

    /// Draws text placed by `anchor` relative to `point`, measuring it first.
    public func drawText(_ text: String, at point: Point, anchor: TextAnchor, font: Font, color: Color, rotation: Double = 0) {
        let e = measureText(text, font: font)
        let dx: Double
        switch anchor.horizontal {
        case .left: dx = 0
        case .center: dx = -e.width / 2
        case .right: dx = -e.width
        }
        let dy: Double
        switch anchor.vertical {
        case .top: dy = e.ascent
        case .center: dy = (e.ascent - e.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -e.descent
        }
        // Offsets are along the text's own axes, then turned with it (y grows down).
        let c = cos(rotation), s = sin(rotation)
        let origin = Point(point.x + dx * c + dy * s, point.y - dx * s + dy * c)
        drawText(text, origin: origin, font: font, color: color, rotation: rotation)
    }
}

extension Path {
    /// What this marker covers stamped at every one of `points`: its bounds (widened by half the
    /// stroke) around the points' extremes; nil for no points or an empty marker.
    public func bounds(stampedAt points: [Point], stroke: StrokeStyle?) -> Rect? {
        guard let m = bounds.map({ r in stroke.map { r.insetBy(-$0.width / 2) } ?? r }), !points.isEmpty else { return nil }
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for p in points { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
        return Rect(x: x0 + m.minX, y: y0 + m.minY, width: x1 - x0 + m.width, height: y1 - y0 + m.height)
    }

    /// The same path moved by `p`.
    public func translated(by p: Point) -> Path {
        var out = Path()
        for e in elements {
            switch e {
            case .move(let a): out.move(to: Point(a.x + p.x, a.y + p.y))
            case .line(let a): out.line(to: Point(a.x + p.x, a.y + p.y))
            case .curve(let a, let b, let c):
                out.curve(to: Point(c.x + p.x, c.y + p.y), control1: Point(a.x + p.x, a.y + p.y), control2: Point(b.x + p.x, b.y + p.y))
            case .close: out.close()
            }
        }
        return out
    }
}
