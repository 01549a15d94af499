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
    switch (whole, halves) {
    case (.success(let a), .success(let b)):
        FuzzInput.require(a.columnNames == b.columnNames && a.rowCount == b.rowCount && a.columnCount == b.columnCount
                          && a.lineNumbers == b.lineNumbers, "the two-halves parse gives another table shape")
        FuzzInput.require(a.lineNumbers.count == a.rowCount, "\(a.rowCount) rows but \(a.lineNumbers.count) line numbers")
        for row in 0..<a.rowCount {
            for column in 0..<a.columnCount {
                FuzzInput.require(same(a.cell(row: row, column: column), b.cell(row: row, column: column)),
                                  "the two-halves parse differs at row \(row), column \(column)")
            }
        }
        for column in 0..<a.columnCount { _ = try? a.column(column) }
        if let names = a.columnNames {
            FuzzInput.require(names.count == a.columnCount, "\(names.count) names for \(a.columnCount) columns")
            for name in names { _ = try? a.column(named: name) }
        }
        _ = try? a.finiteValues()
    case (.failure(let a), .failure(let b)):
        FuzzInput.require(a == b, "one pass says \"\(a)\", two halves say \"\(b)\"")
    case (.success, .failure(let b)):
        FuzzInput.require(false, "one pass reads the file, two halves say \"\(b)\"")
    case (.failure(let a), .success):
        FuzzInput.require(false, "one pass says \"\(a)\", two halves read the file")
    }
    return 0
}

/// Equal cells, a NaN number equal to a NaN number.
func same(_ a: CSVTable.Cell, _ b: CSVTable.Cell) -> Bool {
    if case .number(let x) = a, case .number(let y) = b, x.isNaN, y.isNaN { return true }
    return a == b
}

FuzzDriver.run(fuzzCSV)
