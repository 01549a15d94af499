import CCairo
import Charts
import Foundation

/// Draws the chart model onto a Cairo context. Works on any surface: image (PNG), SVG, PDF.
///
/// Fonts use Cairo's own font selection (fontconfig) with DejaVu Sans; metrics are unhinted so
/// that a chart lays out the same in every format and at every scale.
public final class CairoRenderer: Renderer {
    let cr: OpaquePointer
    private var fontCache: [Font: (ascent: Double, descent: Double)] = [:]

    /// Wraps `context`, which the caller keeps alive for the renderer's lifetime.
    init(context: OpaquePointer) {
        cr = context
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    private func setSource(_ c: Color) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private func appendPath(_ path: Path) {
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

    private func apply(_ s: StrokeStyle) {
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

    private func withClip(_ clip: Rect?, _ body: () -> Void) {
        cairo_save(cr)
        if let c = clip {
            cairo_rectangle(cr, c.x, c.y, c.width, c.height)
            cairo_clip(cr)
        }
        body()
        cairo_restore(cr)
    }

    public func drawPath(_ path: Path, stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        withClip(clip) {
            appendPath(path)
            if let f = fill {
                setSource(f)
                if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
            }
            if let s = stroke {
                apply(s)
                cairo_stroke(cr)
            }
        }
    }

    public func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        withClip(clip) {
            for p in points {
                cairo_save(cr)
                cairo_translate(cr, p.x, p.y)
                appendPath(marker)
                if let f = fill {
                    setSource(f)
                    if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
                }
                if let s = stroke { apply(s); cairo_stroke(cr) }
                cairo_restore(cr)
            }
        }
    }

    private func select(_ font: Font) {
        cairo_select_font_face(cr, font.family, CAIRO_FONT_SLANT_NORMAL,
                               font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, font.size)
    }

    public func drawText(_ text: String, origin: Point, font: Font, color: Color, rotation: Double) {
        cairo_save(cr)
        select(font)
        setSource(color)
        cairo_translate(cr, origin.x, origin.y)
        if rotation != 0 { cairo_rotate(cr, -rotation) }
        cairo_move_to(cr, 0, 0)
        cairo_show_text(cr, text)
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    /// Width from the glyph advances; ascent and descent from "lp" as matplotlib measures lines,
    /// so every line of one font has the same height whatever its letters.
    public func measureText(_ text: String, font: Font) -> TextExtents {
        cairo_save(cr)
        select(font)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, text, &e)
        let line: (ascent: Double, descent: Double)
        if let cached = fontCache[font] {
            line = cached
        } else {
            var lp = cairo_text_extents_t()
            cairo_text_extents(cr, "lp", &lp)
            line = (-lp.y_bearing, lp.height + lp.y_bearing)
            fontCache[font] = line
        }
        cairo_restore(cr)
        return TextExtents(width: e.x_advance, ascent: line.ascent, descent: line.descent)
    }

    public func drawImage(argb: [UInt32], width: Int, height: Int, in rect: Rect, clip: Rect?) {
        guard width > 0, height > 0, argb.count == width * height else { return }
        var pixels = argb
        pixels.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width))
            guard stride == Int32(width * 4), let image = cairo_image_surface_create_for_data(base, CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), stride) else { return }
            defer { cairo_surface_destroy(image) }
            withClip(clip) {
                cairo_translate(cr, rect.x, rect.y)
                cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
                cairo_set_source_surface(cr, image, 0, 0)
                cairo_paint(cr)
            }
            cairo_surface_finish(image)
        }
    }
}
