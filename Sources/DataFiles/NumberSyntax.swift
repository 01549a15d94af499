/// What a number is in a user's data file: the one rule every reader applies to a cell.
///
/// After the spaces and tabs around it are dropped, a cell is a number when it is
/// - a decimal literal, `[+-]` then `digits[.[digits]]` or `.digits`, then optionally
///   `(e|E)[+-]digits`, read as numpy and pandas read it: correctly rounded, past the largest
///   double ±inf (as numpy; pandas keeps such a cell as text), below the smallest 0;
/// - infinity as pandas spells it: `inf` or `infinity` in any case, with an optional sign;
/// - NaN as pandas spells it: `nan`, `NaN`, `-nan`, `-NaN`, and MSVC's `1.#IND`, `-1.#IND`,
///   `1.#QNAN`, `-1.#QNAN`.
///
/// Nothing else is: no hex (`0x1p3`), no `_` or `,` between digits, no `1d5`, no `nan(...)`, no
/// missing-value words (`NA`, `null`, `None`: text); an empty cell is blank, not a number.
/// `DecimalParser` answers most literals in place while records are split; it never answers one
/// this rule refuses, and what it cannot settle comes here.
public enum NumberSyntax {
    /// The number `text` holds, or nil when it is not one.
    public static func value(of text: some StringProtocol) -> Double? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { value(UnsafePointer($0), count: buffer.count) }
        }
    }

    /// The number the `count` bytes at `text` hold, or nil when they are not one.
    static func value(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
        var start = 0, end = count
        while start < end && (text[start] == 0x20 || text[start] == 0x09) { start += 1 }
        while end > start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        guard start < end else { return nil }
        let word = UnsafeBufferPointer(start: text + start, count: end - start)
        guard let base = word.baseAddress else { return nil }
        if let x = DecimalParser.parse(base, count: word.count) { return x }
        // Swift's own conversion rounds correctly in the C locale, but takes hex, inf and nan
        // too: only a literal the rule admits goes to it.
        if isDecimalLiteral(word) { return Double(String(decoding: word, as: UTF8.self)) }
        return special(word)
    }

    /// Whether `word` is a whole decimal literal (the first form above).
    static func isDecimalLiteral(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = word.count
        func digits() -> Int {
            let from = i
            while i < n && word[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            return i - from
        }
        if i < n && (word[i] == UInt8(ascii: "+") || word[i] == UInt8(ascii: "-")) { i += 1 }
        var mantissa = digits()
        if i < n && word[i] == UInt8(ascii: ".") { i += 1; mantissa += digits() }
        guard mantissa > 0 else { return false }
        if i < n && word[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n && (word[i] == UInt8(ascii: "+") || word[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == n
    }

    /// NaN spelled exactly as pandas reads it.
    static let nanSpellings: Set<String> = ["nan", "NaN", "-nan", "-NaN", "1.#IND", "-1.#IND", "1.#QNAN", "-1.#QNAN"]

    /// ±inf or NaN for pandas' spellings of them, nil for anything else.
    static func special(_ word: UnsafeBufferPointer<UInt8>) -> Double? {
        guard word.count <= 9 else { return nil }
        if nanSpellings.contains(String(decoding: word, as: UTF8.self)) { return .nan }
        let negative = word.first == UInt8(ascii: "-")
        // ASCII letters folded to lower case, as strcasecmp in the C locale (pandas' comparison).
        let unsigned = word.dropFirst(negative || word.first == UInt8(ascii: "+") ? 1 : 0)
            .map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
        guard unsigned.elementsEqual("inf".utf8) || unsigned.elementsEqual("infinity".utf8) else { return nil }
        return negative ? -.infinity : .infinity
    }
}
