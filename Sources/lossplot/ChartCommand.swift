import ArgumentParser
import LossPlotCairo
import LossPlotCharts
import OutputFiles
import Scenarios

extension Language: ExpressibleByArgument {}
extension ChartFormat: ExpressibleByArgument {}

/// `lossplot chart ID`: draws one of the document's figures to a file.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one scenario's chart as SVG, PNG or PDF.",
        discussion: "Chart ids: \(chartIds.joined(separator: ", "))"
    )

    static var chartIds: [String] { ScenarioCatalog.all.filter { $0.figure != nil }.map(\.id) }

    @Argument(help: "The chart's scenario id (see `lossplot list`).", completion: .list(chartIds))
    var id: String

    @Option(name: .long, help: "Where to write the chart (default: Output/ID.png).")
    var out: String?

    @Option(name: .long, help: "svg, png or pdf (default: from the --out extension).")
    var format: ChartFormat?

    @Option(name: .long, help: "Chart text language: uk (the document's language, the default) or en; loss names and symbols stay Latin in both.")
    var lang: Language = .uk

    @Option(name: .long, help: "PNG pixel multiplier (2 for HiDPI), same layout.")
    var scale: Double = 1

    func run() throws(CommandFailure) {
        guard let scenario = ScenarioCatalog.scenario(id: id), let makeFigure = scenario.figure else {
            throw .usage("unknown chart id '\(id)'; chart ids: \(Self.chartIds.joined(separator: ", "))")
        }
        try ChartOutput.checkScale(scale)
        if format == nil, let out, ChartFormat(path: out) == nil {
            throw .usage("cannot tell the format of --out \(out): use a .svg, .png or .pdf name, or --format")
        }
        let path = out ?? "Output/\(id).\((format ?? .png).fileExtension)"
        try ChartOutput.write(makeFigure(lang), to: path, as: format ?? ChartFormat(path: path) ?? .png, scale: scale,
                              idPrefix: id, creatingOutputFolder: out == nil)
    }
}
