import LossPlotCharts
import Foundation
import OutputFiles
import Scenarios

/// Writes the report folder: `index.html`, `style.css`, `charts/ID.FORMAT` for every chart in
/// every requested format (or, self-contained, one `index.html` with everything inside), and
/// `manifest.json`. Templates and their text (`Content/`) are loaded and the target checked before
/// any chart is drawn; the folder is written whole or not at all. The charts are encoded by the
/// `ChartEncoding` it is given (the command line gives it Cairo's): the report itself knows no backend.
public struct ReportWriter {
    public var options: ReportOptions
    /// Turns each figure into its files' bytes.
    public var encoder: any ChartEncoding

    public init(options: ReportOptions, encoder: any ChartEncoding) {
        self.options = options
        self.encoder = encoder
    }

    /// Renders and writes everything; returns the manifest (paths relative to the folder).
    @discardableResult
    public func write() throws -> ReportManifest {
        let templates = try TemplateSet.load(explicit: options.templatesDirectory)
        let content = try ReportContent.load(templatesDirectory: templates.directory)
        let folder = OutputFolder(report: options.outputDirectory)
        try ReportError.writing { try folder.checkReplaceable() }
        let files = try render(templates: templates, content: content)
        let manifest = ReportManifest(files: files, options: options)
        let manifestBytes: [UInt8]
        do { manifestBytes = try manifest.encoded() } catch { throw ReportError("cannot write \(ReportManifest.fileName): \(error)") }
        try ReportError.writing { try folder.write(files + [ReportFile(path: ReportManifest.fileName, bytes: manifestBytes)]) }
        return manifest
    }

    /// Every file of the report except the manifest, in memory.
    func render(templates: TemplateSet, content: ReportContent) throws -> [ReportFile] {
        guard !options.formats.isEmpty else { throw ReportError("\(option: .formats) names no format") }
        do { try PixelScale.check(options.scale) } catch { throw ReportError("\(option: .scale) \(error)") }
        let ids = options.scenarios.map(\.id)
        if let dup = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw ReportError("scenario id \(dup) appears twice")
        }
        let (charts, results) = try ChartRendering.render(options.scenarios, options: options, encoder: encoder)
        let builder = PageBuilder(options: options, content: content, charts: Dictionary(uniqueKeysWithValues: charts.map { ($0.scenario.id, $0) }),
                                  results: results, stylesheet: templates.stylesheet)
        let html = try templates.renderPage(builder.build())
        var files = [ReportFile(path: "index.html", bytes: Array(html.utf8))]
        if !options.selfContained {
            files.append(ReportFile(path: TemplateSet.styleFile, bytes: Array(templates.stylesheet.utf8)))
            for chart in charts {
                for (format, bytes, sha256) in chart.files {
                    files.append(ReportFile(path: "charts/\(chart.scenario.id).\(format.fileExtension)", bytes: bytes,
                                            scenario: chart.scenario.id, format: format.rawValue, sha256: sha256))
                }
            }
        }
        return files
    }
}
