import Foundation

/// Citations in the prose: `[@key]` or `[@key; @other]`, each key an entry of `::: references`.
/// The page shows them as the entries' numbers, `[3]` or `[3, 5]`, each linked to its entry.
enum Citations {
    /// Where one citation stands in a content file (line and column from 1, in characters).
    struct Use: Sendable, Equatable {
        var keys: [String]
        var line: Int
        var column: Int
    }

    /// The page id of a reference's entry.
    static func anchor(_ key: String) -> String { "ref-" + key }

    /// The keys of a citation's inside (what is between `[` and `]`), or nil when it is not one.
    static func keys(_ inside: Substring) -> [String]? {
        guard inside.first == "@" else { return nil }
        let keys = inside.split(separator: ";", omittingEmptySubsequences: false).map { part -> String? in
            let word = part.trimmingCharacters(in: .whitespaces)
            guard word.first == "@" else { return nil }
            let key = String(word.dropFirst())
            return ContentParser.isID(key) ? key : nil
        }
        guard keys.allSatisfy({ $0 != nil }) else { return nil }
        return keys.compactMap { $0 }
    }

    /// Each `[@…]` in `text` replaced by `render(keys)`; one that is not a citation, or that
    /// `render` declines (nil), stays as it is.
    static func replacing(in text: String, _ render: ([String]) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[@") {
            out += rest[..<open.lowerBound]
            let after = rest[open.lowerBound...]
            if let close = after.firstIndex(of: "]"), let keys = keys(after[after.index(after: after.startIndex)..<close]),
               let shown = render(keys) {
                out += shown
                rest = after[after.index(after: close)...]
            } else {
                out += "[@"
                rest = after.dropFirst(2)
            }
        }
        return out + rest
    }

    /// Every citation in `file`, in running text only: inside examples and formulas `[@` is
    /// shown as written, and a citation on a heading, a directive line, a table row or a
    /// reference entry is refused (those show text as it is). A `[@` that does not make a
    /// citation is refused too, at its line and column.
    static func scan(_ file: ContentFile) throws -> [Use] {
        var uses: [Use] = []
        for part in RunningText.parts(of: file) {
            var rest = part.text
            while let open = rest.range(of: "[@") {
                let column = RunningText.column(of: open.lowerBound, in: part)
                if part.plain {
                    throw file.error(line: part.line, column: column,
                                     "a citation belongs in running text: headings, directive lines, table rows and references show it as written")
                }
                let after = rest[open.lowerBound...]
                guard let close = after.firstIndex(of: "]"), let keys = keys(after[after.index(after: after.startIndex)..<close]) else {
                    throw file.error(line: part.line, column: column, "a citation is '[@key]' or '[@key; @other]', on one line, its keys from '::: references'")
                }
                uses.append(Use(keys: keys, line: part.line, column: column))
                rest = after[after.index(after: close)...]
            }
        }
        return uses
    }
}
