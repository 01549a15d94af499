import Testing
@testable import DataFiles

/// Large CSV files are parsed in two halves on two cores: same table, same errors as one pass.
@Suite struct CSVParallelTests {
    static func table(_ text: String, parallelFrom threshold: Int) throws(DataFileError) -> CSVTable {
        var bytes = Array(text.utf8)
        let result = bytes.withUnsafeMutableBytes { raw in
            Result { () throws(DataFileError) in
                try CSVTable(bytes: UnsafeRawBufferPointer(raw), path: "big.csv", parallelFrom: threshold)
            }
        }
        return try result.get()
    }

    /// A log with a header, blank and text cells, CRLF and LF endings (or only CR) and empty lines.
    static func log(rows: Int, header: Bool = true, crOnly: Bool = false) -> String {
        let newline = crOnly ? "\r" : "\n"
        var text = header ? "step,loss,note" + newline : ""
        for i in 0..<rows {
            let loss = i % 17 == 0 ? "" : "\(Double(i) / 7)"
            let note = i % 23 == 0 ? "warmup" : "\(i)e-3"
            text += "\(i),\(loss),\(note)" + (i % 5 == 0 ? "\r\n" : newline)
            if i % 101 == 0 { text += newline }
        }
        return text
    }

    static func expectSame(_ a: CSVTable, _ b: CSVTable) {
        #expect(a.columnNames == b.columnNames)
        #expect(a.rowCount == b.rowCount && a.columnCount == b.columnCount)
        #expect(a.lineNumbers == b.lineNumbers)
        var same = true
        for row in 0..<min(a.rowCount, b.rowCount) {
            for column in 0..<a.columnCount where a.cell(row: row, column: column) != b.cell(row: row, column: column) {
                same = false
            }
        }
        #expect(same)
    }

    @Test func halvesGiveTheSameTableAsOnePass() throws {
        for header in [true, false] {
            let text = Self.log(rows: 3000, header: header)
            Self.expectSame(try Self.table(text, parallelFrom: 1), try Self.table(text, parallelFrom: .max))
            // A byte-order mark in front changes nothing, split or not.
            Self.expectSame(try Self.table("\u{FEFF}" + text, parallelFrom: 1), try Self.table(text, parallelFrom: .max))
        }
    }

    @Test func errorsInEitherHalfNameTheSameLine() {
        for crOnly in [false, true] {
            let newline: Unicode.Scalar = crOnly ? "\r" : "\n"
            var lines = Self.log(rows: 3000, crOnly: crOnly).replacing("\r\n", with: String(newline)).unicodeScalars
                .split(separator: newline, omittingEmptySubsequences: false).map { String($0) }
            for bad in [40, lines.count - 40] {
                let saved = lines[bad]
                lines[bad] = "1,2"
                let text = lines.joined(separator: String(newline))
                let serial = #expect(throws: DataFileError.self) { try Self.table(text, parallelFrom: .max) }
                let split = #expect(throws: DataFileError.self) { try Self.table(text, parallelFrom: 1) }
                #expect(serial == split)
                #expect(serial?.line == bad + 1, "crOnly: \(crOnly)")
                lines[bad] = saved
            }
        }
    }

    @Test func carriageReturnOnlyFilesAreSplitToo() throws {
        let text = Self.log(rows: 3000, crOnly: true)
        Self.expectSame(try Self.table(text, parallelFrom: 1), try Self.table(text, parallelFrom: .max))
        #expect(try Self.table(text, parallelFrom: .max).lineNumbers.last == 3000 + 3000 / 101 + 2)
        var bytes = Array(text.utf8)
        let split = bytes.withUnsafeMutableBytes { raw in
            let parser = CSVParser(bytes: UnsafeRawBufferPointer(raw), path: "cr.csv")
            return parser.parallelSplit(from: 1)
        }
        #expect(split != nil)
        if let split { #expect(bytes[split - 1] == UInt8(ascii: "\r") && bytes[split] != UInt8(ascii: "\n")) }
    }

    @Test func quotedFilesAreReadInOnePass() throws {
        let text = "name,x\n" + (0..<2000).map { "\"r\($0)\",\($0)\n" }.joined()
        Self.expectSame(try Self.table(text, parallelFrom: 1), try Self.table(text, parallelFrom: .max))
    }
}
