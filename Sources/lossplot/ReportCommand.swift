import ArgumentParser
import LossPlotCairo
import LossPlotCharts
import Foundation
import Report
import RunReport
import Scenarios

/// `lossplot report`: writes the HTML report, its charts and a manifest into a folder; with
/// `--runs`, a report of training runs beside a baseline's instead of the guide's.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report, its charts and a manifest; with --runs, a report of training runs.",
        discussion: """
        The report has a page in each language: index.html in the --lang language and the other \
        beside it as index.en.html or index.uk.html, each linking to the other. charts/ID.FORMAT \
        is index.html's chart; the other page uses the same file when its chart is the same \
        byte for byte, and charts/ID.LANG.FORMAT when not (its text in that language). \
        The folder is written whole or not at all, and is replaced only when it is empty or an \
        earlier lossplot report. SIGINT or SIGTERM removes the unfinished folder (exit 130 or \
        143); what a run killed outright leaves beside the folder, the next run cleans up. \
        Templates: --templates DIR, else $LOSSPLOT_TEMPLATES, else the templates built with \
        lossplot, in the lossplot_Report.resources folder beside the binary (install it with \
        the binary). The report's text is read from the Content/ folder inside the templates \
        folder (Templates/Content/README.md).
        With --runs: a report of training runs (any logger `lossplot runs` reads) against the \
        baseline's (--baseline, matched as `lossplot summary` matches them): per metric a chart \
        (the baseline's runs dashed and lighter, labelled baseline) and a table of each run's \
        final, min and max with their steps, NaN/Inf count, the baseline's final and the change, \
        absolute and relative, better or worse by the metric's name (--higher-is-better and \
        --lower-is-better override); the runs' hyperparameters side by side, differences marked; \
        the readers' warnings; the gate's results with --fail-on (exit 1 when a rule fails, \
        after the report is written). index.html holds every chart inline and requests nothing, \
        so it opens from an unzipped artifact anywhere; runs.json beside it holds the numbers \
        (`lossplot diff` reads them). Without --self-contained, runs.css and each chart's \
        --formats files under charts/ come too.
        Example: lossplot report --runs runs/ --baseline base/runs/ --out report --self-contained
        """
    )

    @Option(name: .long, help: "The folder to write (default: Output).")
    var out: String = "Output"

    @Option(name: .long, help: "The language of index.html: uk (as the document; the default) or en; the other language's page is index.en.html or index.uk.html. The guide's report only.")
    var lang: Language?

    @Option(name: .long, help: "Chart formats, comma-separated: svg, png, pdf (default: svg,png).")
    var formats: String = "svg,png"

    @Flag(name: .long, help: "Each page one file with every chart (SVG, else PNG) and the CSS inside it: index.html and index.en.html or index.uk.html, plus manifest.json; no download links (the chart files are in the folder report). For a report of runs: one index.html, manifest.json and runs.json.")
    var selfContained = false

    @Option(name: .long, help: "A templates folder (page.mustache, runs.mustache, partials/, style.css, runs.css, Content/ with the text) to use instead of the default.")
    var templates: String?

    @Option(name: .long, help: "PNG pixel multiplier (2 for HiDPI), same layout.")
    var scale: Double = 1

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Training runs (log files or folders): write a report of them instead of the guide's.", valueName: "path"))
    var runs: [String] = []

    @OptionGroup(title: "A report of runs (with --runs)") var comparison: ComparisonArguments

    @Option(help: ArgumentHelp("A report of runs' title (default: \(RunReportOptions.defaultTitle)).", valueName: "text"))
    var title: String?

    /// The parsed `--formats`, nil when one of them is unknown.
    var chartFormats: [ChartFormat]? {
        let names = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let parsed = names.map { ChartFormat(rawValue: $0) }
        guard !parsed.isEmpty, !parsed.contains(where: { $0 == nil }) else { return nil }
        return parsed.compactMap { $0 }
    }

    /// The options every report takes, checked alike.
    func checkCommon() throws(CommandFailure) -> [ChartFormat] {
        guard let chartFormats else {
            throw .usage("--formats \(formats): use a comma-separated list of svg, png, pdf")
        }
        try ChartOutput.checkScale(scale)
        guard !out.isEmpty else { throw .usage("--out is empty") }
        try requireTextFolderName(out, "--out")
        if let templates { try requireTextFolderName(templates, "--templates") }
        return chartFormats
    }

    func run() throws(CommandFailure) {
        guard runs.isEmpty else { return try runsReport() }
        if let flag = (comparison.given + (title == nil ? [] : ["--title"])).first {
            throw .usage("\(flag) applies to a report of runs: name the runs with --runs PATH...")
        }
        let formats = try checkCommon()
        let options = ReportOptions(outputDirectory: out, language: lang ?? .uk, formats: formats,
                                    selfContained: selfContained, templatesDirectory: templates, scale: scale,
                                    sourceDateEpoch: try SourceDate.epoch())
        do {
            let manifest = try ReportWriter(options: options, encoder: ChartEncoder()).write()
            StandardOutput.line("wrote \(manifest.files.count + 1) files into \(out)/")
        } catch {
            throw CommandFailure(describing: error)
        }
    }

    /// `report --runs`: the runs compared with the baseline's, written as a report of runs; the
    /// gate applied after it is written.
    func runsReport() throws(CommandFailure) {
        if lang != nil { throw .usage("--lang applies to the guide's report: a report of runs is in English") }
        let formats = try checkCommon()
        let (comparisonOptions, gate) = try comparison.check()
        let options = RunReportOptions(outputDirectory: out, title: title, selfContained: selfContained, formats: formats,
                                       templatesDirectory: templates, scale: scale, sourceDateEpoch: try SourceDate.epoch())
        let (compared, report) = try comparison.compare(runs: runs, options: comparisonOptions, gate: gate)
        do {
            let manifest = try RunReportWriter(options: options, encoder: ChartEncoder()).write(compared, gate: report)
            StandardOutput.line("wrote \(manifest.files.count + 1) files into \(out)/")
        } catch {
            throw CommandFailure(describing: error)
        }
        try ComparisonArguments.applyGate(report)
    }
}
