/// Where a JSON text first breaks the grammar, for an error that names a line: Foundation's
/// decoder reads the values but says only that the data is not valid JSON.
///
/// The grammar is JSON's as Python writes it (bare `NaN`, `Infinity`, `-Infinity`), with the
/// trailing commas JSON5 allows. Iterative, so nesting depth costs memory, never the stack.
enum JSONSyntax {
    /// A 1-based line and what is wrong there.
    struct Problem: Equatable {
        let line: Int
        let message: String
    }

    private enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose, end }

    /// The first problem in `bytes`, or nil when they are one well-formed JSON value.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var open: [UInt8] = []  // the brackets still open, `{` or `[`
        var expect = Expect.value
        let n = bytes.count
        while true {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
            guard i < n else {
                return expect == .end ? nil : Problem(line: line, message: "the JSON ends early (a writer still running?)")
            }
            let c = bytes[i]
            switch expect {
            case .value, .valueOrClose:
                if c == UInt8(ascii: "]"), expect == .valueOrClose {
                    open.removeLast()
                    i += 1
                    expect = open.isEmpty ? .end : .commaOrClose
                    continue
                }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    open.append(c)
                    i += 1
                    expect = c == UInt8(ascii: "{") ? .keyOrClose : .valueOrClose
                    continue
                }
                if c == UInt8(ascii: "\"") {
                    if let problem = skipString(bytes, &i, line: line) { return problem }
                } else if !skipScalar(bytes, &i) {
                    return Problem(line: line, message: "expected a value, found \(describe(c))")
                }
                expect = open.isEmpty ? .end : .commaOrClose
            case .key, .keyOrClose:
                if c == UInt8(ascii: "}"), expect == .keyOrClose {
                    open.removeLast()
                    i += 1
                    expect = open.isEmpty ? .end : .commaOrClose
                    continue
                }
                guard c == UInt8(ascii: "\"") else {
                    return Problem(line: line, message: "expected a quoted key, found \(describe(c))")
                }
                if let problem = skipString(bytes, &i, line: line) { return problem }
                expect = .colon
            case .colon:
                guard c == UInt8(ascii: ":") else {
                    return Problem(line: line, message: "expected ':' after a key, found \(describe(c))")
                }
                i += 1
                expect = .value
            case .commaOrClose:
                let inObject = open.last == UInt8(ascii: "{")
                let close = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if c == UInt8(ascii: ",") {
                    i += 1
                    // JSON5's trailing comma: the close may follow.
                    expect = inObject ? .keyOrClose : .valueOrClose
                } else if c == close {
                    open.removeLast()
                    i += 1
                    expect = open.isEmpty ? .end : .commaOrClose
                } else {
                    return Problem(line: line, message: "expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describe(c))")
                }
            case .end:
                return Problem(line: line, message: "unexpected \(describe(c)) after the JSON value")
            }
        }
    }

    /// Moves past a string starting at its opening quote, or says what is wrong with it.
    private static func skipString(_ bytes: [UInt8], _ i: inout Int, line: Int) -> Problem? {
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return nil }
            if b < 0x20 { return Problem(line: line, message: "a line break or control character inside a string") }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                if e == UInt8(ascii: "u") {
                    guard i + 5 < bytes.count, bytes[(i + 2)...(i + 5)].allSatisfy(isHexDigit) else {
                        return Problem(line: line, message: "a bad \\u escape in a string")
                    }
                    i += 6
                    continue
                }
                guard "\"\\/bfnrt".utf8.contains(e) else {
                    return Problem(line: line, message: "a bad escape \\\(Character(Unicode.Scalar(e))) in a string")
                }
                i += 2
                continue
            }
            i += 1
        }
        return Problem(line: line, message: "the JSON ends inside a string (a writer still running?)")
    }

    /// Moves past a number or literal (`true`, `false`, `null`, `NaN`, `Infinity`, `-Infinity`).
    private static func skipScalar(_ bytes: [UInt8], _ i: inout Int) -> Bool {
        for literal in ["true", "false", "null", "NaN", "Infinity", "-Infinity"] where bytes[i...].starts(with: literal.utf8) {
            i += literal.utf8.count
            return true
        }
        var j = i
        func digits() -> Int {
            let start = j
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
            return j - start
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: "-") { j += 1 }
        guard digits() > 0 else { return false }
        if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
            j += 1
            guard digits() > 0 else { return false }
        }
        if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            j += 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            guard digits() > 0 else { return false }
        }
        i = j
        return true
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
    }

    private static func describe(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }
}
