import DataFiles

/// A CSV or TSV log with a header (Lightning's `metrics.csv`, Keras' CSVLogger, DVCLive's
/// `.tsv`, any table a user names), read through DataFiles' parser.
///
/// The separator is the one the header line uses most (`,` `;` tab); a header with none of them
/// is one column only when it is a single plain name. A cell is **missing** (not logged) when it is
/// blank or spelled as pandas spells a missing value other than NaN (`DataFiles.MissingValue`: `NA`,
/// `N/A`, `n/a`, `NULL`, `null`, `None`, `<NA>`, `#N/A`, `#NA`). `nan`, `NaN`, `inf`, `-inf`, `Infinity` are **values**,
/// non-finite points: pandas reads them as NaN too and so cannot tell them from missing, but the
/// logger wrote a value there (Keras writes `NA` for an epoch without validation and `nan` for a
/// loss that diverged; Lightning leaves the cell blank).
struct CSVLog {
    /// What a cell holds.
    enum Value: Equatable {
        case missing
        case number(Double)
        case text(String)
    }

    let path: String
    let table: CSVTable
    let separator: CSVSeparator
    /// The header's names.
    let names: [String]

    /// Reads `path`, with `separator` or the one its header uses.
    init(path: String, separator known: CSVSeparator? = nil) throws(RunLogError) {
        var bytes = try LogFileBytes.read(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let separator: CSVSeparator
        if let known { separator = known } else { separator = try Self.separator(of: bytes, path: path) }
        let table: CSVTable
        switch Result(catching: { () throws(DataFileError) in try CSVTable(bytes: bytes, path: path, separator: separator) }) {
        case .success(let read): table = read
        case .failure(let error): throw RunLogError(path: path, at: error.line.map { .line($0) }, error.message)
        }
        guard let names = table.columnNames else {
            throw RunLogError(path: path, at: .line(1), "has no header line naming its columns (the first line holds only numbers)")
        }
        self.path = path
        self.table = table
        self.separator = separator
        self.names = names
    }

    /// The separator the first line uses; a header without one must be a single plain name.
    static func separator(of bytes: [UInt8], path: String) throws(RunLogError) -> CSVSeparator {
        if let sniffed = CSVSeparator.sniff(header: bytes) { return sniffed }
        let header = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let plainName = !header.isEmpty && header.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "/")
        }
        guard plainName else {
            throw RunLogError(path: path, at: .line(1), "cannot tell the separator: the header line has no ',', ';' or tab between its names")
        }
        return .comma
    }

    /// The first header line of `head` split by the separator it uses (for telling formats
    /// apart); empty when there is none.
    static func headerNames(_ head: FileHead) -> [String] {
        let text = head.text
        guard let line = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first,
              let separator = CSVSeparator.sniff(header: Array(line.utf8)) else { return [] }
        return line.split(separator: Character(Unicode.Scalar(separator.rawValue)), omittingEmptySubsequences: false)
            .map { String($0.trimmed { $0 == "\"" || $0 == " " }) }
    }

    /// Whether a file's first bytes read as a table: text without control bytes, a header of two
    /// or more non-empty names, and a second line (when the first bytes hold one) with as many
    /// fields. Binary files and prose are not tables, so they get "cannot tell the format".
    static func looksLikeTable(_ head: FileHead) -> Bool {
        let bytes = head.bytes
        guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }) else { return false }
        let names = headerNames(head)
        guard names.count >= 2, !names.contains(where: \.isEmpty),
              let separator = CSVSeparator.sniff(header: bytes) else { return false }
        let lines = head.text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard lines.count >= 3 || (lines.count == 2 && head.text.hasSuffix("\n")) else { return true }
        let fields = lines[1].split(separator: Character(Unicode.Scalar(separator.rawValue)), omittingEmptySubsequences: false).count
        return fields == names.count || lines[1].contains("\"")
    }

    /// The cell at a data row and column.
    func value(row: Int, column: Int) -> Value {
        let cell = table.cell(row: row, column: column)
        switch cell {
        case .number(let x): return .number(x)
        case .blank: return .missing
        case .text(let s): return MissingValue.isMissing(cell) ? .missing : .text(s)
        }
    }

    /// The index of the column `name`, if the header has it.
    func column(_ name: String) -> Int? { names.firstIndex(of: name) }

    /// The whole-number x value (step or epoch) of a row in column `x`.
    func step(row: Int, column x: Int) throws(RunLogError) -> Int64 {
        let line = LogLocation.line(table.lineNumbers[row])
        switch value(row: row, column: x) {
        case .number(let v):
            guard let whole = JSONLinesReader.wholeNumber(v) else {
                throw RunLogError(path: path, at: line, "\(names[x]) \(v) is not a whole number")
            }
            return whole
        case .missing: throw RunLogError(path: path, at: line, "\(names[x]) is missing")
        case .text(let s): throw RunLogError(path: path, at: line, "\(names[x]) \(DataFileError.quoted(s)) is not a number")
        }
    }

    /// The metrics of the table: every column but `x`, `epoch` and `wall` whose cells are not all
    /// text (a column of words is not a metric), points at each row where the cell is not missing.
    /// `x` nil means the row index is the step. The wall column divided by `wallUnitsPerSecond` is
    /// seconds (a division, so that milliseconds give the correctly rounded quotient, as Python's `ms / 1000`).
    func metrics(x: Int?, axis: StepAxis, epoch: Int? = nil, wall: Int? = nil, wallUnitsPerSecond: Double = 1) throws(RunLogError) -> [Metric] {
        let skipped = Set([x, epoch, wall].compactMap { $0 })
        let columns = (0..<names.count).filter { c in
            !skipped.contains(c) && (0..<table.rowCount).contains { row in
                if case .number = value(row: row, column: c) { true } else { false }
            }
        }
        var collector = MetricCollector()
        for row in 0..<table.rowCount {
            let step = try x.map { c throws(RunLogError) in try self.step(row: row, column: c) } ?? Int64(row)
            var point = MetricPoint(step: step, value: 0)
            if let epoch, case .number(let e) = value(row: row, column: epoch) { point.epoch = e }
            if let wall, case .number(let w) = value(row: row, column: wall) { point.wallTime = w / wallUnitsPerSecond }
            for c in columns {
                switch value(row: row, column: c) {
                case .missing: continue
                case .number(let v):
                    point.value = v
                    collector.append(point, to: names[c], axis: axis)
                case .text(let s):
                    throw RunLogError(path: path, at: .line(table.lineNumbers[row]), "column \(DataFileError.quoted(names[c])): \(DataFileError.quoted(s)) is not a number")
                }
            }
        }
        return collector.metrics
    }
}

extension StringProtocol {
    /// Without the leading and trailing characters that `drop` says to drop.
    func trimmed(while drop: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
