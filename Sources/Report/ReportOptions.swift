import LossPlotCharts
import Scenarios

/// Everything a report run depends on. Same options (and same templates), same bytes.
public struct ReportOptions: Sendable {
    /// The folder to write; replaced whole only when it is empty or an earlier lossplot report.
    public var outputDirectory: String
    public var language: Language
    /// Chart formats written into `charts/` (or embedded, with `selfContained`). Not empty.
    public var formats: [ChartFormat]
    /// One `index.html` (plus the manifest) with every chart and the CSS inside it.
    public var selfContained: Bool
    /// A templates folder that replaces the default one (`--templates`).
    public var templatesDirectory: String?
    /// PNG pixel multiplier.
    public var scale: Double
    /// SOURCE_DATE_EPOCH: the only date that may reach the output (PDF metadata, manifest).
    public var sourceDateEpoch: Int?
    /// The scenarios to report; the whole catalog unless a test narrows it.
    public var scenarios: [Scenario]

    public init(outputDirectory: String = "Output", language: Language = .uk, formats: [ChartFormat] = [.svg, .png],
                selfContained: Bool = false, templatesDirectory: String? = nil, scale: Double = 1,
                sourceDateEpoch: Int? = nil, scenarios: [Scenario] = ScenarioCatalog.all) {
        self.outputDirectory = outputDirectory; self.language = language; self.formats = formats
        self.selfContained = selfContained; self.templatesDirectory = templatesDirectory; self.scale = scale
        self.sourceDateEpoch = sourceDateEpoch; self.scenarios = scenarios
    }

    /// The requested formats without repeats, in the canonical order svg, png, pdf.
    var orderedFormats: [ChartFormat] { ChartFormat.allCases.filter(formats.contains) }
}
