#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON text as Python's `json` module writes it (bare `NaN`, `Infinity`, `-Infinity`; the
/// trailing commas JSON5 allows), read into a `JSONValue`, or the line where it breaks.
///
/// Foundation's decoder reads the same texts but at about 3 MB/s (3.9 s for a 10.7 MB
/// `trainer_state.json` of 10^5 rows, optimized build; 0.28 s here) and says only "not valid
/// JSON"; this parser also names the line. It reads without recursion, and refuses nesting past
/// `maximumDepth` (as Foundation does past 512): a value nested deeper would be released, and
/// compared, recursively.
/// Object keys are sorted, as `JSONValue` keeps them; of a repeated key the last value wins, as in
/// Python.
enum JSONParser {
    /// A 1-based line and what is wrong there.
    struct Problem: Error, Equatable {
        let line: Int
        let message: String
    }

    /// The deepest nesting of arrays and objects read.
    static let maximumDepth = 512

    private enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose }

    /// The arrays and objects still open, innermost last, with what each holds so far. Kept as
    /// separate stacks so that appending to the innermost container never copies it.
    private struct OpenContainers {
        var isObject: [Bool] = []
        var arrays: [[JSONValue]] = []
        var objects: [[(key: String, value: JSONValue)]] = []
        var keys: [String] = []

        mutating func openArray(line: Int) throws(Problem) { try deeper(line); isObject.append(false); arrays.append([]) }
        mutating func openObject(line: Int) throws(Problem) { try deeper(line); isObject.append(true); objects.append([]); keys.append("") }

        private func deeper(_ line: Int) throws(Problem) {
            guard isObject.count < JSONParser.maximumDepth else {
                throw Problem(line: line, message: "nested deeper than \(JSONParser.maximumDepth) levels")
            }
        }

        /// Closes the innermost container, returning its value.
        mutating func close() -> JSONValue {
            if isObject.removeLast() {
                keys.removeLast()
                return JSONParser.object(objects.removeLast())
            }
            return .array(arrays.removeLast())
        }

        /// Adds a finished value to the innermost container.
        mutating func add(_ value: JSONValue) {
            if isObject.last == true {
                objects[objects.count - 1].append((keys[keys.count - 1], value))
            } else {
                arrays[arrays.count - 1].append(value)
            }
        }
    }

    static func parse(_ bytes: [UInt8]) throws(Problem) -> JSONValue {
        var reader = Reader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.i = 3 }
        var open = OpenContainers()
        var expect = Expect.value
        while true {
            reader.skipSpace()
            guard reader.i < bytes.count else {
                throw Problem(line: reader.line, message: "the JSON ends early (a writer still running?)")
            }
            let c = bytes[reader.i]
            var finished: JSONValue? = nil
            switch expect {
            case .value, .valueOrClose:
                if c == UInt8(ascii: "]"), expect == .valueOrClose {
                    reader.i += 1
                    finished = open.close()
                } else if c == UInt8(ascii: "{") {
                    try open.openObject(line: reader.line)
                    reader.i += 1
                    expect = .keyOrClose
                } else if c == UInt8(ascii: "[") {
                    try open.openArray(line: reader.line)
                    reader.i += 1
                    expect = .valueOrClose
                } else if c == UInt8(ascii: "\"") {
                    finished = .string(try reader.string())
                } else if let scalar = reader.scalar() {
                    finished = scalar
                } else {
                    throw Problem(line: reader.line, message: "expected a value, found \(describe(c))")
                }
            case .key, .keyOrClose:
                if c == UInt8(ascii: "}"), expect == .keyOrClose {
                    reader.i += 1
                    finished = open.close()
                } else {
                    guard c == UInt8(ascii: "\"") else {
                        throw Problem(line: reader.line, message: "expected a quoted key, found \(describe(c))")
                    }
                    open.keys[open.keys.count - 1] = try reader.string()
                    expect = .colon
                }
            case .colon:
                guard c == UInt8(ascii: ":") else {
                    throw Problem(line: reader.line, message: "expected ':' after a key, found \(describe(c))")
                }
                reader.i += 1
                expect = .value
            case .commaOrClose:
                let inObject = open.isObject.last == true
                let close = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if c == UInt8(ascii: ",") {
                    reader.i += 1
                    // JSON5's trailing comma: the close may follow.
                    expect = inObject ? .keyOrClose : .valueOrClose
                } else if c == close {
                    reader.i += 1
                    finished = open.close()
                } else {
                    throw Problem(line: reader.line, message: "expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describe(c))")
                }
            }
            guard let value = finished else { continue }
            // A value is complete: it goes into the container around it, or it is the text.
            guard !open.isObject.isEmpty else {
                reader.skipSpace()
                guard reader.i == bytes.count else {
                    throw Problem(line: reader.line, message: "unexpected \(describe(bytes[reader.i])) after the JSON value")
                }
                return value
            }
            open.add(value)
            expect = .commaOrClose
        }
    }

    /// An object's value: keys sorted, the last of a repeated key kept.
    fileprivate static func object(_ pairs: [(key: String, value: JSONValue)]) -> JSONValue {
        var sorted = pairs
        if sorted.count <= 32 {
            // Insertion sort: stable, and a log row has a handful of keys (already sorted, as
            // Python's sort_keys writes them, it is one pass).
            for k in sorted.indices.dropFirst() {
                var m = k
                while m > 0, sorted[m].key < sorted[m - 1].key { sorted.swapAt(m, m - 1); m -= 1 }
            }
        } else {
            sorted = pairs.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        }
        if sorted.count > 1 {
            var unique: [(key: String, value: JSONValue)] = []
            unique.reserveCapacity(sorted.count)
            for pair in sorted {
                if unique.last?.key == pair.key { unique[unique.count - 1] = pair } else { unique.append(pair) }
            }
            sorted = unique
        }
        return .object(sorted)
    }

    private static func describe(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }

    /// The bytes and where the parse is in them.
    private struct Reader {
        let bytes: [UInt8]
        var i = 0
        var line = 1

        mutating func skipSpace() {
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                if b == 0x0A { line += 1 }
                i += 1
            }
        }

        /// A string starting at its opening quote.
        mutating func string() throws(Problem) -> String {
            i += 1
            let start = i
            // Fast path: no escape.
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: bytes[start..<i], as: UTF8.self)
            }
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw Problem(line: line, message: "a line break or control character inside a string") }
                guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hex4() else { throw Problem(line: line, message: "a bad \\u escape in a string") }
                    // A surrogate pair is one scalar; a lone surrogate becomes U+FFFD.
                    if unit >= 0xD800 && unit < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        if let low = hex4(), low >= 0xDC00 && low < 0xE000 {
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    out.append(contentsOf: String(Unicode.Scalar(unit) ?? "\u{FFFD}").utf8)
                default:
                    throw Problem(line: line, message: "a bad escape \\\(Character(Unicode.Scalar(e))) in a string")
                }
            }
            throw Problem(line: line, message: "the JSON ends inside a string (a writer still running?)")
        }

        /// Four hex digits after `\u`.
        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for b in bytes[i..<i + 4] {
                let digit: UInt8
                switch b {
                case 0x30...0x39: digit = b - 0x30
                case 0x41...0x46: digit = b - 0x41 + 10
                case 0x61...0x66: digit = b - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            i += 4
            return value
        }

        /// A number or a literal (`true`, `false`, `null`, `NaN`, `Infinity`, `-Infinity`).
        mutating func scalar() -> JSONValue? {
            for (literal, value) in Self.literals where bytes[i...].starts(with: literal) {
                i += literal.count
                return value
            }
            var j = i
            func digits() -> Int {
                let from = j
                while j < bytes.count, bytes[j] &- 0x30 < 10 { j += 1 }
                return j - from
            }
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") { j += 1 }
            guard digits() > 0 else { return nil }
            if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
                j += 1
                guard digits() > 0 else { return nil }
            }
            if j < bytes.count, bytes[j] | 0x20 == UInt8(ascii: "e") {
                j += 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
                guard digits() > 0 else { return nil }
            }
            // The token is a plain decimal literal: C's strtod reads it correctly rounded, from a
            // NUL-terminated copy on the stack (a String per number cost a third of the parse).
            let length = j - i
            let value: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
                guard let base = buffer.baseAddress else { return nil }
                for k in 0..<length { base[k] = CChar(bitPattern: bytes[i + k]) }
                base[length] = 0
                return strtod(base, nil)
            }
            guard let value else { return nil }
            i = j
            return .number(value)
        }

        static let literals: [([UInt8], JSONValue)] = [
            (Array("true".utf8), .bool(true)), (Array("false".utf8), .bool(false)), (Array("null".utf8), .null),
            (Array("NaN".utf8), .number(.nan)), (Array("Infinity".utf8), .number(.infinity)),
            (Array("-Infinity".utf8), .number(-.infinity)),
        ]
    }
}
