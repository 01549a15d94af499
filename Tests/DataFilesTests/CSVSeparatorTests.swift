import Testing
@testable import DataFiles

/// Semicolon- and tab-separated files, and telling the separator from a header line.
@Suite struct CSVSeparatorTests {
    @Test func aSemicolonFileKeepsCommasInsideItsFields() throws {
        let table = try CSVTable(bytes: Array("epoch;loss;note\n0;1.5;\"a;b\"\n1;0,5;x,y\n".utf8), path: "s.csv", separator: .semicolon)
        #expect(table.columnNames == ["epoch", "loss", "note"])
        #expect(table.rowCount == 2)
        #expect(table.cell(row: 0, column: 1) == .number(1.5))
        #expect(table.cell(row: 0, column: 2) == .text("a;b"))
        #expect(table.cell(row: 1, column: 1) == .text("0,5"), "a decimal comma is text, not two fields")
        #expect(table.cell(row: 1, column: 2) == .text("x,y"))
    }

    @Test func aTabFileHasBlankCells() throws {
        let table = try CSVTable(bytes: Array("step\tloss\tacc\r\n1\t0.5\t\r\n2\t\t0.75\r\n".utf8), path: "t.tsv", separator: .tab)
        #expect(table.columnCount == 3)
        #expect(try table.column(named: "loss") == [0.5, nil])
        #expect(try table.column(named: "acc") == [nil, 0.75])
    }

    @Test func theSeparatorIsTheOneTheHeaderUsesMost() {
        #expect(CSVSeparator.sniff(header: Array("epoch,loss,val_loss\n0;1".utf8)) == .comma)
        #expect(CSVSeparator.sniff(header: Array("epoch;loss;val_loss".utf8)) == .semicolon)
        #expect(CSVSeparator.sniff(header: Array("step\tloss".utf8)) == .tab)
        #expect(CSVSeparator.sniff(header: Array("\"a,b\";c".utf8)) == .semicolon, "a quoted comma does not count")
        #expect(CSVSeparator.sniff(header: Array("a,b;c".utf8)) == .comma, "a tie goes to the comma")
        #expect(CSVSeparator.sniff(header: Array("step|loss".utf8)) == nil)
        #expect(CSVSeparator.sniff(header: Array("loss\n1,2".utf8)) == nil, "only the header line counts")
    }
}

/// Cells that hold no value, by pandas' rule less its NaN spellings.
@Suite struct MissingValueTests {
    @Test func naAndBlankAreMissingAndNanIsANumber() throws {
        let table = try CSVTable(bytes: Array("a,b,c,d,e\nNA, null ,,nan,NAN\n".utf8), path: "m.csv")
        let cells = (0..<5).map { table.cell(row: 0, column: $0) }
        #expect(cells.map(MissingValue.isMissing) == [true, true, true, false, false])
        if case .number(let x) = cells[3] { #expect(x.isNaN) } else { Issue.record("nan is a number") }
        #expect(cells[4] == .text("NAN"), "pandas spells it NaN or nan; NAN is a word")
    }
}
