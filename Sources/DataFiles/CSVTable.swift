#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file (RFC 4180 quoting) as a table of numeric cells, with an optional header.
///
/// Cells are numbers, blanks or text. A first record holding any non-blank, non-numeric cell is
/// the header. Every data row remembers the 1-based line it starts on, for error messages.
/// Empty lines are skipped.
public struct CSVTable: Sendable {
    /// What a cell holds.
    public enum Cell: Sendable, Equatable {
        case number(Double)
        case blank
        case text(String)
    }

    /// The file as the user named it (used in error messages).
    public let path: String
    /// The header's names, or nil when the first line is data.
    public let columnNames: [String]?
    /// Number of data rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// 1-based line each data row starts on.
    public let lineNumbers: [Int]
    /// Numeric value of each cell, row-major (NaN for blank and text cells; see `cell(row:column:)`).
    private let numbers: [Double]
    /// Cells that are not numbers: blank, or text (keyed by row-major index).
    private let nonNumeric: [Int: Cell]

    /// Reads and parses a CSV file.
    public init(contentsOfFile path: String) throws(DataFileError) {
        let file = try MappedFile(path: path)
        try self.init(bytes: file.bytes, path: path)
    }

    /// Parses CSV text (`path` names it in error messages).
    public init(text: String, path: String = "<text>") throws(DataFileError) {
        var utf8 = Array(text.utf8)
        let result = utf8.withUnsafeMutableBytes { raw in
            Result { () throws(DataFileError) in try CSVTable(bytes: UnsafeRawBufferPointer(raw), path: path) }
        }
        self = try result.get()
    }

    init(bytes: UnsafeRawBufferPointer, path: String) throws(DataFileError) {
        var parser = CSVParser(bytes: bytes, path: path)
        var header: [String]? = nil
        var numbers: [Double] = []
        var nonNumeric: [Int: Cell] = [:]
        var lines: [Int] = []
        var width = -1
        while let line = try parser.nextRecord() {
            let record = parser.fields[0..<parser.fieldCount]
            if width < 0 {
                width = record.count
                let cells = record.map { parser.cell($0) }
                if cells.contains(where: { if case .text = $0 { return true } else { return false } }) {
                    header = record.map { parser.text($0) }
                    continue
                }
            }
            guard record.count == width else {
                throw DataFileError(path: path, line: line, "expected \(width) fields, found \(record.count)")
            }
            if lines.isEmpty {
                // Size the storage from the first data record: growing 10^6-row arrays by doubling
                // copied and page-faulted them several times over.
                let rows = parser.estimatedRecords(width: width)
                lines.reserveCapacity(rows)
                numbers.reserveCapacity(rows * width)
            }
            lines.append(line)
            for field in record {
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
        guard width > 0 else { throw DataFileError(path: path, "file is empty") }
        self.path = path
        self.columnNames = header
        self.rowCount = lines.count
        self.columnCount = width
        self.lineNumbers = lines
        self.numbers = numbers
        self.nonNumeric = nonNumeric
    }

    /// The cell at a 0-based data row and column.
    public func cell(row: Int, column: Int) -> Cell {
        let index = row * columnCount + column
        return nonNumeric[index] ?? .number(numbers[index])
    }

    /// A column by 0-based index: numbers, nil for blank cells.
    /// - Throws: `DataFileError` naming the line of a text cell.
    public func column(_ index: Int) throws(DataFileError) -> [Double?] {
        guard index >= 0 && index < columnCount else {
            throw DataFileError(path: path, "has no column \(index + 1) (it has \(columnCount))")
        }
        var values: [Double?] = []
        values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            switch cell(row: row, column: index) {
            case .number(let x): values.append(x)
            case .blank: values.append(nil)
            case .text(let s):
                throw DataFileError(path: path, line: lineNumbers[row], "column \(index + 1): \"\(s)\" is not a number")
            }
        }
        return values
    }

    /// A column by header name: numbers, nil for blank cells ("not logged at this row").
    public func column(named name: String) throws(DataFileError) -> [Double?] {
        guard let names = columnNames else { throw DataFileError(path: path, "has no header, so no column \"\(name)\"") }
        guard let index = names.firstIndex(of: name) else {
            throw DataFileError(path: path, "has no column \"\(name)\" (columns: \(names.joined(separator: ", ")))")
        }
        return try column(index)
    }

    /// All cells as finite numbers, row-major; blank, text and non-finite cells are errors naming their line.
    public func finiteValues() throws(DataFileError) -> [Double] {
        guard rowCount > 0 else { throw DataFileError(path: path, "has no data rows") }
        for (index, x) in numbers.enumerated() where !x.isFinite {
            let line = lineNumbers[index / columnCount], column = index % columnCount + 1
            switch nonNumeric[index] {
            case .blank?: throw DataFileError(path: path, line: line, "column \(column): blank cell")
            case .text(let s)?: throw DataFileError(path: path, line: line, "column \(column): \"\(s)\" is not a number")
            default: throw DataFileError(path: path, line: line, "column \(column): \(x) is not a finite number")
            }
        }
        return numbers
    }
}

/// RFC 4180 record splitter over raw bytes that tracks line numbers and parses numbers in place.
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

