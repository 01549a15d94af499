import CCairo
import LossPlotCharts

/// Measures text exactly as the Cairo renderer draws it, without drawing anything: for laying
/// out or checking a figure (with `RecordingRenderer`) away from any output surface.
public final class CairoTextMeasurer: TextMeasurer {
    private let surface: OpaquePointer?
    private let context: OpaquePointer?
    private let renderer: CairoRenderer?

    /// Measures as a figure of `dpi` dots per inch is measured (matplotlib's default 100).
    public init(dpi: Double = 100) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = surface.flatMap { cairo_create($0) }
        renderer = context.map { CairoRenderer(context: $0) }
        renderer?.rasterScale = dpi / 72
    }

    deinit {
        if let context { cairo_destroy(context) }
        if let surface { cairo_surface_destroy(surface) }
    }

    public func measureText(_ text: String, font: Font) -> TextExtents {
        renderer?.measureText(text, font: font) ?? TextExtents(width: 0, ascent: 0, descent: 0)
    }
}
