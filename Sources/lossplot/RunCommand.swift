import ArgumentParser
import Foundation
import Scenarios

/// `lossplot run ID|--all`: what a scenario prints, as the document's code prints it.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Print a scenario's results, or everything the document prints (--all).",
        discussion: "With --all the text has a `=== code block N ===` header per document code block, as printed-output.txt."
    )

    @Argument(help: "A scenario id that prints (see `lossplot list`).")
    var id: String?

    @Flag(name: .long, help: "Every code block of the document, in order.")
    var all = false

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    static var printingIds: [String] { ScenarioCatalog.all.filter { $0.results != nil }.map(\.id) }

    func validate() throws {
        switch (id, all) {
        case (nil, false): throw ValidationError("give a scenario id or --all")
        case (.some, true): throw ValidationError("give a scenario id or --all, not both")
        case (.some(let id), false):
            guard let scenario = ScenarioCatalog.scenario(id: id), scenario.results != nil else {
                throw ValidationError("unknown id '\(id)'; ids that print: \(Self.printingIds.joined(separator: ", "))")
            }
        case (nil, true): break
        }
    }

    func run() throws {
        if all {
            let blocks = DocumentTranscript.blocks()
            switch format {
            case .text: StandardOutput.write(blocks.map(\.text).joined())
            case .json:
                try printJSON(blocks.map { b -> [String: Any] in
                    var item: [String: Any] = [
                        "codeBlock": b.number,
                        "scenarios": ScenarioCatalog.all.filter { $0.codeBlocks.contains(b.number) }.map(\.id),
                    ]
                    if let scenario = b.scenario, let results = b.results { item.merge(json(scenario, results)) { a, _ in a } }
                    else { item["lines"] = [String]() }
                    return item
                })
            }
            if let failure = blocks.compactMap({ $0.results?.failure }).first { throw CommandFailure(failure) }
            return
        }
        guard let id, let scenario = ScenarioCatalog.scenario(id: id), let compute = scenario.results else {
            throw CommandFailure("unknown id '\(id ?? "")'", status: 64)
        }
        let results = compute()
        switch format {
        case .text: StandardOutput.write(results.text)
        case .json: try printJSON(json(scenario, results))
        }
        if let failure = results.failure { throw CommandFailure(failure) }
    }

    private func json(_ scenario: Scenario, _ results: PrintedResults) -> [String: Any] {
        var item: [String: Any] = [
            "id": scenario.id,
            "title": ["en": scenario.title.en, "uk": scenario.title.uk],
            "lines": results.lines,
            "values": results.values.map { v -> [String: Any] in
                var value: [String: Any] = ["name": v.name]
                if v.values.count == 1 && v.decimals != nil { value["value"] = jsonNumber(v.values[0]) }
                else { value["values"] = v.values.map(jsonNumber) }
                if let decimals = v.decimals { value["decimals"] = decimals }
                return value
            },
            "tables": results.tables.map { ["title": $0.title, "columns": $0.columns, "rows": $0.rows] as [String: Any] },
        ]
        if let block = scenario.printedCodeBlock { item["codeBlock"] = block }
        if let failure = results.failure { item["failure"] = failure }
        return item
    }

    /// A double as JSON allows it: NaN and infinities become strings.
    private func jsonNumber(_ x: Double) -> Any { x.isFinite ? x : "\(x)" }
}
