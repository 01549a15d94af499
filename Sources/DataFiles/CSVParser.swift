#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data records as `CSVTable` stores them, read from one stretch of a file.
struct CSVRows {
    var numbers: [Double] = []
    var nonNumeric: [Int: CSVTable.Cell] = [:]
    var lines: [Int] = []

    /// Reads every remaining record of `parser`.
    mutating func read(_ parser: inout CSVParser, width: Int) throws(DataFileError) {
        while let line = try parser.nextRecord() { try append(parser, line: line, width: width) }
    }

    /// Appends the parser's current record, which starts on `line`.
    mutating func append(_ parser: CSVParser, line: Int, width: Int) throws(DataFileError) {
        guard parser.fieldCount == width else {
            throw DataFileError(path: parser.path, line: line, "expected \(width) fields, found \(parser.fieldCount)")
        }
        if lines.isEmpty {
            // Size the storage from the first data record: growing 10^6-row arrays by doubling
            // copied and page-faulted them several times over.
            let rows = parser.estimatedRecords(width: width)
            lines.reserveCapacity(rows)
            numbers.reserveCapacity(rows * width)
        }
        lines.append(line)
        for k in 0..<width {
            let field = parser.fields[k]
            if let x = field.number {
                numbers.append(x)
                continue
            }
            let cell = parser.cell(field)
            if case .number(let x) = cell {
                numbers.append(x)
            } else {
                nonNumeric[numbers.count] = cell
                numbers.append(.nan)
            }
        }
    }

    /// Appends the records of a later stretch whose line numbers are `lineOffset` short.
    mutating func append(contentsOf later: CSVRows, lineOffset: Int = 0) {
        for (index, cell) in later.nonNumeric { nonNumeric[index + numbers.count] = cell }
        numbers.append(contentsOf: later.numbers)
        lines.reserveCapacity(lines.count + later.lines.count)
        for line in later.lines { lines.append(line + lineOffset) }
    }
}

