import ArgumentParser
import LossPlotCairo
import LossPlotCharts
import Foundation
import Report
import Scenarios

/// `lossplot report`: writes the HTML report, its charts and a manifest into a folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report, its charts and a manifest.",
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
        """
    )

    @Option(name: .long, help: "The folder to write (default: Output).")
    var out: String = "Output"

    @Option(name: .long, help: "The language of index.html: uk (as the document) or en; the other language's page is index.en.html or index.uk.html.")
    var lang: Language = .uk

    @Option(name: .long, help: "Chart formats, comma-separated: svg, png, pdf (default: svg,png).")
    var formats: String = "svg,png"

    @Flag(name: .long, help: "Each page one file with every chart (SVG, else PNG) and the CSS inside it: index.html and index.en.html or index.uk.html, plus manifest.json. No download links: the chart files are in the folder report.")
    var selfContained = false

    @Option(name: .long, help: "A templates folder (page.mustache, partials/, style.css, Content/ with the text) to use instead of the default.")
    var templates: String?

    @Option(name: .long, help: "PNG pixel multiplier (2 for HiDPI), same layout.")
    var scale: Double = 1

    /// The parsed `--formats`, nil when one of them is unknown.
    var chartFormats: [ChartFormat]? {
        let names = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let parsed = names.map { ChartFormat(rawValue: $0) }
        guard !parsed.isEmpty, !parsed.contains(where: { $0 == nil }) else { return nil }
        return parsed.compactMap { $0 }
    }

    func run() throws(CommandFailure) {
        guard chartFormats != nil else {
            throw .usage("--formats \(formats): use a comma-separated list of svg, png, pdf")
        }
        try ChartOutput.checkScale(scale)
        guard !out.isEmpty else { throw .usage("--out is empty") }
        try requireTextFolderName(out, "--out")
        if let templates { try requireTextFolderName(templates, "--templates") }
        let options = ReportOptions(outputDirectory: out, language: lang, formats: chartFormats ?? [.svg, .png],
                                    selfContained: selfContained, templatesDirectory: templates, scale: scale,
                                    sourceDateEpoch: try SourceDate.epoch())
        do {
            let manifest = try ReportWriter(options: options, encoder: ChartEncoder()).write()
            StandardOutput.line("wrote \(manifest.files.count + 1) files into \(out)/")
        } catch {
            throw CommandFailure(describing: error)
        }
    }
}
