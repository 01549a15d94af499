import Scenarios
import Foundation

/// The page's fixed labels (list headings, the footer, the note title where the guide slips, …)
/// in both languages, read from each language's `labels.txt`: `key: text`, one a line.
struct ReportLabels: Sendable, Equatable {
    /// Every key a `labels.txt` has, no more and no fewer.
    static let keys = [
        "page-title", "lead", "skip-to-content", "contents", "equation", "pros", "cons", "use-when", "avoid-when",
        "slip", "more-figures", "download", "printed", "printed-lines", "lossplot-prints", "quantity", "value", "code-block", "footer",
        "skip-to-main", "language-name", "download-chart", "downloads-in-folder", "code-example",
        "chart-data", "chart-data-table", "explorer-guide-value", "figure", "figure-ref",
    ]

    /// The placeholders a label's text must hold, each replaced when the page is built.
    static let placeholders = ["download-chart": ["{chart}", "{format}"], "chart-data-table": ["{chart}"], "explorer-guide-value": ["{value}"],
                               "equation": ["{n}", "{title}"], "figure": ["{n}"], "figure-ref": ["{n}"]]

    /// Key → text; holds every key of `keys` (the loader refuses a file that lacks one).
    let texts: [String: LocalizedText]

    subscript(key: String) -> LocalizedText { texts[key] ?? LocalizedText("") }

    var pageTitle: LocalizedText { self["page-title"] }
    var lead: LocalizedText { self["lead"] }
    var skipToContent: LocalizedText { self["skip-to-content"] }
    var contents: LocalizedText { self["contents"] }
    /// A formula group's accessible name, with `{n}` (its equation number) and `{title}` (its article's).
    var equation: LocalizedText { self["equation"] }
    /// A chart's number before its caption's title, with `{n}`: "Figure 3.".
    var figure: LocalizedText { self["figure"] }
    /// A cross-reference to a chart in running text, with `{n}`: "Figure 3", "рис. 3".
    var figureRef: LocalizedText { self["figure-ref"] }
    var pros: LocalizedText { self["pros"] }
    var cons: LocalizedText { self["cons"] }
    var useWhen: LocalizedText { self["use-when"] }
    var avoidWhen: LocalizedText { self["avoid-when"] }
    /// The title of a note where the guide goes wrong (`::: slip`).
    var slip: LocalizedText { self["slip"] }
    var moreFigures: LocalizedText { self["more-figures"] }
    var download: LocalizedText { self["download"] }
    var printed: LocalizedText { self["printed"] }
    /// The folded output of a scenario from the guide's code (lossplot recomputes it).
    var printedLines: LocalizedText { self["printed-lines"] }
    /// The folded output of a scenario of lossplot's own, beyond the guide.
    var lossplotPrints: LocalizedText { self["lossplot-prints"] }
    var quantity: LocalizedText { self["quantity"] }
    var value: LocalizedText { self["value"] }
    var codeBlock: LocalizedText { self["code-block"] }
    var footer: LocalizedText { self["footer"] }
    /// The skip link to `<main>` (`skip-to-content` is the one to the table of contents).
    var skipToMain: LocalizedText { self["skip-to-main"] }
    /// The language's own name, the text of the link to its page.
    var languageName: LocalizedText { self["language-name"] }
    /// A download link's accessible name, with `{chart}` and `{format}`.
    var downloadChart: LocalizedText { self["download-chart"] }
    /// What a self-contained page says in place of its charts' download links.
    var downloadsInFolder: LocalizedText { self["downloads-in-folder"] }
    /// The summary of a chart's folded data tables.
    var chartData: LocalizedText { self["chart-data"] }
    /// A chart's data table's caption, with `{chart}` (the axes' title, or the chart's).
    var chartDataTable: LocalizedText { self["chart-data-table"] }
    /// The name of a scrolling code example.
    var codeExample: LocalizedText { self["code-example"] }

    /// `key`'s text in `language` with each placeholder (`{chart}`) replaced by its value.
    func filled(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        var text = self[key](language)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { text = text.replacingOccurrences(of: name, with: value) }
        return text
    }

    /// One language's labels: blank lines and `#` comment lines are skipped; every other line is
    /// `key: text` with a known key, given once, with a text.
    static func read(_ file: ContentFile) throws -> [String: String] {
        var texts: [String: String] = [:]
        var lines: [String: Int] = [:]
        for (index, line) in file.lines.enumerated() {
            let text = line.trimmed
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw file.error(line: index + 1, column: line.indentation + 1, "a label line is 'key: text'")
            }
            let key = String(line[..<colon]).trimmed
            guard keys.contains(key) else {
                throw file.error(line: index + 1, column: line.indentation + 1, "unknown label '\(key)' (labels: \(keys.joined(separator: ", ")))")
            }
            if let first = lines[key] {
                throw file.error(line: index + 1, column: line.indentation + 1, "label '\(key)' is given twice (first on line \(first))")
            }
            let value = String(line[line.index(after: colon)...]).trimmed
            guard !value.isEmpty else { throw file.error(line: index + 1, column: line.column(of: colon) + 1, "label '\(key)' has no text") }
            if let missing = placeholders[key]?.first(where: { !value.contains($0) }) {
                throw file.error(line: index + 1, column: line.column(of: colon) + 1, "label '\(key)' must hold \(missing), which the page fills in")
            }
            texts[key] = value
            lines[key] = index + 1
        }
        if let missing = keys.first(where: { texts[$0] == nil }) {
            throw file.error(line: file.endLine, "missing label '\(missing)' (add a line '\(missing): …')")
        }
        return texts
    }
}
