import Scenarios

/// The page's fixed labels (list headings, the footer, the note title where the guide slips, …)
/// in both languages, read from each language's `labels.txt`: `key: text`, one a line.
struct ReportLabels: Sendable, Equatable {
    /// Every key a `labels.txt` has, no more and no fewer.
    static let keys = [
        "page-title", "lead", "skip-to-content", "contents", "formula", "pros", "cons", "use-when", "avoid-when",
        "slip", "more-figures", "download", "printed", "printed-lines", "lossplot-prints", "quantity", "value", "code-block", "footer",
    ]

    /// Key → text; holds every key of `keys` (the loader refuses a file that lacks one).
    let texts: [String: LocalizedText]

    subscript(key: String) -> LocalizedText { texts[key] ?? LocalizedText("") }

    var pageTitle: LocalizedText { self["page-title"] }
    var lead: LocalizedText { self["lead"] }
    var skipToContent: LocalizedText { self["skip-to-content"] }
    var contents: LocalizedText { self["contents"] }
    var formula: LocalizedText { self["formula"] }
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
            texts[key] = value
            lines[key] = index + 1
        }
        if let missing = keys.first(where: { texts[$0] == nil }) {
            throw file.error(line: file.endLine, "missing label '\(missing)' (add a line '\(missing): …')")
        }
        return texts
    }
}
