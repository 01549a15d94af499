import Testing
@testable import DataFiles

/// The CSV reader: headers, quoting, blanks, line numbers in errors.
@Suite struct CSVTableTests {
    @Test func detectsHeaderAndReadsNamedColumnsWithBlanks() throws {
        let table = try CSVTable(text: "epoch,loss,\"val loss\"\n1,0.5,\n2,0.25,0.3\n", path: "log.csv")
        #expect(table.columnNames == ["epoch", "loss", "val loss"])
        #expect(table.rowCount == 2)
        #expect(try table.column(named: "val loss") == [nil, 0.3])
        #expect(try table.column(named: "epoch") == [1, 2])
        #expect(table.lineNumbers == [2, 3])
    }

    @Test func numericFirstLineIsData() throws {
        let table = try CSVTable(text: "1,2\r\n3,4\r\n", path: "m.csv")
        #expect(table.columnNames == nil)
        #expect(try table.finiteValues() == [1, 2, 3, 4])
    }

    @Test func quotedFieldsMayHoldCommasQuotesAndNewlines() throws {
        let table = try CSVTable(text: "name,x\n\"a, \"\"b\"\"\nc\",1\n\"2.5\",2\n", path: "q.csv")
        #expect(table.cell(row: 0, column: 0) == .text("a, \"b\"\nc"))
        #expect(table.cell(row: 1, column: 0) == .number(2.5))
        #expect(table.lineNumbers == [2, 4])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: DataFileError(path: "r.csv", line: 3, "expected 2 fields, found 1")) {
            try CSVTable(text: "1,2\n3,4\n5\n", path: "r.csv")
        }
        #expect(throws: DataFileError(path: "b.csv", line: 2, "column 2: blank cell")) {
            try CSVTable(text: "1,2\n3,\n", path: "b.csv").finiteValues()
        }
        #expect(throws: DataFileError(path: "t.csv", line: 3, "column 1: \"x\" is not a number")) {
            try CSVTable(text: "a\n1\nx\n", path: "t.csv").finiteValues()
        }
        #expect(throws: DataFileError(path: "n.csv", line: 2, "column 1: nan is not a finite number")) {
            try CSVTable(text: "1\nnan\n", path: "n.csv").finiteValues()
        }
        #expect(throws: DataFileError(path: "u.csv", line: 1, "column 1: the quote opened here is never closed")) {
            try CSVTable(text: "\"1\n2\n", path: "u.csv")
        }
        #expect(throws: DataFileError(path: "e.csv", "file is empty")) {
            try CSVTable(text: "\n\n", path: "e.csv")
        }
        #expect(throws: DataFileError(path: "h.csv", "has no data rows")) {
            try CSVTable(text: "a,b\n", path: "h.csv").finiteValues()
        }
    }

    @Test func aLeadingByteOrderMarkIsNotPartOfTheFirstCell() throws {
        let headerless = try CSVTable(text: "\u{FEFF}1\n2\n3\n", path: "bom.csv")
        #expect(headerless.columnNames == nil)
        #expect(try headerless.finiteValues() == [1, 2, 3])
        #expect(headerless.lineNumbers == [1, 2, 3])
        let header = try CSVTable(text: "\u{FEFF}step,loss\r\n1,0.5\r\n", path: "bomh.csv")
        #expect(header.columnNames == ["step", "loss"])
        #expect(try header.column(named: "step") == [1])
        // Only at the very start: elsewhere U+FEFF is a character of its cell.
        #expect(try CSVTable(text: "1\n\u{FEFF}2\n", path: "mid.csv").cell(row: 1, column: 0) == .text("\u{FEFF}2"))
    }

    @Test func everyLineEndingCountsOneLine() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "1,2", "", "3,4", "\"x\(ending)y\",5", "6,7"].joined(separator: ending) + ending
            let table = try CSVTable(text: text, path: "e.csv")
            #expect(table.lineNumbers == [2, 4, 5, 7], "\(ending.debugDescription)")
            #expect(throws: DataFileError(path: "t.csv", line: 3, "column 1: \"x\" is not a number")) {
                try CSVTable(text: ["1", "2", "x"].joined(separator: ending), path: "t.csv").finiteValues()
            }
        }
        // Mixed, with empty lines of each kind.
        let mixed = try CSVTable(text: "1\r\r\n\n2\r3\n\r4", path: "m.csv")
        #expect(mixed.lineNumbers == [1, 4, 5, 7])
    }
}
