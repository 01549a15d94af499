import Foundation
import SafeText

/// Text from outside the program (a run's or metric's name, a path, a rule) made inert in
/// GitHub-flavoured Markdown: shown as it is written, on one line, in a table cell or a list item.
public enum MarkdownText {
    /// Characters that mean something to Markdown and are written after a backslash: table
    /// pipes, code spans, emphasis, links and images (`[`, `]`), HTML and autolinks (`<`),
    /// strikethrough, headings, and the backslash itself.
    static let escapedPunctuation: Set<Character> = ["\\", "|", "`", "*", "[", "]", "<", "~", "#"]

    /// Characters that open a block (a quote, a list, a heading's underline) at the start of a line.
    static let blockOpeners: Set<Character> = [">", "-", "+", "="]

    /// `text` with control, format and line-breaking characters written as visible escapes
    /// (`DisplayText`), `&` as `&amp;` (no entity can be spelled), the characters above after a
    /// backslash, and `_` after one unless it stands between two letters or digits (where it
    /// cannot emphasise: `val_loss` stays as it reads). What would open a block where the text
    /// starts a line (a list item's text: `> `, `- `, `1. `) is escaped too.
    public static func escaped(_ text: String) -> String {
        let characters = Array(DisplayText.escaped(text))
        var out = ""
        out.reserveCapacity(characters.count)
        let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
        let opener = characters.first.map(blockOpeners.contains) == true ? 0
            : digits > 0 && digits < characters.count && (characters[digits] == "." || characters[digits] == ")") ? digits : -1
        for (i, c) in characters.enumerated() {
            switch c {
            case _ where i == opener: out += "\\" + String(c)
            case "&": out += "&amp;"
            case "_":
                let inWord = i > 0 && i + 1 < characters.count && isWordCharacter(characters[i - 1]) && isWordCharacter(characters[i + 1])
                out += inWord ? "_" : "\\_"
            case _ where escapedPunctuation.contains(c): out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    /// `text` as a code span in a table cell: on one line (`DisplayText`), between runs of
    /// backticks longer than any inside it, padded with a space when it starts or ends with one,
    /// its pipes as `\|` (which a GFM table cell shows as `|`, code spans included). Markdown and
    /// HTML inside it are shown as written.
    public static func code(_ text: String) -> String {
        let line = DisplayText.escaped(text).replacingOccurrences(of: "|", with: "\\|")
        var longest = 0, run = 0
        for c in line {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = line.hasPrefix("`") || line.hasSuffix("`") || line.isEmpty ? " " : ""
        return fence + pad + line + pad + fence
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// A table row of cells already escaped: `| a | b |` and a newline.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
}
