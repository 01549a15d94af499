import LossPlotCharts

/// Everything a report of runs depends on besides the runs: where it goes, how it is written.
/// Same options, same runs and same templates: same bytes.
public struct RunReportOptions: Sendable {
    /// The folder to write; replaced whole only when it is empty or an earlier lossplot report.
    public var outputDirectory: String
    /// The page's heading; nil for `defaultTitle`.
    public var title: String?
    /// One `index.html` (beside `runs.json` and the manifest) with the stylesheet and every chart
    /// inside it. Otherwise the page links `runs.css` and offers each chart's files under `charts/`.
    public var selfContained: Bool
    /// The chart files written under `charts/` when not self-contained (the page always holds
    /// each chart inline as SVG). Not empty.
    public var formats: [ChartFormat]
    /// A templates folder that replaces the default one.
    public var templatesDirectory: String?
    /// PNG pixel multiplier.
    public var scale: Double
    /// SOURCE_DATE_EPOCH: the only date that may reach the output (PDF metadata, manifest).
    public var sourceDateEpoch: Int?

    public static let defaultTitle = "Training runs"
    /// A chart's width in pixels at 100 dpi: a panel as wide as the page's text column.
    public static let chartWidthPixels = 760.0

    public init(outputDirectory: String = "Output", title: String? = nil, selfContained: Bool = false,
                formats: [ChartFormat] = [.svg, .png], templatesDirectory: String? = nil, scale: Double = 1,
                sourceDateEpoch: Int? = nil) {
        self.outputDirectory = outputDirectory; self.title = title; self.selfContained = selfContained
        self.formats = formats; self.templatesDirectory = templatesDirectory; self.scale = scale
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// The formats of the files under `charts/`, without repeats, in the order svg, png, pdf; none
    /// when self-contained.
    var fileFormats: [ChartFormat] { selfContained ? [] : ChartFormat.allCases.filter(formats.contains) }

    /// What the figures are encoded as: SVG for the page, then the files' other formats.
    var encodedFormats: [ChartFormat] { [.svg] + fileFormats.filter { $0 != .svg } }
}
