import ArgumentParser
import CairoBackend
import Charts
import Foundation
import OutputFiles
import Scenarios

extension Language: ExpressibleByArgument {}
extension ChartFormat: ExpressibleByArgument {}

/// `lossplot chart ID`: draws one of the document's figures to a file.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one scenario's chart as SVG, PNG or PDF.",
        discussion: "Chart ids: \(ScenarioCatalog.all.filter { $0.figure != nil }.map(\.id).joined(separator: ", "))"
    )

    @Argument(help: "The chart's scenario id (see `lossplot list`).")
    var id: String

    @Option(name: .long, help: "Where to write the chart (default: Output/ID.png).")
    var out: String?

    @Option(name: .long, help: "svg, png or pdf (default: from the --out extension).")
    var format: ChartFormat?

    @Option(name: .long, help: "Chart text language: uk (as the document) or en.")
    var lang: Language = .uk

    @Option(name: .long, help: "PNG pixel multiplier (2 for HiDPI), same layout.")
    var scale: Double = 1

    func validate() throws {
        guard let scenario = ScenarioCatalog.scenario(id: id), scenario.figure != nil else {
            let ids = ScenarioCatalog.all.filter { $0.figure != nil }.map(\.id)
            throw ValidationError("unknown chart id '\(id)'; chart ids: \(ids.joined(separator: ", "))")
        }
        guard scale > 0, scale <= 16 else { throw ValidationError("--scale must be in (0, 16], got \(scale)") }
        if format == nil, let out, ChartFormat(path: out) == nil {
            throw ValidationError("cannot tell the format of --out \(out): use a .svg, .png or .pdf name, or --format")
        }
    }

    func run() throws {
        guard let scenario = ScenarioCatalog.scenario(id: id), let makeFigure = scenario.figure else {
            throw CommandFailure("unknown chart id '\(id)'", status: 64)
        }
        let path: String
        if let out {
            path = out
        } else {
            path = "Output/\(id).\((format ?? .png).fileExtension)"
            try? FileManager.default.createDirectory(atPath: "Output", withIntermediateDirectories: true)
        }
        let chosen = format ?? ChartFormat(path: path) ?? .png
        let options = ChartEncodingOptions(scale: scale, idPrefix: id, sourceDateEpoch: try SourceDate.epoch())
        do {
            let bytes = try ChartEncoder.encode(makeFigure(lang), as: chosen, options: options)
            try OutputFile.write(bytes, to: path)
        } catch let e as OutputFileError {
            throw CommandFailure(e.description)
        } catch let e as ChartEncodingError {
            throw CommandFailure(e.description)
        }
        StandardOutput.line(path)
    }
}
