import ArgumentParser
import Foundation
import Scenarios

/// Output formats of `list` and `run`.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `lossplot list`: every scenario's id, title, section and kind.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios: id, title, section and kind."
    )

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    @Option(name: .long, help: "Title language: uk (as the document) or en.")
    var lang: Language = .en

    func run() throws {
        switch format {
        case .text:
            let scenarios = ScenarioCatalog.all
            let idWidth = scenarios.map(\.id.count).max() ?? 0
            let kindWidth = scenarios.map(\.kind.count).max() ?? 0
            let sectionWidth = scenarios.map(\.section.rawValue.count).max() ?? 0
            for s in scenarios {
                StandardOutput.write([pad(s.id, idWidth), pad(s.kind, kindWidth), pad(s.section.rawValue, sectionWidth), s.title(lang)]
                    .joined(separator: "  ") + "\n")
            }
        case .json:
            let items: [[String: Any]] = ScenarioCatalog.all.map { s in
                [
                    "id": s.id,
                    "title": ["en": s.title.en, "uk": s.title.uk],
                    "section": s.section.rawValue,
                    "kind": s.kind,
                    "origin": s.origin.rawValue,
                    "codeBlocks": s.codeBlocks,
                ]
            }
            try printJSON(items)
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// Prints a JSON value (pretty, keys sorted, UTF-8 text unescaped) with a final newline.
func printJSON(_ value: Any) throws {
    guard JSONSerialization.isValidJSONObject(value) else { throw CommandFailure("internal error: output is not JSON") }
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    StandardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
}
