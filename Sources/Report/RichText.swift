import SafeText

/// The report's prose markup: text is escaped first, then `backticks` become `<code>` and
/// `**double stars**` become `<strong>`. Nothing else is interpreted, so prose can never inject markup.
enum RichText {
    static func html(_ text: String) -> String {
        let escaped = escapeXML(text)
        return wrap(wrap(escaped, marker: "`", tag: "code"), marker: "**", tag: "strong")
    }

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
