import Foundation
import Scenarios

/// What each chart shows, in a sentence: read from each language's `captions.txt`, one
/// `ID: takeaway` a line, and shown in the chart's caption after its number and title (for an
/// explorer, under its frames). Every chart (a scenario that draws a figure or an explorer) has
/// one caption in each language, and nothing else has one.
enum Captions {
    static let file = "captions.txt"

    /// One language's captions: blank lines and `#` comment lines are skipped; every other line is
    /// `ID: text` with the id of a chart in `charts`, given once, with a text in running prose
    /// (`code` and **strong** as elsewhere; no citations or cross-references). `printing` names
    /// the scenarios that print without drawing, so that a caption of one can say so.
    static func read(_ file: ContentFile, charts: Set<String>, printing: Set<String>) throws -> [String: String] {
        var texts: [String: String] = [:]
        var lines: [String: Int] = [:]
        for (index, line) in file.lines.enumerated() {
            let text = line.trimmed
            if text.isEmpty || text.hasPrefix("#") { continue }
            let column = line.indentation + 1
            guard let colon = line.firstIndex(of: ":") else {
                throw file.error(line: index + 1, column: column, "a caption line is 'ID: what the chart shows', the chart's scenario id first")
            }
            let id = String(line[..<colon]).trimmed
            guard charts.contains(id) else {
                let why = printing.contains(id) ? "scenario '\(id)' prints results and draws no chart: only charts have captions"
                    : "unknown chart '\(id)': no scenario draws a chart with this id (lossplot list shows them)"
                throw file.error(line: index + 1, column: column, why)
            }
            if let first = lines[id] {
                throw file.error(line: index + 1, column: column, "chart '\(id)' has a caption already (on line \(first))")
            }
            let value = String(line[line.index(after: colon)...]).trimmed
            guard !value.isEmpty else { throw file.error(line: index + 1, column: line.column(of: colon) + 1, "the caption of '\(id)' has no text") }
            for mark in ["[@", "[#"] {
                if let r = line[colon...].range(of: mark) {
                    throw file.error(line: index + 1, column: line.column(of: r.lowerBound),
                                     "a caption says what its chart shows on its own: no citations or cross-references ('\(mark)…]')")
                }
            }
            texts[id] = value
            lines[id] = index + 1
        }
        if let missing = charts.sorted().first(where: { texts[$0] == nil }) {
            throw file.error(line: file.endLine, "chart '\(missing)' has no caption: add a line '\(missing): …' saying what the reader should see in it")
        }
        return texts
    }

    /// Both languages' captions, from `root/LANG/captions.txt`.
    static func load(root: String, charts: Set<String>, printing: Set<String>) throws -> [String: LocalizedText] {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = root + "/" + language.rawValue + "/" + file
            guard FileManager.default.fileExists(atPath: path) else {
                throw ReportError("\(path) is missing: each chart's takeaway in \(language.rawValue), 'ID: text' one a line")
            }
            texts[language] = try read(ContentFile.read(path), charts: charts, printing: printing)
        }
        return Dictionary(uniqueKeysWithValues: charts.map { id in
            (id, LocalizedText(en: texts[.en]?[id] ?? "", uk: texts[.uk]?[id] ?? ""))
        })
    }
}
