import LossPlotCharts
import Foundation
import OutputFiles
import Scenarios

/// Writes the report folder: a page per language (`index.html` in the language asked for,
/// `index.LANG.html` the other, `ReportPages`), `style.css`, and `charts/ID.FORMAT` for every chart
/// in every requested format, one file for both pages when its bytes are the same in both and
/// `charts/ID.LANG.FORMAT` when not (`SharedChartFiles`); or, self-contained, the two pages with
/// everything inside each; and `manifest.json`. Templates and their text (`Content/`) are loaded and the target checked before
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
        var drawing = options
        if options.selfContained {
            // The page shows one format of each chart and offers none to download.
            guard let shown = options.orderedFormats.first(where: { $0 != .pdf }) else {
                throw ReportError("\(option: .selfContained) shows each chart as SVG or PNG, and \(option: .formats) names neither")
            }
            drawing.formats = [shown]
        }
        let languages = ReportPages.languages(first: options.language)
        drawing.language = options.language
        // A folder serves each chart wide and narrow, light and dark; a self-contained page inlines
        // the light ones, its stylesheet turning them dark (`InlineChartColors`).
        let variants = options.selfContained ? ChartVariant.allCases.filter { !$0.dark } : ChartVariant.allCases
        let (firstCharts, results) = try ChartRendering.render(options.scenarios, options: drawing, encoder: encoder, variants: variants)
        var charts = [options.language: firstCharts]
        // The other languages' charts: the printed results are the same, computed once.
        let charted = options.scenarios.filter { $0.figure != nil }.map { s -> Scenario in
            var s = s
            s.results = nil
            return s
        }
        for language in languages.dropFirst() {
            drawing.language = language
            charts[language] = try ChartRendering.render(charted, options: drawing, encoder: encoder, variants: variants).charts
        }
        // Each explorer's frames, drawn as charts of their own (ExplorerFrames), wide only: a frame
        // is drawn at phone width already.
        var frameOptions = drawing
        frameOptions.formats = drawing.orderedFormats.first { $0 != .pdf }.map { [$0] } ?? []
        let frameScenarios = ExplorerFrames.scenarios(options.scenarios)
        var frames: [Language: [RenderedChart]] = [:]
        if !frameScenarios.isEmpty, !frameOptions.formats.isEmpty {
            for language in languages {
                frameOptions.language = language
                frames[language] = try ChartRendering.render(frameScenarios, options: frameOptions, encoder: encoder,
                                                             variants: variants.filter { !$0.narrow }).charts
            }
        }
        for language in languages { charts[language, default: []] += frames[language] ?? [] }
        let shared = SharedChartFiles(charts: options.selfContained ? [:] : charts, languages: languages)
        let pages = ReportPages.fileNames(first: options.language)
        var files: [ReportFile] = []
        for language in languages {
            var pageOptions = options
            pageOptions.language = language
            let mine = charts[language] ?? []
            // A self-contained page's stylesheet also turns its inline charts dark.
            let chartColors = options.selfContained ? InlineChartColors.css(for: mine.flatMap { chart in
                ([chart.bytes(.svg)] + chart.views.map { $0.file.format == .svg ? $0.file.bytes : nil }).compactMap { $0.map { String(decoding: $0, as: UTF8.self) } }
            }) : ""
            var builder = PageBuilder(options: pageOptions, content: content,
                                      charts: Dictionary(mine.map { ($0.scenario.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                      results: results, stylesheet: templates.stylesheet + chartColors)
            builder.chartFiles = shared.paths[language] ?? [:]
            builder.chartViews = shared.views[language] ?? [:]
            builder.pages = pages
            let html = try templates.renderPage(builder.build())
            files.append(ReportFile(path: pages[language] ?? "index.\(language.rawValue).html", bytes: Array(html.utf8)))
        }
        if !options.selfContained {
            files.append(ReportFile(path: TemplateSet.styleFile, bytes: Array(templates.stylesheet.utf8)))
            files += shared.files
        }
        let paths = files.map(\.path)
        if let dup = paths.first(where: { path in paths.filter { $0 == path }.count > 1 }) {
            throw ReportError("two files of the report would be \(dup): a scenario id may not end in .en or .uk")
        }
        return files
    }
}
