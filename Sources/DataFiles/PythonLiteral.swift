/// A value of the subset of Python literals a `.npy` header is written in, as `ast.literal_eval`
/// (numpy's reader) reads it: strings in single or double quotes, integers, True, False, None,
/// tuples, lists and dictionaries with string keys, with trailing commas and any spacing.
enum PythonLiteral: Equatable {
    case string(String)
    /// An integer as written, sign included and underscores dropped (it may not fit an `Int`).
    case integer(String)
    case bool(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    /// Keys in the order written; no key appears twice.
    case dictionary([(key: String, value: PythonLiteral)])

    static func == (a: PythonLiteral, b: PythonLiteral) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)), (.integer(let x), .integer(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.none, .none): true
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)): x == y
        case (.dictionary(let x), .dictionary(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// What kind of value this is, for messages ("a tuple").
    var kind: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .bool: "a bool"
        case .none: "None"
        case .tuple: "a tuple"
        case .list: "a list"
        case .dictionary: "a dictionary"
        }
    }

    /// The value as Python's `repr` would write it (strings in single quotes), for messages.
    var written: String {
        switch self {
        case .string(let s): "'" + s.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
        case .integer(let digits): digits
        case .bool(let b): b ? "True" : "False"
        case .none: "None"
        case .tuple(let items): "(" + items.map(\.written).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let items): "[" + items.map(\.written).joined(separator: ", ") + "]"
        case .dictionary(let pairs): "{" + pairs.map { PythonLiteral.string($0.key).written + ": " + $0.value.written }.joined(separator: ", ") + "}"
        }
    }

    /// Why some text is not such a literal, and at which byte (0-based, from the text's start).
    struct SyntaxError: Error, Equatable {
        let offset: Int
        let message: String
    }

    /// Reads one literal that fills `text` but for whitespace around it. `latin1` decodes strings
    /// byte for byte (`.npy` 1.0 and 2.0), otherwise as UTF-8 (3.0); `longSuffix` admits Python 2's
    /// `3L`, which numpy still reads in 1.0 and 2.0 headers.
    static func parse(_ text: UnsafeRawBufferPointer, latin1: Bool, longSuffix: Bool) throws(SyntaxError) -> PythonLiteral {
        var reader = Reader(text: text, latin1: latin1, longSuffix: longSuffix)
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.position < text.count { throw reader.error("unexpected \(reader.excerpt()) after the value") }
        return value
    }

    /// A recursive-descent reader over the bytes.
    private struct Reader {
        let text: UnsafeRawBufferPointer
        let latin1: Bool
        let longSuffix: Bool
        var position = 0

        /// Deeper nesting than this is refused rather than risking the stack.
        static let maximumDepth = 32

        init(text: UnsafeRawBufferPointer, latin1: Bool, longSuffix: Bool) {
            self.text = text
            self.latin1 = latin1
            self.longSuffix = longSuffix
        }

        func error(_ message: String) -> SyntaxError { SyntaxError(offset: position, message: message) }

        /// The next few bytes, quoted for a message ("end of header" when there are none).
        func excerpt() -> String {
            guard position < text.count else { return "the end of the header" }
            let end = min(text.count, position + 12)
            return DataFileError.quoted(decode(text[position..<end]), limit: 8)
        }

        func decode(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
            latin1 ? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })) : String(decoding: bytes, as: UTF8.self)
        }

        var current: UInt8? { position < text.count ? text[position] : nil }

        /// Spaces, tabs, form feeds and line breaks (inside brackets Python ignores line breaks too).
        mutating func skipSpace() {
            while let b = current, b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0A || b == 0x0D { position += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> PythonLiteral {
            skipSpace()
            guard depth < Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) deep") }
            guard let b = current else { throw error("expected a value, found the end of the header") }
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "("):
                let (items, trailingComma) = try sequence(closing: UInt8(ascii: ")"), depth: depth)
                // "(x)" is x itself; a tuple of one is written "(x,)".
                return items.count == 1 && !trailingComma ? items[0] : .tuple(items)
            case UInt8(ascii: "["): return .list(try sequence(closing: UInt8(ascii: "]"), depth: depth).items)
            case UInt8(ascii: "{"): return try dictionary(depth: depth)
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
            default:
                for (word, literal) in [("True", PythonLiteral.bool(true)), ("False", .bool(false)), ("None", .none)] where matchesWord(word) {
                    position += word.utf8.count
                    return literal
                }
                throw error("expected a value, found \(excerpt())")
            }
        }

        /// Whether `word` starts here and is not the beginning of a longer name.
        func matchesWord(_ word: String) -> Bool {
            let end = position + word.utf8.count
            guard end <= text.count, text[position..<end].elementsEqual(word.utf8) else { return false }
            guard end < text.count else { return true }
            let next = text[end]
            return !(next == UInt8(ascii: "_") || (next | 0x20) &- UInt8(ascii: "a") < 26 || next &- UInt8(ascii: "0") < 10 || next >= 0x80)
        }

        /// A quoted string with the escapes a header may need: `\\`, `\'`, `\"`, `\n`, `\r`, `\t`.
        mutating func string() throws(SyntaxError) -> String {
            let quote = text[position]
            let opened = position
            position += 1
            var bytes: [UInt8] = []
            while true {
                guard let b = current, b != 0x0A, b != 0x0D else {
                    position = opened
                    throw error("the string opened here is never closed")
                }
                position += 1
                if b == quote { break }
                guard b == UInt8(ascii: "\\") else { bytes.append(b); continue }
                let escapes: [UInt8: UInt8] = [UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "'"): 0x27, UInt8(ascii: "\""): 0x22,
                                               UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09]
                guard let e = current, let byte = escapes[e] else {
                    position -= 1
                    throw error("unsupported escape \(excerpt()) in a string")
                }
                bytes.append(byte)
                position += 1
            }
            return bytes.withUnsafeBytes { decode($0[...]) }
        }

        /// `[+-]digits` with Python's rules: `_` only between digits, no leading zeros but in 0.
        mutating func integer() throws(SyntaxError) -> String {
            let start = position
            var digits = ""
            if let b = current, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                if b == UInt8(ascii: "-") { digits = "-" }
                position += 1
                skipSpace()
            }
            let first = position
            while let b = current {
                if b &- UInt8(ascii: "0") < 10 {
                    digits.unicodeScalars.append(Unicode.Scalar(b))
                } else if b == UInt8(ascii: "_"), position > first, text[position - 1] != UInt8(ascii: "_"),
                          position + 1 < text.count, text[position + 1] &- UInt8(ascii: "0") < 10 {
                    // a separator between digits: dropped
                } else {
                    break
                }
                position += 1
            }
            guard position > first else { throw error("expected a value, found \(excerpt())") }
            let magnitude = digits.drop { $0 == "-" }
            if magnitude.count > 1 && magnitude.allSatisfy({ $0 == "0" }) == false && magnitude.first == "0" {
                position = start
                throw error("an integer may not start with 0: \(excerpt())")
            }
            if longSuffix, let b = current, b == UInt8(ascii: "L") || b == UInt8(ascii: "l") { position += 1 }
            if let b = current, b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || (b | 0x20) &- UInt8(ascii: "a") < 26 {
                position = start
                throw error("expected an integer, found \(excerpt())")
            }
            return digits
        }

        /// Comma-separated values up to `closing`, a trailing comma allowed.
        mutating func sequence(closing: UInt8, depth: Int) throws(SyntaxError) -> (items: [PythonLiteral], trailingComma: Bool) {
            position += 1
            var items: [PythonLiteral] = []
            while true {
                skipSpace()
                if current == closing { position += 1; return (items, !items.isEmpty) }
                items.append(try value(depth: depth + 1))
                skipSpace()
                if current == closing { position += 1; return (items, false) }
                guard current == UInt8(ascii: ",") else {
                    throw error("expected \",\" or \(DataFileError.quoted(String(Unicode.Scalar(closing)))), found \(excerpt())")
                }
                position += 1
            }
        }

        /// `{'key': value, ...}` with string keys, each once.
        mutating func dictionary(depth: Int) throws(SyntaxError) -> PythonLiteral {
            position += 1
            var pairs: [(key: String, value: PythonLiteral)] = []
            while true {
                skipSpace()
                if current == UInt8(ascii: "}") { position += 1; return .dictionary(pairs) }
                guard let b = current, b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") else {
                    throw error("expected a string key or \"}\", found \(excerpt())")
                }
                let keyAt = position
                let key = try string()
                if pairs.contains(where: { $0.key == key }) {
                    position = keyAt
                    throw error("key \(DataFileError.quoted(key)) appears twice")
                }
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw error("expected \":\" after a key, found \(excerpt())") }
                position += 1
                pairs.append((key, try value(depth: depth + 1)))
                skipSpace()
                if current == UInt8(ascii: "}") { position += 1; return .dictionary(pairs) }
                guard current == UInt8(ascii: ",") else { throw error("expected \",\" or \"}\", found \(excerpt())") }
                position += 1
            }
        }
    }
}
