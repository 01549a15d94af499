import SafeText
import Scenarios

/// Finds the passages of a text that are in the other language of the report, by their script:
/// Latin words inside the Ukrainian page are English ("Huber loss", "outliers", `y_true`), Cyrillic
/// words inside the English page are Ukrainian (the guide's code prints "З outlier:"), so that each
/// can carry `lang` and a screen reader reads it with the right voice (WCAG 3.1.2).
///
/// A word is a run of letters, digits and the joiners `-`, `_`, `'`, `’` and `.` between them; it
/// is foreign when all its letters are in the other script, and a passage is foreign words with
/// nothing but spaces, commas, slashes, `&` or `+` between them. A Latin passage whose words are
/// all one letter long (`y`, `q`, `D`) is a mathematical symbol, not a passage, and is left alone
/// (a one-letter Cyrillic word, `з`, is a word); so is a word that mixes both scripts (`q-й`, a
/// Ukrainian ending on an English name).
enum LanguageSpans {
    /// The script a character's letter belongs to, nil for a character that is not a Latin or
    /// Cyrillic letter (digits, Greek, punctuation, symbols).
    static func script(_ c: Character) -> Language? {
        guard let scalar = c.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: return .en
        case 0x400...0x52F: return .uk
        default: return nil
        }
    }

    static func isJoiner(_ c: Character) -> Bool { "-_'’.".contains(c) }
    static func isSeparator(_ c: Character) -> Bool { " ,/&+".contains(c) }

    /// The foreign passages of `text` on a page in `page`, in order, each with its language.
    static func passages(in text: String, page: Language) -> [(range: Range<String.Index>, language: Language)] {
        let foreign = other(page)
        var words: [(range: Range<String.Index>, foreign: Bool, letters: Int)] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard script(c) != nil || c.isNumber else { i = text.index(after: i); continue }
            var end = i, j = i, foreignLetters = 0, homeLetters = 0
            while j < text.endIndex {
                let d = text[j]
                if let s = script(d) {
                    if s == foreign { foreignLetters += 1 } else { homeLetters += 1 }
                } else if !d.isNumber && !isJoiner(d) {
                    break
                }
                j = text.index(after: j)
                if !isJoiner(d) { end = j }
            }
            words.append((i..<end, foreignLetters > 0 && homeLetters == 0, foreignLetters))
            i = j
        }
        var out: [(range: Range<String.Index>, language: Language)] = []
        var k = 0
        while k < words.count {
            guard words[k].foreign else { k += 1; continue }
            var last = k, longest = words[k].letters
            while last + 1 < words.count, words[last + 1].foreign,
                  text[words[last].range.upperBound..<words[last + 1].range.lowerBound].allSatisfy(isSeparator) {
                last += 1
                longest = max(longest, words[last].letters)
            }
            if longest >= minimumLetters(foreign) { out.append((words[k].range.lowerBound..<words[last].range.upperBound, foreign)) }
            k = last + 1
        }
        return out
    }

    /// `text` escaped for HTML, each foreign passage inside `<span lang="…">`.
    static func html(_ text: String, page: Language) -> String {
        var out = ""
        var cursor = text.startIndex
        for passage in passages(in: text, page: page) {
            out += escapeXML(String(text[cursor..<passage.range.lowerBound]))
            out += "<span lang=\"\(passage.language.rawValue)\">" + escapeXML(String(text[passage.range])) + "</span>"
            cursor = passage.range.upperBound
        }
        return out + escapeXML(String(text[cursor...]))
    }

    /// The language of a piece of code on a page in `page`: the other language when the code
    /// has letters of the other script only (`y_true`, `HuberLoss(delta)` on the Ukrainian page),
    /// as many as a passage needs; nil otherwise (`δ`, `x`, code with the page's own letters).
    static func codeLanguage(of code: String, page: Language) -> Language? {
        let foreign = other(page)
        var letters = 0
        for c in code {
            guard let s = script(c) else { continue }
            if s != foreign { return nil }
            letters += 1
        }
        return letters >= minimumLetters(foreign) ? foreign : nil
    }

    /// The other language of the report.
    static func other(_ page: Language) -> Language { page == .en ? .uk : .en }

    /// The letters a passage's longest word needs: two for Latin (a lone `y` or `q` in Ukrainian
    /// prose is a symbol), one for Cyrillic (`з`, `і`, `у` are words).
    static func minimumLetters(_ script: Language) -> Int { script == .en ? 2 : 1 }
}
