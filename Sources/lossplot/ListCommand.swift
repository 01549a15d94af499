import ArgumentParser
import Foundation
import Scenarios

/// Output formats of `list`, `run` and `runs`.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `lossplot list`: every scenario's id, title, section and kind.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios: id, title, section and kind."
    )

    @Option(name: .long, help: "Output format.")
    var format: ListingFormat = .text

    @Option(name: .long, help: "Title language: uk (as the document) or en.")
    var lang: Language = .en

    func run() throws(CommandFailure) {
        let scenarios = ScenarioCatalog.all
        switch format {
        case .text:
            let idWidth = scenarios.map(\.id.count).max() ?? 0
            let kindWidth = scenarios.map(\.kind.count).max() ?? 0
            let sectionWidth = scenarios.map(\.section.rawValue.count).max() ?? 0
            for s in scenarios {
                StandardOutput.write([pad(s.id, idWidth), pad(s.kind, kindWidth), pad(s.section.rawValue, sectionWidth), s.title(lang)]
                    .joined(separator: "  ") + "\n")
            }
        case .json:
            try printJSON(scenarios)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// Prints a value as JSON (pretty, keys sorted, UTF-8 text unescaped, slashes as they are) with a
/// final newline. A number that is not finite is written as the string "nan", "inf" or "-inf":
/// JSON has no form for it, and the output stays JSON.
func printJSON(_ value: some Encodable) throws(CommandFailure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
        StandardOutput.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    } catch {
        throw CommandFailure("internal error: the output is not JSON: \(error)")
    }
}
