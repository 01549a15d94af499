import SafeText

/// Cross-references in the prose: `[#fig:ID]` names the figure of scenario ID (a chart or an
/// explorer), `[#eq:ID]` the equation whose page id is `eq-ID` (`Equations`). The page shows
/// them as links to the numbered thing: "Figure 3" (`figure-ref` label), "(2)".
enum CrossReferences {
    /// What a cross-reference points at.
    enum Kind: String, Sendable, CaseIterable {
        case figure = "fig"
        case equation = "eq"
    }

    /// Where one cross-reference stands in a content file (line and column from 1, in characters).
    struct Use: Sendable, Equatable {
        var kind: Kind
        var id: String
        var line: Int
        var column: Int

        /// `fig:huber`, as written between `[#` and `]`.
        var key: String { CrossReferences.key(kind, id) }
    }

    /// What the page shows for one target: a link to `href` reading `text`, or the text alone
    /// when the page does not show the target (a chart that was not drawn).
    struct Target: Sendable, Equatable {
        var href: String?
        var text: String

        var html: String {
            guard let href else { return escapeXML(text) }
            return "<a class=\"xref\" href=\"#\(escapeXML(href))\">\(escapeXML(text))</a>"
        }
    }

    static func key(_ kind: Kind, _ id: String) -> String { kind.rawValue + ":" + id }

    /// The kind and id of a cross-reference's inside (between `[#` and `]`), or nil.
    static func parse(_ inside: Substring) -> (kind: Kind, id: String)? {
        guard let colon = inside.firstIndex(of: ":"), let kind = Kind(rawValue: String(inside[..<colon])) else { return nil }
        let id = String(inside[inside.index(after: colon)...])
        return ContentParser.isID(id) ? (kind, id) : nil
    }

    /// Each `[#…]` in `text` replaced by `render(key)`; one that is not a cross-reference, or
    /// that `render` declines (nil), stays as it is.
    static func replacing(in text: String, _ render: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[#") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let close = after.firstIndex(of: "]"), let (kind, id) = parse(after[..<close]), let shown = render(key(kind, id)) {
                out += shown
                rest = after[after.index(after: close)...]
            } else {
                out += "[#"
                rest = after
            }
        }
        return out + rest
    }

    /// Every cross-reference in `file`, in running text only (as `Citations.scan` finds citations);
    /// one on a heading, a directive line, a table row or a reference entry is refused, and so is
    /// a `[#` that does not make a cross-reference, at its line and column.
    static func scan(_ file: ContentFile) throws -> [Use] {
        var uses: [Use] = []
        for part in RunningText.parts(of: file) {
            var rest = part.text
            while let open = rest.range(of: "[#") {
                let column = RunningText.column(of: open.lowerBound, in: part)
                if part.plain {
                    throw file.error(line: part.line, column: column,
                                     "a cross-reference belongs in running text: headings, directive lines, table rows and references show it as written")
                }
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: "]"), let (kind, id) = parse(after[..<close]) else {
                    throw file.error(line: part.line, column: column,
                                     "a cross-reference is '[#fig:ID]' (a chart, by its scenario id) or '[#eq:ID]' (an equation, by its id without 'eq-'), on one line")
                }
                uses.append(Use(kind: kind, id: id, line: part.line, column: column))
                rest = after[after.index(after: close)...]
            }
        }
        return uses
    }
}
