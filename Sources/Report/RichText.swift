import SafeText
import Scenarios

/// The report's prose markup: `backticks` become `<code>` and `**double stars**` become `<strong>`;
/// everything else is text, escaped, so prose can never inject markup. Code is literal (no
/// `<strong>` inside it); a marker without its pair stays as it is. Passages in the other language
/// than the page's (`LanguageSpans`) carry `lang`: a span in text, the `<code>` element itself
/// for code in the other script (`LanguageSpans.codeLanguage`).
enum RichText {
    static func html(_ text: String, in page: Language) -> String {
        var out = ""
        var rest = text[...]
        var strongOpen = false
        while !rest.isEmpty {
            let tick = rest.firstIndex(of: "`")
            let stars = rest.range(of: "**")
            if let tick, stars.map({ tick < $0.lowerBound }) ?? true,
               let close = rest[rest.index(after: tick)...].firstIndex(of: "`") {
                out += LanguageSpans.html(String(rest[..<tick]), page: page)
                let code = String(rest[rest.index(after: tick)..<close])
                if let language = LanguageSpans.codeLanguage(of: code, page: page) {
                    out += "<code lang=\"\(language.rawValue)\">" + escapeXML(code) + "</code>"
                } else {
                    out += "<code>" + LanguageSpans.html(code, page: page) + "</code>"
                }
                rest = rest[rest.index(after: close)...]
            } else if let stars, strongOpen || hasClosingStars(rest[stars.upperBound...]) {
                out += LanguageSpans.html(String(rest[..<stars.lowerBound]), page: page)
                out += strongOpen ? "</strong>" : "<strong>"
                strongOpen.toggle()
                rest = rest[stars.upperBound...]
            } else if let tick, stars.map({ tick < $0.lowerBound }) ?? true {
                // An unpaired backtick: text up to and including it.
                out += LanguageSpans.html(String(rest[...tick]), page: page)
                rest = rest[rest.index(after: tick)...]
            } else if let stars {
                out += LanguageSpans.html(String(rest[..<stars.upperBound]), page: page)
                rest = rest[stars.upperBound...]
            } else {
                out += LanguageSpans.html(String(rest), page: page)
                rest = rest[rest.endIndex...]
            }
        }
        return out
    }

    /// Whether `**` closes outside code later in `text` (code spans skipped as `html` skips them).
    static func hasClosingStars(_ text: Substring) -> Bool {
        var rest = text
        while !rest.isEmpty {
            let tick = rest.firstIndex(of: "`")
            guard let stars = rest.range(of: "**") else { return false }
            if let tick, tick < stars.lowerBound, let close = rest[rest.index(after: tick)...].firstIndex(of: "`") {
                rest = rest[rest.index(after: close)...]
            } else {
                return true
            }
        }
        return false
    }
}
