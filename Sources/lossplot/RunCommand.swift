import ArgumentParser
import Scenarios

/// `lossplot run ID|--all`: what a scenario prints, as the document's code prints it.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Print a scenario's results, or everything the document prints (--all).",
        discussion: "With --all the text has a `=== code block N ===` header per document code block, as printed-output.txt. The JSON of a scenario that fits linear models has each model's coefficients and intercept under \"models\"."
    )

    @Argument(help: "A scenario id that prints (see `lossplot list`).", completion: .list(printingIds))
    var id: String?

    @Flag(name: .long, help: "Every code block of the document, in order.")
    var all = false

    @Option(name: .long, help: "Output format.")
    var format: ListingFormat = .text

    static var printingIds: [String] { ScenarioCatalog.all.filter { $0.results != nil }.map(\.id) }

    func run() throws(CommandFailure) {
        switch (id, all) {
        case (nil, false): throw .usage("give a scenario id or --all")
        case (.some, true): throw .usage("give a scenario id or --all, not both")
        case (nil, true):
            let blocks = DocumentTranscript.blocks()
            switch format {
            case .text: StandardOutput.write(blocks.map(\.text).joined())
            case .json: try printJSON(blocks)
            }
            if let failure = blocks.compactMap({ $0.results?.failure }).first { throw CommandFailure(failure) }
        case (.some(let id), false):
            guard let scenario = ScenarioCatalog.scenario(id: id), let compute = scenario.results else {
                throw .usage("unknown id '\(id)'; ids that print: \(Self.printingIds.joined(separator: ", "))")
            }
            let results = compute()
            switch format {
            case .text: StandardOutput.write(results.text)
            case .json: try printJSON(ScenarioPrintout(scenario, results))
            }
            if let failure = results.failure { throw CommandFailure(failure) }
        }
    }
}
