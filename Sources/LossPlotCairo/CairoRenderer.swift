import CCairo
import LossPlotCharts
import Foundation

/// Draws the chart model onto a Cairo context. Works on any surface: image (PNG), SVG, PDF.
///
/// Fonts use Cairo's own font selection (fontconfig) with DejaVu Sans. Text is measured as
/// matplotlib's Agg measures it, hinted at the figure's dpi (`rasterScale`) whatever the surface,
/// so a chart lays out the same in every format and at every scale; raster output at the
/// figure's own dpi also draws hinted glyphs, as Agg does, elsewhere they are unhinted outlines.
///
/// One file per concern: this one holds the context, its surface and groups; paths, markers,
/// text and images are drawn in `CairoRenderer+Paths`, `+Markers`, `+Text` and `+Images`.
public final class CairoRenderer: Renderer {
    let cr: OpaquePointer
    /// A private context where text is measured in pixels of the figure's dpi.
    let measuring: (surface: OpaquePointer, context: OpaquePointer)?
    /// Pixels per point of rasterised markers and of text measurement (the figure's dpi / 72).
    public var rasterScale = 100.0 / 72

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

    /// Groups name parts of the chart for renderers that keep them; Cairo's output has no use
    /// for them (SVG ids come from the surface), so they are ignored.
    public func beginGroup(_ name: String) {}
    public func endGroup() {}

    /// True when the context draws pixels (PNG), not vectors (SVG, PDF).
    var drawsOnImage: Bool { cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE }

    /// The context's current figure-points-to-device transform.
    var deviceMatrix: cairo_matrix_t {
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        return m
    }

    /// True when drawing lands on pixels of the figure's dpi, where hinted glyphs belong.
    var drawsAtFigureDPI: Bool {
        guard drawsOnImage else { return false }
        let m = deviceMatrix
        return m.xy == 0 && m.yx == 0 && abs(m.xx - rasterScale) < 1e-9 && abs(m.yy - rasterScale) < 1e-9
    }

    func setSource(_ c: Color) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    /// Runs `body` with the context's state saved, clipped to `clip` when given.
    func withClip(_ clip: Rect?, _ body: () -> Void) {
        cairo_save(cr)
        if let c = clip {
            cairo_rectangle(cr, c.x, c.y, c.width, c.height)
            cairo_clip(cr)
        }
        body()
        cairo_restore(cr)
    }
}
