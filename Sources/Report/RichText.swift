import SafeText

/// The report's prose markup: text is escaped first, then `backticks` become `<code>`,
/// `**double stars**` become `<strong>`, and a citation `[@key]` or `[@key; @other]` outside code
/// becomes the entries' numbers, each linked to its entry (`[<a href="#ref-key">3</a>]`). Nothing
/// else is interpreted, so prose can never inject markup.
enum RichText {
    /// `citations`: reference key → its number; a citation of a key not there is shown as written.
    static func html(_ text: String, citations: [String: Int] = [:]) -> String {
        let escaped = escapeXML(text)
        let cited = citations.isEmpty ? escaped : linkingCitations(escaped, citations)
        return wrap(wrap(cited, marker: "`", tag: "code"), marker: "**", tag: "strong")
    }

    /// The citations outside code spans (the parts `wrap` leaves as text) made links. Keys are
    /// ids (letters, digits, '-'), which escaping leaves as they are.
    static func linkingCitations(_ text: String, _ numbers: [String: Int]) -> String {
        let parts = text.components(separatedBy: "`")
        return parts.enumerated().map { i, part in
            guard !isCode(part: i, of: parts.count) else { return part }
            return Citations.replacing(in: part) { keys in
                let links = keys.map { key in numbers[key].map { "<a href=\"#\(Citations.anchor(key))\">\($0)</a>" } }
                guard links.allSatisfy({ $0 != nil }) else { return nil }
                return "[" + links.compactMap { $0 }.joined(separator: ", ") + "]"
            }
        }.joined(separator: "`")
    }

    /// Whether part `i` of a text split at its backticks is code: an odd part with a backtick
    /// after it (an unpaired last backtick stays text), as `wrap` pairs them.
    static func isCode(part i: Int, of count: Int) -> Bool { i % 2 == 1 && i + 1 < count }

    /// Pairs of `marker` become `<tag>…</tag>`; an unpaired marker stays as it is.
    static func wrap(_ text: String, marker: String, tag: String) -> String {
        let parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        var out = parts[0]
        var i = 1
        while i < parts.count {
            if i + 1 < parts.count {
                out += "<\(tag)>\(parts[i])</\(tag)>" + parts[i + 1]
                i += 2
            } else {
                out += marker + parts[i]
                i += 1
            }
        }
        return out
    }
}
