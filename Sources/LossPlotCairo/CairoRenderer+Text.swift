import CCairo
import LossPlotCharts
import Foundation

/// Text: fonts, glyph layout with the face's kerning, measuring and drawing.
extension CairoRenderer {
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

    /// Hinted: glyph outlines and advances fitted to the pixel grid (FreeType's native hinter, as
    /// matplotlib's Agg uses); otherwise exact outlines at fractional positions.
    static func setFontOptions(_ cr: OpaquePointer, hinted: Bool) {
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

    /// Selects `font`'s resolved face (`FontFaces`; Cairo's toy selection when none) at its size
    /// times `scale` on `context`.
    func select(_ font: Font, on context: OpaquePointer, scale: Double = 1) {
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
    func layoutGlyphs(_ text: String, font: Font) -> (glyphs: [cairo_glyph_t], extents: cairo_text_extents_t)? {
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
}
