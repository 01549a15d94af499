import FuzzSupport
@testable import DataFiles

/// CSV (`CSVTable`) from the input's bytes, read in place as a mapped file is. The file is parsed
/// in one pass and again as if it were large (split at a line break into two halves parsed on two
/// cores, when it holds no quote): the two must give the same table or the same error. Every
/// column is then read by index and by name, and as finite values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let whole = Result { () throws(DataFileError) in try CSVTable(bytes: bytes, path: "fuzz.csv") }
    let halves = Result { () throws(DataFileError) in try CSVTable(bytes: bytes, path: "fuzz.csv", parallelFrom: 1) }
    FuzzInput.requireAgreement(whole, halves, "one pass", "two halves", same: difference)
    guard case .success(let table) = whole else { return 0 }
    FuzzInput.require(table.lineNumbers.count == table.rowCount, "\(table.rowCount) rows but \(table.lineNumbers.count) line numbers")
    for column in 0..<table.columnCount { _ = try? table.column(column) }
    if let names = table.columnNames {
        FuzzInput.require(names.count == table.columnCount, "\(names.count) names for \(table.columnCount) columns")
        for name in names { _ = try? table.column(named: name) }
    }
    _ = try? table.finiteValues()
    return 0
}

/// How two tables differ, nil when they hold the same cells (a NaN number equal to a NaN number).
func difference(_ a: CSVTable, _ b: CSVTable) -> String? {
    guard a.columnNames == b.columnNames, a.rowCount == b.rowCount, a.columnCount == b.columnCount,
          a.lineNumbers == b.lineNumbers else { return "the table's shape" }
    for row in 0..<a.rowCount {
        for column in 0..<a.columnCount {
            let x = a.cell(row: row, column: column), y = b.cell(row: row, column: column)
            if case .number(let p) = x, case .number(let q) = y, p.isNaN, q.isNaN { continue }
            if x != y { return "row \(row + 1), column \(column + 1): \(x) against \(y)" }
        }
    }
    return nil
}

FuzzDriver.run(fuzzCSV)