/// RFC 4180 record splitter over raw bytes that tracks line numbers and parses numbers in place
/// (`DecimalParser`, the fast path of `NumberSyntax`'s rule, which decides every other field).
struct CSVParser {
    /// A field's byte range; `quoted` fields hold doubled quotes still escaped.
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        /// The value, when the whole field is a plain decimal number read while splitting the record.
        var number: Double? = nil
    }

    let bytes: UnsafeRawBufferPointer
    let path: String
    var position = 0
    var line = 1
    /// The current record's fields are `fields[0..<fieldCount]` (the array is reused from record to record).
    private(set) var fields: [Field] = []
    private(set) var fieldCount = 0

    /// The byte between fields.
    let separator: UInt8
    /// `isSpecial`'s bytes (the separator, LF, CR, quote) as a mask over bytes 0..<64.
    private let specialMask: UInt64

    /// Whether `b` ends an unquoted field (separator, LF, CR) or must not appear in one (quote): one
    /// shift and test of a mask over bytes 0..<64 instead of four comparisons.
    @inline(__always)
    func isSpecial(_ b: UInt8) -> Bool {
        b < 64 && (specialMask >> UInt64(b)) & 1 != 0
    }

    /// Whether `b` ends a field: the separator, LF or CR.
    @inline(__always)
    func endsField(_ b: UInt8) -> Bool {
        b == separator || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    init(bytes: UnsafeRawBufferPointer, path: String, separator: CSVSeparator = .comma) {
        self.bytes = bytes
        self.path = path
        self.separator = separator.rawValue
        self.specialMask = 1 << UInt64(separator.rawValue) | 1 << 0x0A | 1 << 0x0D | 1 << 0x22
    }

    /// Where to split the rest of the file for two parsers: just after a line break ("\n", "\r\n" or
    /// a lone "\r") near its middle, when the rest is at least `threshold` bytes and holds no quote;
    /// nil otherwise.
    func parallelSplit(from threshold: Int) -> Int? {
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        guard bytes.count - position >= threshold, let base = bytes.baseAddress,
              memchr(base + position, Int32(UInt8(ascii: "\"")), bytes.count - position) == nil else { return nil }
        var split = position + (bytes.count - position) / 2
        while split < bytes.count && bytes[split] != newline && bytes[split] != cr { split += 1 }
        if split + 1 < bytes.count && bytes[split] == cr && bytes[split + 1] == newline { split += 1 }
        return split + 1 < bytes.count ? split + 1 : nil
    }

    /// Steps over a UTF-8 byte-order mark at the start of the file, as pandas does: it is not part
    /// of the first cell.
    mutating func skipByteOrderMark() {
        if position == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    /// Where the current record started.
    private(set) var recordStart = 0

    /// The records the file would hold if they were all as long as the current one, but never more
    /// than could fit (each field takes at least one byte and a separator).
    func estimatedRecords(width: Int) -> Int {
        let length = max(position - recordStart, 1)
        return min(bytes.count / length + 1, bytes.count / (2 * max(width, 1)) + 1)
    }

    /// Appends a field to the current record, reusing storage.
    private mutating func add(_ field: Field) {
        if fieldCount < fields.count { fields[fieldCount] = field } else { fields.append(field) }
        fieldCount += 1
    }

    /// Reads the next non-empty record into `fields[0..<fieldCount]`; returns the line it starts on, nil at the end.
    mutating func nextRecord() throws(DataFileError) -> Int? {
        let quote = UInt8(ascii: "\""), comma = separator, newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = bytes.count
        // Skip empty lines: each "\n", "\r\n" or lone "\r" ends one.
        while position < n {
            let b = bytes[position]
            if b == cr {
                if position + 1 < n && bytes[position + 1] == newline { position += 1 }
            } else if b != newline {
                break
            }
            line += 1
            position += 1
        }
        guard position < n else { return nil }
        let startLine = line
        recordStart = position
        fieldCount = 0
        while true {
            if position < n && bytes[position] == quote {
                let openedOn = line
                position += 1
                let start = position
                while true {
                    guard position < n else {
                        throw DataFileError(path: path, line: openedOn, "column \(fieldCount + 1): the quote opened here is never closed")
                    }
                    let b = bytes[position]
                    if b == quote {
                        if position + 1 < n && bytes[position + 1] == quote { position += 2; continue }
                        break
                    }
                    if b == newline || (b == cr && (position + 1 == n || bytes[position + 1] != newline)) { line += 1 }
                    position += 1
                }
                add(Field(start: start, end: position, quoted: true))
                position += 1
                if position < n && bytes[position] != comma && bytes[position] != newline && bytes[position] != cr {
                    throw DataFileError(path: path, line: line, "column \(fieldCount): \(excerpt(from: position)) follows a closing quote"
                                        + " (a quote inside a quoted field is written twice)")
                }
            } else {
                // Most fields are numbers: read one, and if a field end follows, that was the field.
                let start = position
                var number: Double? = nil
                if let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) {
                    let scanned = DecimalParser.scan(base + start, limit: n - start)
                    position += scanned.length
                    number = scanned.value
                }
                if position < n && !endsField(bytes[position]) {
                    number = nil
                    while position < n && !isSpecial(bytes[position]) { position += 1 }
                    if position < n && bytes[position] == quote {
                        throw DataFileError(path: path, line: line, "column \(fieldCount + 1): quote inside an unquoted field"
                                            + " (quote the whole field and write the quote twice)")
                    }
                }
                add(Field(start: start, end: position, quoted: false, number: number))
            }
            if position < n && bytes[position] == comma { position += 1; continue }
            // End of record: consume "\r\n", "\n" or "\r", each one line.
            if position < n {
                if bytes[position] == newline {
                    position += 1
                    line += 1
                } else if bytes[position] == cr {
                    position += 1
                    line += 1
                    if position < n && bytes[position] == newline { position += 1 }
                }
            }
            return startLine
        }
    }

    /// The field's text, with quotes unescaped.
    func text(_ field: Field) -> String {
        let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        return field.quoted ? raw.replacing("\"\"", with: "\"") : raw
    }

    /// The bytes from `offset` up to the next field or line end (at most 16), quoted for a message.
    func excerpt(from offset: Int) -> String {
        var end = offset
        while end < bytes.count && end - offset < 16 && !endsField(bytes[end]) { end += 1 }
        return DataFileError.quoted(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self), limit: 8)
    }

    /// The field as a cell: blank (nothing but spaces and tabs), a number (by `NumberSyntax`), or text.
    func cell(_ field: Field) -> CSVTable.Cell {
        var start = field.start, end = field.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == end { return .blank }
        // A doubled quote cannot be part of a number, so a quoted field needs no unescaping here.
        if let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
           let x = NumberSyntax.value(base + start, count: end - start) {
            return .number(x)
        }
        return .text(text(field))
    }
}
