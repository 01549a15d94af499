/// Where a content file's running text is, for the marks that only running text may hold
/// (citations `[@key]`, cross-references `[#fig:id]`): every line outside examples and formulas,
/// split at its code spans as `RichText` reads them. A line that shows its text as written (a
/// heading, a directive line, a table row, a reference entry) is `plain`: a mark there is refused.
enum RunningText {
    /// One stretch of text outside code: its line (from 1), the character offset of `text` in
    /// that line, and whether the line shows text as written.
    struct Part {
        var line: Int
        var offset: Int
        var text: Substring
        var plain: Bool
    }

    static func parts(of file: ContentFile) -> [Part] {
        var out: [Part] = []
        var inExample = false, inFormula = false, inReferences = false
        for (index, line) in file.lines.enumerated() {
            let text = line.trimmed
            if inExample {
                if text == "```" { inExample = false }
                continue
            }
            if inFormula {
                if text == ":::" { inFormula = false }
                continue
            }
            if inReferences, text == ":::" { inReferences = false; continue }
            if text.hasPrefix("```") { inExample = true; continue }
            if text.hasPrefix(":::") {
                let name = text.dropFirst(3).trimmingCharacters(in: .whitespaces)
                if name == "formula" { inFormula = true; continue }
                if name == "references" { inReferences = true; continue }
            }
            let plain = inReferences || ContentParser.isHeading(text) || ContentParser.isDirective(text) || text.hasPrefix("|")
            for (offset, part) in outsideCode(line) {
                out.append(Part(line: index + 1, offset: offset, text: part, plain: plain))
            }
        }
        return out
    }

    /// The parts of one line that are running text: outside `code` (a backtick pair), as
    /// `RichText` reads it. Offsets are character offsets into the line.
    static func outsideCode(_ line: String) -> [(offset: Int, text: Substring)] {
        let parts = line.split(separator: "`", omittingEmptySubsequences: false)
        var out: [(Int, Substring)] = []
        var offset = 0
        for (i, part) in parts.enumerated() {
            if !RichText.isCode(part: i, of: parts.count) { out.append((offset, part)) }
            offset += part.count + 1
        }
        return out
    }

    /// The column (from 1) of `index` of a part's text in its line.
    static func column(of index: Substring.Index, in part: Part) -> Int {
        part.offset + part.text.distance(from: part.text.startIndex, to: index) + 1
    }
}
