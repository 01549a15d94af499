import CCairo
import LossPlotCharts
import Foundation

/// Paths: strokes and fills, snapped to the pixel grid on raster output as matplotlib snaps.
extension CairoRenderer {
    public func drawPath(_ path: Path, stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        let path = snapped(path, stroke: stroke)
        withClip(clip) {
            appendPath(path)
            fillAndStroke(fill: fill, stroke: stroke)
        }
    }

    /// Makes `path` the context's current path.
    func appendPath(_ path: Path) {
        cairo_new_path(cr)
        for e in path.elements {
            switch e {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// Fills the current path, then strokes it, either when given; the path is used up.
    func fillAndStroke(fill: Color?, stroke: StrokeStyle?) {
        if let f = fill {
            setSource(f)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s = stroke {
            apply(s)
            cairo_stroke(cr)
        }
    }

    /// Sets the context's line width, cap, join, dashes and colour to `s`.
    func apply(_ s: StrokeStyle) {
        cairo_set_line_width(cr, s.width)
        switch s.cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch s.join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        let dashes = s.dash.pattern(width: s.width)
        cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
        setSource(s.color)
    }

    /// matplotlib's path snapping on raster output: a stroked path made only of horizontal and
    /// vertical segments (spines, ticks, grid, axhline), or any path whose stroke asks for it, has
    /// its vertices moved to pixel centres (pixel edges for even pixel widths), so thin rules stay
    /// one crisp pixel wide.
    func snapped(_ path: Path, stroke: StrokeStyle?) -> Path {
        guard let stroke, drawsOnImage else { return path }
        let m = deviceMatrix
        guard m.xy == 0, m.yx == 0, m.xx > 0, m.yy > 0 else { return path }
        var last: Point?
        for e in path.elements where !stroke.snap {
            switch e {
            case .move(let p): last = p
            case .line(let p):
                guard let a = last, a.x == p.x || a.y == p.y else { return path }
                last = p
            case .curve: return path
            case .close: break
            }
        }
        let offset = Int((stroke.width * m.xx).rounded()) % 2 == 1 ? 0.5 : 0
        func snap(_ p: Point) -> Point {
            let dx = floor(p.x * m.xx + m.x0 + 0.5) + offset, dy = floor(p.y * m.yy + m.y0 + 0.5) + offset
            return Point((dx - m.x0) / m.xx, (dy - m.y0) / m.yy)
        }
        var out = Path()
        for e in path.elements {
            switch e {
            case .move(let p): out.move(to: snap(p))
            case .line(let p): out.line(to: snap(p))
            case .curve(let a, let b, let c): out.curve(to: snap(c), control1: snap(a), control2: snap(b))
            case .close: out.close()
            }
        }
        return out
    }
}
