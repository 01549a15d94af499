import CCairo
import Charts
import Foundation

/// Draws the chart model onto a Cairo context. Works on any surface: image (PNG), SVG, PDF.
///
/// Fonts use Cairo's own font selection (fontconfig) with DejaVu Sans. Text is measured as
/// matplotlib's Agg measures it, hinted at the figure's dpi (`rasterScale`) whatever the surface,
/// so a chart lays out the same in every format and at every scale; raster output at the
/// figure's own dpi also draws hinted glyphs, as Agg does, elsewhere they are unhinted outlines.
public final class CairoRenderer: Renderer {
    let cr: OpaquePointer
    /// A private context where text is measured in pixels of the figure's dpi.
    private let measuring: (surface: OpaquePointer, context: OpaquePointer)?

    /// Wraps `context`, which the caller keeps alive for the renderer's lifetime.
    init(context: OpaquePointer) {
        cr = context
        CairoRenderer.setFontOptions(cr, hinted: false)
        if let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) {
            if let context = cairo_create(surface) {
                CairoRenderer.setFontOptions(context, hinted: true)
                measuring = (surface, context)
            } else {
                cairo_surface_destroy(surface)
                measuring = nil
            }
        } else {
            measuring = nil
        }
    }

    deinit {
        if let m = measuring {
            cairo_destroy(m.context)
            cairo_surface_destroy(m.surface)
        }
    }

    /// Hinted: glyph outlines and advances fitted to the pixel grid (FreeType's native hinter, as
    /// matplotlib's Agg uses); otherwise exact outlines at fractional positions.
    private static func setFontOptions(_ cr: OpaquePointer, hinted: Bool) {
        let options = fontOptions(hinted: hinted)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    /// New font options (the caller destroys them): hinted, or exact outlines; gray antialiasing.
    static func fontOptions(hinted: Bool) -> OpaquePointer? {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, hinted ? CAIRO_HINT_METRICS_ON : CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, hinted ? CAIRO_HINT_STYLE_FULL : CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        return options
    }

    /// The options text is measured with, which fonts are resolved with (`FontFaces`).
    static func measuringOptions() -> OpaquePointer? { fontOptions(hinted: true) }

    /// True when drawing lands on pixels of the figure's dpi, where hinted glyphs belong.
    private var drawsAtFigureDPI: Bool {
        guard cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE else { return false }
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        return m.xy == 0 && m.yx == 0 && abs(m.xx - rasterScale) < 1e-9 && abs(m.yy - rasterScale) < 1e-9
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

    /// matplotlib's path snapping on raster output: a stroked path made only of horizontal and
    /// vertical segments (spines, ticks, grid, axhline), or any path whose stroke asks for it, has
    /// its vertices moved to pixel centres (pixel edges for even pixel widths), so thin rules stay
    /// one crisp pixel wide.
    private func snapped(_ path: Path, stroke: StrokeStyle?) -> Path {
        guard let stroke, cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE else { return path }
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
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

    public func drawPath(_ path: Path, stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        let path = snapped(path, stroke: stroke)
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

    /// Pixels per point of rasterised markers and of text measurement (the figure's dpi / 72).
    public var rasterScale = 100.0 / 72

    /// On an image surface, many markers are stamped (the same pixels as paths, faster); on a vector
    /// surface, `rasterized` markers become one image at `rasterScale` over the clip.
    public func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?, rasterized: Bool) {
        guard !points.isEmpty else { return }
        let target = cairo_get_target(cr)
        if cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE {
            if points.count > 8, let left = stampMarkers(marker, at: points, stroke: stroke, fill: fill, clip: clip) {
                drawMarkerPaths(marker, at: left, stroke: stroke, fill: fill, clip: clip)
                return
            }
        } else if rasterized, let region = clip ?? rasterRegion(marker, at: points, stroke: stroke),
                  rasterizeMarkers(marker, at: points, stroke: stroke, fill: fill, clip: region) {
            return
        }
        drawMarkerPaths(marker, at: points, stroke: stroke, fill: fill, clip: clip)
    }

    /// Each marker as its own path: exact, and the only way on vector surfaces.
    private func drawMarkerPaths(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        guard !points.isEmpty else { return }
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

    /// Blends a pre-rendered stamp at every point of an image surface whose stamp fits inside the
    /// clip; returns the points left for paths (near the clip's edges), nil when it cannot stamp.
    private func stampMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?) -> [Point]? {
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        guard m.xy == 0, m.yx == 0, m.xx > 0, m.xx == m.yy,
              let stamps = MarkerStamps(marker: marker, stroke: stroke, fill: fill, scale: m.xx) else { return nil }
        let target = cairo_get_target(cr)
        let format = cairo_image_surface_get_format(target)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else { return nil }
        cairo_surface_flush(target)
        guard let data = cairo_image_surface_get_data(target) else { return nil }
        let width = Int(cairo_image_surface_get_width(target)), height = Int(cairo_image_surface_get_height(target))
        let stride = Int(cairo_image_surface_get_stride(target))
        var box = (x0: 0, y0: 0, x1: width, y1: height)
        if let c = clip {
            // Whole device pixels inside the clip: stamps there need no clipping.
            box = (Int((c.minX * m.xx + m.x0).rounded(.up)), Int((c.minY * m.yy + m.y0).rounded(.up)),
                   Int((c.maxX * m.xx + m.x0).rounded(.down)), Int((c.maxY * m.yy + m.y0).rounded(.down)))
        }
        let device = points.map { Point($0.x * m.xx + m.x0, $0.y * m.yy + m.y0) }
        let skipped = stamps.blend(device, into: data, stride: stride, width: width, height: height, clip: box)
        cairo_surface_mark_dirty(target)
        return skipped.map { points[$0] }
    }

    /// Where unclipped rasterised markers go: all of them, with room for the joins and caps of their
    /// stroke (up to about one and a half widths past the path); nil for no finite extent.
    private func rasterRegion(_ marker: Path, at points: [Point], stroke: StrokeStyle?) -> Rect? {
        guard let b = marker.bounds(stampedAt: points, stroke: stroke), b.minX.isFinite, b.minY.isFinite,
              b.width.isFinite, b.height.isFinite else { return nil }
        return b.insetBy(-(stroke?.width ?? 0))
    }

    /// Draws the markers into an image over `clip` and places that image: for vector surfaces.
    private func rasterizeMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect) -> Bool {
        let s = rasterScale
        let w = Int((clip.width * s).rounded(.up)), h = Int((clip.height * s).rounded(.up))
        guard s > 0, w > 0, h > 0, w <= 16384, h <= 16384,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else { return false }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return false }
        cairo_scale(context, s, s)
        cairo_translate(context, -clip.x, -clip.y)
        CairoRenderer(context: context).drawMarkers(marker, at: points, stroke: stroke, fill: fill, clip: clip, rasterized: false)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let image = CairoRenderer.rasterImage(of: surface) else { return false }
        drawImage(image, in: Rect(x: clip.x, y: clip.y, width: Double(w) / s, height: Double(h) / s), clip: clip)
        return true
    }

    private func select(_ font: Font, on context: OpaquePointer, scale: Double = 1) {
        if let face = FontFaces.face(family: font.family, bold: font.weight == .bold) {
            cairo_set_font_face(context, face)
        } else {
            cairo_select_font_face(context, font.family, CAIRO_FONT_SLANT_NORMAL,
                                   font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(context, font.size * scale)
    }

    /// The glyphs of one line as matplotlib places them, in pixels of the figure's dpi from the
    /// origin: hinted advances plus the face's kerning (`kern`); with their extents.
    private func layoutGlyphs(_ text: String, font: Font) -> (glyphs: [cairo_glyph_t], extents: cairo_text_extents_t)? {
        guard let m = measuring, !text.isEmpty, rasterScale > 0 else { return nil }
        let k = rasterScale
        select(font, on: m.context, scale: k)
        guard let scaled = cairo_get_scaled_font(m.context) else { return nil }
        var list: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        guard cairo_scaled_font_text_to_glyphs(scaled, 0, 0, text, -1, &list, &count, nil, nil, nil) == CAIRO_STATUS_SUCCESS,
              let list else { return nil }
        defer { cairo_glyph_free(list) }
        var glyphs = Array(UnsafeBufferPointer(start: list, count: Int(count)))
        CairoRenderer.kern(&glyphs, font: scaled, pixelsPerEm: font.size * k)
        var e = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(scaled, &glyphs, Int32(glyphs.count), &e)
        return (glyphs, e)
    }

    /// Moves each glyph by the kerning of every pair before it, as matplotlib's FT2Font kerns: the
    /// pair's adjustment in font units from the FreeType face behind `font` (its 'kern' table,
    /// through FT_Get_Kerning), scaled to `pixelsPerEm` exactly (not to the face's integer
    /// pixels-per-em) and rounded to 1/64 pixel, FreeType's 26.6 fixed point.
    static func kern(_ glyphs: inout [cairo_glyph_t], font: OpaquePointer, pixelsPerEm: Double) {
        guard glyphs.count > 1, cairo_scaled_font_get_type(font) == CAIRO_FONT_TYPE_FT,
              let face = cairo_ft_scaled_font_lock_face(font) else { return }
        defer { cairo_ft_scaled_font_unlock_face(font) }
        let unitsPerEm = Double(face.pointee.units_per_EM)
        guard unitsPerEm > 0 else { return }
        var shift = 0.0
        for i in glyphs.indices.dropFirst() {
            var delta = FT_Vector()
            if let left = FT_UInt(exactly: glyphs[i - 1].index), let right = FT_UInt(exactly: glyphs[i].index),
               FT_Get_Kerning(face, left, right, FT_KERNING_UNSCALED.rawValue, &delta) == 0, delta.x != 0 {
                shift += (Double(delta.x) * pixelsPerEm / unitsPerEm * 64).rounded() / 64
            }
            glyphs[i].x += shift
        }
    }

    public func drawText(_ text: String, origin: Point, font: Font, color: Color, rotation: Double) {
        guard var glyphs = layoutGlyphs(text, font: font)?.glyphs, !glyphs.isEmpty else { return }
        for i in glyphs.indices { glyphs[i].x /= rasterScale; glyphs[i].y /= rasterScale }
        cairo_save(cr)
        let hinted = rotation == 0 && drawsAtFigureDPI
        if hinted { CairoRenderer.setFontOptions(cr, hinted: true) }
        select(font, on: cr)
        setSource(color)
        cairo_translate(cr, origin.x, origin.y)
        if rotation != 0 { cairo_rotate(cr, -rotation) }
        cairo_show_glyphs(cr, &glyphs, Int32(glyphs.count))
        cairo_new_path(cr)
        if hinted { CairoRenderer.setFontOptions(cr, hinted: false) }
        cairo_restore(cr)
    }

    /// matplotlib's measure of one line: the advance width of the hinted, kerned glyphs at the
    /// figure's dpi, and their ink above and below the baseline, never less than the font's typo
    /// ascent and descent (`FontMetrics`).
    public func measureText(_ text: String, font: Font) -> TextExtents {
        let ascent = FontMetrics.typoAscent * font.size, descent = FontMetrics.typoDescent * font.size
        guard let e = layoutGlyphs(text, font: font)?.extents else { return TextExtents(width: 0, ascent: ascent, descent: descent) }
        let k = rasterScale
        let inkAscent = e.height > 0 ? -e.y_bearing / k : 0, inkDescent = e.height > 0 ? (e.height + e.y_bearing) / k : 0
        return TextExtents(width: e.x_advance / k, ascent: max(ascent, inkAscent), descent: max(descent, inkDescent))
    }

    public func drawImage(_ image: RasterImage, in rect: Rect, clip: Rect?) {
        let width = image.width, height = image.height
        // Cairo's largest image side.
        guard width <= 32767, height <= 32767 else { return }
        var pixels = CairoRenderer.argb32(image)
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

extension CairoRenderer {
    /// `image` as Cairo's ARGB32: premultiplied, one native-endian word a pixel, alpha in the top byte.
    static func argb32(_ image: RasterImage) -> [UInt32] {
        let rgba = image.premultiplied().rgba
        return rgba.withUnsafeBufferPointer { p in
            (0..<(image.width * image.height)).map { i in
                UInt32(p[4 * i + 3]) << 24 | UInt32(p[4 * i]) << 16 | UInt32(p[4 * i + 1]) << 8 | UInt32(p[4 * i + 2])
            }
        }
    }

    /// The pixels of an ARGB32 image surface (flushed) as a premultiplied `RasterImage`; nil for
    /// another format or a surface without data.
    static func rasterImage(of surface: OpaquePointer) -> RasterImage? {
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32, let data = cairo_image_surface_get_data(surface) else { return nil }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard w > 0, h > 0, stride >= 4 * w else { return nil }
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<w {
                let v = row.load(fromByteOffset: x * 4, as: UInt32.self)
                let o = (y * w + x) * 4
                rgba[o] = UInt8(truncatingIfNeeded: v >> 16)
                rgba[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                rgba[o + 2] = UInt8(truncatingIfNeeded: v)
                rgba[o + 3] = UInt8(truncatingIfNeeded: v >> 24)
            }
        }
        return RasterImage(width: w, height: h, rgba: rgba, alpha: .premultiplied)
    }
}
