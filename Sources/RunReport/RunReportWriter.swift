import Foundation
import LossPlotCharts
import OutputFiles
import Report
import RunComparison

/// Writes a report of runs: `index.html` (a panel and a table per metric, this branch's runs
/// beside the baseline's, the hyperparameters side by side, the warnings, the gate),
/// `runs.json` (the same numbers, for `diff` and scripts) and `manifest.json`; unless
/// self-contained, also `runs.css` and each chart's files under `charts/`. The page holds every
/// chart inline as SVG either way, so it opens from anywhere, and nothing it shows is fetched:
/// its Content-Security-Policy allows no request. The templates (`runs.mustache` and its partial,
/// `runs.css`) are loaded and the target checked before any chart is drawn; the folder is written
/// whole or not at all, through `OutputFolder`, as the guide's report is. The charts are encoded
/// by the `ChartEncoding` it is given: it knows no backend.
public struct RunReportWriter {
    public var options: RunReportOptions
    public var encoder: any ChartEncoding

    /// The page's template in the templates folder, and its stylesheet.
    static let template = "runs"
    public static let styleFile = "runs.css"

    public init(options: RunReportOptions, encoder: any ChartEncoding) {
        self.options = options
        self.encoder = encoder
    }

    /// Renders and writes the report of `compared` and the gate's `report`; returns the manifest.
    @discardableResult
    public func write(_ compared: ComparedRuns, gate report: GateReport? = nil) throws -> ReportManifest {
        let templates = try TemplateSet.load(explicit: options.templatesDirectory)
        let stylesheet = try Self.stylesheet(in: templates.directory)
        let folder = OutputFolder(report: options.outputDirectory)
        try ReportError.writing { try folder.checkReplaceable() }
        let files = try render(compared, gate: report, templates: templates, stylesheet: stylesheet)
        let manifest = ReportManifest(files: files, sourceDateEpoch: options.sourceDateEpoch, language: "en", selfContained: options.selfContained)
        let manifestBytes: [UInt8]
        do { manifestBytes = try manifest.encoded() } catch { throw ReportError("cannot write \(ReportManifest.fileName): \(error)") }
        try ReportError.writing { try folder.write(files + [ReportFile(path: ReportManifest.fileName, bytes: manifestBytes)]) }
        return manifest
    }

    /// `runs.css` of the templates folder.
    static func stylesheet(in directory: String) throws -> String {
        let path = directory + "/" + styleFile
        guard let data = FileManager.default.contents(atPath: path), let css = String(data: data, encoding: .utf8) else {
            throw ReportError("cannot read the stylesheet \(path)")
        }
        return css
    }

    /// Every file of the report except the manifest, in memory.
    func render(_ compared: ComparedRuns, gate report: GateReport?, templates: TemplateSet, stylesheet: String) throws -> [ReportFile] {
        guard !options.formats.isEmpty else { throw ReportError("\(option: .formats) names no format") }
        do { try PixelScale.check(options.scale) } catch { throw ReportError("\(option: .scale) \(error)") }
        let figures = MetricCharts.figures(compared, options)
        var charts: [MetricChart] = []
        var problem: String?
        switch figures {
        case .success(let byMetric):
            charts = try MetricCharts.render(byMetric, order: compared.metrics.map(\.name), options: options, encoder: encoder)
        case .failure(let error):
            problem = error.description
        }
        let builder = RunPageBuilder(compared: compared, gate: report, charts: Dictionary(charts.map { ($0.metric, $0) }) { a, _ in a },
                                     chartProblem: problem, options: options, stylesheet: stylesheet)
        let html = try templates.render(builder.build(), template: Self.template)
        var files = [
            ReportFile(path: "index.html", bytes: Array(html.utf8)),
            ReportFile(path: RunsFile.fileName, bytes: try RunsFile.encoded(compared, gate: report)),
        ]
        if !options.selfContained {
            files.append(ReportFile(path: Self.styleFile, bytes: Array(stylesheet.utf8)))
            for chart in charts {
                for (format, bytes, sha256) in chart.files where options.fileFormats.contains(format) {
                    files.append(ReportFile(path: "charts/\(chart.fileName).\(format.fileExtension)", bytes: bytes,
                                            scenario: chart.metric, format: format.rawValue, sha256: sha256))
                }
            }
        }
        return files
    }
}
