/// A file format a chart is written in.
public enum ChartFormat: String, CaseIterable, Sendable {
    case svg, png, pdf

    /// The format a file name's extension names (case-insensitive), nil for any other.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    public var fileExtension: String { rawValue }

    public var mimeType: String {
        switch self {
        case .svg: return "image/svg+xml"
        case .png: return "image/png"
        case .pdf: return "application/pdf"
        }
    }
}

/// Options for turning a figure into file bytes.
public struct ChartEncodingOptions: Sendable {
    /// Raster multiplier: 2 doubles PNG pixels with the same layout (HiDPI). Vector formats ignore it.
    public var scale: Double
    /// Prepended to every SVG element id, so several charts can sit inline in one page.
    public var idPrefix: String
    /// Seconds since 1970 for dates written into files (the PDF creation date); 0 when nil,
    /// never the clock.
    public var sourceDateEpoch: Int?

    public init(scale: Double = 1, idPrefix: String = "chart", sourceDateEpoch: Int? = nil) {
        self.scale = scale; self.idPrefix = idPrefix; self.sourceDateEpoch = sourceDateEpoch
    }
}

/// Turns a figure into the bytes of a file in a format: what whoever writes charts (the report,
/// the command line) needs of a backend, so that it never sees the backend itself. Same figure,
/// format and options, same bytes. Called from several threads at once, one figure each.
public protocol ChartEncoding: Sendable {
    /// The file's bytes; throws one line when the figure cannot be encoded with these options.
    func encode(_ figure: Figure, as format: ChartFormat, options: ChartEncodingOptions) throws -> [UInt8]
}
