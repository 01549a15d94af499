import Dispatch

/// A CSV file (RFC 4180 quoting) as a table of numeric cells, with an optional header.
///
/// Cells are numbers, blanks or text. A first record holding any non-blank, non-numeric cell is
/// the header. Every data row remembers the 1-based line it starts on, for error messages; a line
/// ends at "\n", "\r\n" or a lone "\r". Empty lines are skipped, and so is a UTF-8 byte-order mark
/// at the start. What is a number is `NumberSyntax`'s rule.
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

    /// Reads and parses a CSV file whose fields are separated by `separator`.
    public init(contentsOfFile path: String, separator: CSVSeparator = .comma) throws(DataFileError) {
        let file = try MappedFile(path: path)
        try self.init(bytes: file.bytes, path: path, separator: separator)
    }

    /// Parses a file's bytes, already read (`path` names it in error messages).
    public init(bytes: [UInt8], path: String, separator: CSVSeparator = .comma) throws(DataFileError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(DataFileError) in try CSVTable(bytes: raw, path: path, separator: separator) }
        }
        self = try result.get()
    }

    /// Parses CSV text (`path` names it in error messages).
    public init(text: String, path: String = "<text>") throws(DataFileError) {
        var utf8 = Array(text.utf8)
        let result = utf8.withUnsafeMutableBytes { raw in
            Result { () throws(DataFileError) in try CSVTable(bytes: UnsafeRawBufferPointer(raw), path: path) }
        }
        self = try result.get()
    }

    /// Files from this size up are split at a line break into two halves parsed on two cores, when
    /// they hold no quote (so no field can span the break).
    static let parallelThreshold = 4 << 20

    init(bytes: UnsafeRawBufferPointer, path: String, separator: CSVSeparator = .comma, parallelFrom threshold: Int = parallelThreshold) throws(DataFileError) {
        var parser = CSVParser(bytes: bytes, path: path, separator: separator)
        parser.skipByteOrderMark()
        guard let firstLine = try parser.nextRecord() else { throw DataFileError(path: path, "file is empty") }
        // The first record fixes the width and is the header if any cell is text.
        let first = parser.fields[0..<parser.fieldCount]
        let width = first.count
        var header: [String]? = nil
        var rows = CSVRows()
        if first.contains(where: { if case .text = parser.cell($0) { return true } else { return false } }) {
            header = first.map { parser.text($0) }
        } else {
            try rows.append(parser, line: firstLine, width: width)
        }
        if let split = parser.parallelSplit(from: threshold) {
            var halves = [CSVHalf](repeating: CSVHalf(), count: 2)
            let start = parser.position, startLine = parser.line
            halves.withUnsafeMutableBufferPointer { slots in
                let split = CSVSplit(bytes: bytes, at: split, halves: slots.baseAddress)
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    // The first half keeps the file's offsets; the second counts bytes and lines afresh.
                    var half = CSVParser(bytes: split.bytes(part), path: path, separator: separator)
                    half.position = part == 0 ? start : 0
                    half.line = part == 0 ? startLine : 1
                    let rows = Result { () throws(DataFileError) in
                        var found = CSVRows()
                        try found.read(&half, width: width)
                        return found
                    }
                    split.store(CSVHalf(rows: rows, lines: half.line - startLine), in: part)
                }
            }
            let firstHalfLines = halves[0].lines
            let second: CSVRows
            do {
                try rows.append(contentsOf: halves[0].rows.get())
                second = try halves[1].rows.get()
            } catch {
                // The second half counted its lines from 1.
                guard case .success = halves[0].rows, let line = error.line else { throw error }
                throw DataFileError(path: path, line: line + startLine - 1 + firstHalfLines, error.message)
            }
            rows.append(contentsOf: second, lineOffset: startLine - 1 + firstHalfLines)
        } else {
            try rows.read(&parser, width: width)
        }
        self.path = path
        self.columnNames = header
        self.rowCount = rows.lines.count
        self.columnCount = width
        self.lineNumbers = rows.lines
        self.numbers = rows.numbers
        self.nonNumeric = rows.nonNumeric
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
                throw DataFileError(path: path, line: lineNumbers[row], "column \(index + 1): \(DataFileError.quoted(s)) is not a number")
            }
        }
        return values
    }

    /// A column by header name: numbers, nil for blank cells ("not logged at this row").
    public func column(named name: String) throws(DataFileError) -> [Double?] {
        guard let names = columnNames else {
            throw DataFileError(path: path, "has no header, so no column \(DataFileError.quoted(name))")
        }
        guard let index = names.firstIndex(of: name) else { throw DataFileError.noColumn(name, among: names, path: path) }
        return try column(index)
    }

    /// The column called `name` (a header name, exactly; pandas' unnamed index column is ""), every
    /// cell a finite number; the other columns may hold anything.
    /// - Throws: `DataFileError` when there is no header, no such column or more than one, no data
    ///   row, or a cell that is blank, text or not finite (naming its line).
    public func finiteColumn(named name: String) throws(DataFileError) -> [Double] {
        guard let names = columnNames else {
            throw DataFileError(path: path, "has no header line, so no column \(DataFileError.quoted(name))")
        }
        let matches = names.indices.filter { names[$0] == name }
        guard let index = matches.first else { throw DataFileError.noColumn(name, among: names, path: path) }
        guard matches.count == 1 else { throw DataFileError(path: path, "has \(matches.count) columns named \(DataFileError.quoted(name))") }
        guard rowCount > 0 else { throw DataFileError(path: path, "has no data rows") }
        var values: [Double] = []
        values.reserveCapacity(rowCount)
        let label = "column \(DataFileError.quoted(name))"
        for row in 0..<rowCount {
            let x = numbers[row * columnCount + index]
            guard !x.isFinite else { values.append(x); continue }
            switch nonNumeric[row * columnCount + index] {
            case .blank?: throw DataFileError(path: path, line: lineNumbers[row], "\(label): blank cell")
            case .text(let s)?: throw DataFileError(path: path, line: lineNumbers[row], "\(label): \(DataFileError.quoted(s)) is not a number")
            default: throw DataFileError(path: path, line: lineNumbers[row], "\(label): \(x) is not a finite number")
            }
        }
        return values
    }

    /// All cells as finite numbers, row-major; blank, text and non-finite cells are errors naming their line.
    public func finiteValues() throws(DataFileError) -> [Double] {
        guard rowCount > 0 else { throw DataFileError(path: path, "has no data rows") }
        for (index, x) in numbers.enumerated() where !x.isFinite {
            let line = lineNumbers[index / columnCount], column = index % columnCount + 1
            switch nonNumeric[index] {
            case .blank?: throw DataFileError(path: path, line: line, "column \(column): blank cell")
            case .text(let s)?: throw DataFileError(path: path, line: line, "column \(column): \(DataFileError.quoted(s)) is not a number")
            default: throw DataFileError(path: path, line: line, "column \(column): \(x) is not a finite number")
            }
        }
        return numbers
    }
}

/// What one half of a file parsed on two cores found: its rows, or why not, and how many lines
/// it read (the first half's count places the second half's line numbers).
struct CSVHalf {
    var rows: Result<CSVRows, DataFileError> = .success(CSVRows())
    var lines = 0
}

/// A file's bytes cut in two at a record boundary, and the slots the two halves fill.
///
/// `@unchecked Sendable` because it holds pointers, which are never Sendable. It is safe: the
/// bytes are only read; half `i` writes only slot `i`; `concurrentPerform` returns only after
/// both halves finish, while the bytes and the slots are alive in the caller's scope.
private struct CSVSplit: @unchecked Sendable {
    let whole: UnsafeRawBufferPointer
    let at: Int
    let halves: UnsafeMutablePointer<CSVHalf>?

    init(bytes: UnsafeRawBufferPointer, at: Int, halves: UnsafeMutablePointer<CSVHalf>?) {
        whole = bytes
        self.at = at
        self.halves = halves
    }

    /// The bytes of half `part` (0 or 1).
    func bytes(_ part: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: part == 0 ? whole[..<at] : whole[at...])
    }

    func store(_ half: CSVHalf, in part: Int) { halves?[part] = half }
}
