import SafeText
import Scenarios

/// The report's prose markup: `backticks` become `<code>` and `**double stars**` become `<strong>`;
/// everything else is text, escaped, so prose can never inject markup. Code is literal (no
/// `<strong>` inside it); a marker without its pair stays as it is. Passages in the other language
/// than the page's (`LanguageSpans`) carry `lang`: a span in text, the `<code>` element itself
/// for code in the other script (`LanguageSpans.codeLanguage`).
enum RichText {
    /// `citations`: reference key → its number. A citation `[@key]` or `[@key; @other]` outside
    /// code becomes the entries' numbers, each linked to its entry (`[<a href="#ref-key">3</a>]`);
    /// one of a key not there is shown as written. `references`: cross-reference key (`fig:huber`,
    /// `eq:huber`) → what `[#fig:huber]` outside code shows; one of a key not there is shown as written.
    static func html(_ text: String, in page: Language, citations: [String: Int] = [:],
                     references: [String: CrossReferences.Target] = [:]) -> String {
        var out = ""
        var rest = text[...]
        var strongOpen = false
        while !rest.isEmpty {
            let tick = rest.firstIndex(of: "`")
            let stars = rest.range(of: "**")
            if let tick, stars.map({ tick < $0.lowerBound }) ?? true,
               let close = rest[rest.index(after: tick)...].firstIndex(of: "`") {
                out += prose(String(rest[..<tick]), page, citations, references)
                let code = String(rest[rest.index(after: tick)..<close])
                if let language = LanguageSpans.codeLanguage(of: code, page: page) {
                    out += "<code lang=\"\(language.rawValue)\">" + escapeXML(code) + "</code>"
                } else {
                    out += "<code>" + LanguageSpans.html(code, page: page) + "</code>"
                }
                rest = rest[rest.index(after: close)...]
            } else if let stars, strongOpen || hasClosingStars(rest[stars.upperBound...]) {
                out += prose(String(rest[..<stars.lowerBound]), page, citations, references)
                out += strongOpen ? "</strong>" : "<strong>"
                strongOpen.toggle()
                rest = rest[stars.upperBound...]
            } else if let tick, stars.map({ tick < $0.lowerBound }) ?? true {
                // An unpaired backtick: text up to and including it.
                out += prose(String(rest[...tick]), page, citations, references)
                rest = rest[rest.index(after: tick)...]
            } else if let stars {
                out += prose(String(rest[..<stars.upperBound]), page, citations, references)
                rest = rest[stars.upperBound...]
            } else {
                out += prose(String(rest), page, citations, references)
                rest = rest[rest.endIndex...]
            }
        }
        return out
    }

    /// Text outside code: its citations made links, the rest escaped with its other-language
    /// passages marked (`LanguageSpans`). A citation is set aside as a private-use placeholder
    /// while the text around it is escaped, so `LanguageSpans` never splits a key.
    static func prose(_ text: String, _ page: Language, _ numbers: [String: Int], _ targets: [String: CrossReferences.Target]) -> String {
        let open = "\u{E000}", close = "\u{E001}"
        let cites = !numbers.isEmpty && text.contains("[@"), refers = !targets.isEmpty && text.contains("[#")
        guard cites || refers, !text.contains(open), !text.contains(close) else {
            return LanguageSpans.html(text, page: page)
        }
        var links: [String] = []
        var marked = text
        if cites {
            marked = Citations.replacing(in: marked) { keys in
                let found = keys.map { key in numbers[key].map { "<a href=\"#\(Citations.anchor(key))\">\($0)</a>" } }
                guard found.allSatisfy({ $0 != nil }) else { return nil }
                links.append("[" + found.compactMap { $0 }.joined(separator: ", ") + "]")
                return open + String(links.count - 1) + close
            }
        }
        if refers {
            marked = CrossReferences.replacing(in: marked) { key in
                guard let target = targets[key] else { return nil }
                links.append(target.html)
                return open + String(links.count - 1) + close
            }
        }
        var html = LanguageSpans.html(marked, page: page)
        for (i, link) in links.enumerated() { html = html.replacingOccurrences(of: open + String(i) + close, with: link) }
        return html
    }

    /// Whether part `i` of a text split at its backticks is code: an odd part with a backtick
    /// after it (an unpaired last backtick stays text), as `html` pairs them. The citation check
    /// reads code spans by this rule too.
    static func isCode(part i: Int, of count: Int) -> Bool { i % 2 == 1 && i + 1 < count }

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