    /// Whether `b` ends an unquoted field (comma, LF, CR) or must not appear in one (quote): one
    /// shift and test of a mask over bytes 0..<64 instead of four comparisons.
    @inline(__always)
    static func isSpecial(_ b: UInt8) -> Bool {
        let mask: UInt64 = 1 << 0x2C | 1 << 0x0A | 1 << 0x0D | 1 << 0x22
        return b < 64 && (mask >> UInt64(b)) & 1 != 0
    }

    /// Whether `b` ends a field: comma, LF or CR.
    @inline(__always)
    func endsField(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    init(bytes: UnsafeRawBufferPointer, path: String) {
        self.bytes = bytes
        self.path = path
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
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = bytes.count
        // Skip empty lines.
        while position < n && (bytes[position] == newline || bytes[position] == cr) {
            if bytes[position] == newline { line += 1 }
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
                        throw DataFileError(path: path, line: openedOn, "unterminated quoted field")
                    }
                    let b = bytes[position]
                    if b == quote {
                        if position + 1 < n && bytes[position + 1] == quote { position += 2; continue }
                        break
                    }
                    if b == newline { line += 1 }
                    position += 1
                }
                add(Field(start: start, end: position, quoted: true))
                position += 1
                if position < n && bytes[position] != comma && bytes[position] != newline && bytes[position] != cr {
                    throw DataFileError(path: path, line: line, "unexpected character after a closing quote")
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
                    while position < n && !Self.isSpecial(bytes[position]) { position += 1 }
                    if position < n && bytes[position] == quote {
                        throw DataFileError(path: path, line: line, "quote inside an unquoted field")
                    }
                }
                add(Field(start: start, end: position, quoted: false, number: number))
            }
            if position < n && bytes[position] == comma { position += 1; continue }
            // End of record: consume "\r\n", "\n" or "\r".
            if position < n && bytes[position] == cr { position += 1 }
            if position < n && bytes[position] == newline { position += 1; line += 1 }
            return startLine
        }
    }

    /// The field's text, with quotes unescaped.
    func text(_ field: Field) -> String {
        let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        return field.quoted ? raw.replacing("\"\"", with: "\"") : raw
    }

    /// The field as a cell: a number (parsed in place for short unquoted fields), blank, or text.
    func cell(_ field: Field) -> CSVTable.Cell {
        var start = field.start, end = field.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == end { return .blank }
        let length = end - start
        if let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
           let x = DecimalParser.parse(base + start, count: length) {
            return .number(x)
        }
        if !field.quoted || !bytes[start..<end].contains(UInt8(ascii: "\"")) , length < 64 {
            let parsed: Double? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
                guard let base = buffer.baseAddress, let source = bytes.baseAddress else { return nil }
                memcpy(base, source + start, length)
                base[length] = 0
                var stop: UnsafeMutablePointer<CChar>? = nil
                let x = strtod(base, &stop)
                guard let stop, stop - base == length else { return nil }
                return x
            }
            if let parsed { return .number(parsed) }
        } else if let x = Double(text(Field(start: start, end: end, quoted: field.quoted))) {
            return .number(x)
        }
        return .text(text(field))
    }
}
