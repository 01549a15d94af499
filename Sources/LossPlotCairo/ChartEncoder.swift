import CCairo
import LossPlotCharts
import Foundation

/// Why a chart could not be encoded.
public struct ChartEncodingError: Error, CustomStringConvertible {
    public let description: String
}

/// Encodes a figure as SVG, PNG or PDF bytes with Cairo: the `ChartEncoding` the command line
/// gives the report. Same input, same bytes. `ChartEncoder.encode` is the same without an instance.
public struct ChartEncoder: ChartEncoding {
    public init() {}

    public func encode(_ figure: Figure, as format: ChartFormat, options: ChartEncodingOptions = .init()) throws -> [UInt8] {
        try Self.encode(figure, as: format, options: options)
    }

    public static func encode(_ figure: Figure, as format: ChartFormat, options: ChartEncodingOptions = .init()) throws -> [UInt8] {
        do { try PixelScale.check(options.scale) } catch {
            throw ChartEncodingError(description: "scale \(error)")
        }
        switch format {
        case .png: return try png(figure, scale: options.scale)
        case .svg: return try svg(figure, options: options)
        case .pdf: return try pdf(figure, options: options)
        }
    }

    /// Collects what a Cairo stream surface writes.
    final class ByteSink {
        var bytes: [UInt8] = []
    }

    static let writeToSink: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    static func check(_ status: cairo_status_t, _ what: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown error"
            throw ChartEncodingError(description: "cairo could not \(what): \(message)")
        }
    }

    /// Draws `figure` onto `surface`, scaled from points by `factor`, then finishes the surface.
    static func draw(_ figure: Figure, on surface: OpaquePointer, factor: Double) throws {
        try check(cairo_surface_status(surface), "create the surface")
        guard let cr = cairo_create(surface) else { throw ChartEncodingError(description: "cairo could not create a context") }
        defer { cairo_destroy(cr) }
        if factor != 1 { cairo_scale(cr, factor, factor) }
        let renderer = CairoRenderer(context: cr)
        renderer.rasterScale = figure.dpi / 72
        figure.draw(on: renderer)
        try check(cairo_status(cr), "draw the chart")
        cairo_surface_flush(surface)
    }

    static func png(_ figure: Figure, scale: Double) throws -> [UInt8] {
        let (w, h) = figure.pixelSize(scale: scale)
        guard w > 0, h > 0, w <= 32768, h <= 32768 else {
            throw ChartEncodingError(description: "a \(w)x\(h) pixel image is out of range")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else {
            throw ChartEncodingError(description: "cairo could not create an image")
        }
        defer { cairo_surface_destroy(surface) }
        try draw(figure, on: surface, factor: figure.dpi / 72 * scale)
        return try PNGEncoding.encode(surface: surface)
    }

    /// Draws `figure` onto a vector stream surface that `make` creates writing into a sink,
    /// after `configure` has set it up; returns everything the surface wrote.
    static func vector(_ figure: Figure, kind: String, make: (cairo_write_func_t, UnsafeMutableRawPointer, Double, Double) -> OpaquePointer?,
                       configure: (OpaquePointer) -> Void) throws -> [UInt8] {
        let sink = ByteSink()
        let size = figure.size
        guard let surface = make(writeToSink, Unmanaged.passUnretained(sink).toOpaque(), size.width, size.height) else {
            throw ChartEncodingError(description: "cairo could not create a \(kind) surface")
        }
        // The surface writes into the sink until it is destroyed, on every path.
        return try withExtendedLifetime(sink) {
            defer { cairo_surface_destroy(surface) }
            configure(surface)
            try draw(figure, on: surface, factor: 1)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "write the \(kind)")
            return sink.bytes
        }
    }

    static func svg(_ figure: Figure, options: ChartEncodingOptions) throws -> [UInt8] {
        let bytes = try vector(figure, kind: "SVG", make: { cairo_svg_surface_create_for_stream($0, $1, $2, $3) }) { surface in
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(SVGDocument.finish(text, idPrefix: options.idPrefix, title: figure.title, description: figure.description).utf8)
    }

    static func pdf(_ figure: Figure, options: ChartEncodingOptions) throws -> [UInt8] {
        try vector(figure, kind: "PDF", make: { cairo_pdf_surface_create_for_stream($0, $1, $2, $3) }) { surface in
            let date = pdfDate(epoch: options.sourceDateEpoch ?? 0)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
            if !figure.title.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, figure.title) }
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "lossplot")
        }
    }

    /// ISO 8601 in UTC, as Cairo's PDF metadata takes it.
    static func pdfDate(epoch: Int) -> String {
        var t = time_t(epoch)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
