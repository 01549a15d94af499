import Testing
@testable import DataFiles

/// One rule for what a number is (`NumberSyntax`), and the CSV reader follows it on every path.
@Suite struct NumberSyntaxTests {
    /// Texts that are numbers, with their values (NaN compared as NaN).
    static let numbers: [(String, Double)] = [
        ("1", 1), ("-1", -1), ("+1", 1), ("1.", 1), (".5", 0.5), ("-.5e-3", -0.0005), ("2.5E+2", 250),
        ("007", 7), ("1e400", .infinity), ("-1e400", -.infinity), ("1e-400", 0), ("4.9e-324", .leastNonzeroMagnitude),
        ("0.1000000000000000055511151231257827021181583404541015625", 0.1),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", 1.2345678901234568e79),
        (" 2.5 ", 2.5), ("\t3\t", 3),
        ("inf", .infinity), ("-Infinity", -.infinity), ("+INF", .infinity), ("iNfInItY", .infinity),
        ("nan", .nan), ("NaN", .nan), ("-nan", .nan), ("-NaN", .nan), ("1.#IND", .nan), ("-1.#QNAN", .nan),
    ]

    /// Texts that are not: hex, separators, other exponent letters, C's nan(...), spellings pandas
    /// does not read, missing-value words, partial literals, non-ASCII digits.
    static let notNumbers = [
        "0x1p3", "0X10", "-0x1", "1_000", "1,5", "1d5", "1e5.5", "nan(1)", "NAN", "+nan", "Nan", "infinit", "in",
        "infinityy", "NA", "null", "None", "e5", ".", "-", "+", "1e", "1e+", "++1", "1 2", "٣", "１", "1e5x", "\u{1b}1",
    ]

    static func same(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern
    }

    @Test func theRuleAdmitsDecimalsAndPandasSpellingsOfInfAndNaN() {
        for (text, value) in Self.numbers {
            #expect(Self.same(NumberSyntax.value(of: text), value), "\(text.debugDescription)")
        }
        for text in Self.notNumbers + ["", "  "] {
            #expect(NumberSyntax.value(of: text) == nil, "\(text.debugDescription)")
        }
    }

    /// The last cell of `record` under a header as wide as it.
    static func lastCell(_ record: String) throws -> CSVTable.Cell {
        let table = try CSVTable(text: (record.hasPrefix("0,") ? "x,y\n" : "x\n") + record + "\n", path: "n.csv")
        return table.cell(row: 0, column: table.columnCount - 1)
    }

    @Test func csvCellsFollowTheRuleOnEveryPath() throws {
        // Alone in a record (the in-place path), after a comma, quoted, and padded: the same answer.
        for (text, value) in Self.numbers {
            for record in [text, "0,\(text)", "\"\(text)\"", "0, \(text) "] {
                let cell = try Self.lastCell(record)
                guard case .number(let x) = cell else {
                    Issue.record("\(record.debugDescription) read as \(cell)")
                    continue
                }
                #expect(Self.same(x, value), "\(record.debugDescription)")
            }
        }
        for text in Self.notNumbers {
            for record in text.contains(",") ? ["\"\(text)\""] : [text, "0,\(text)", "\"\(text)\""] {
                let cell = try Self.lastCell(record)
                if case .number = cell { Issue.record("\(record.debugDescription) read as \(cell)") }
            }
        }
    }

    @Test func aHexFloatIsTextNotEight() {
        #expect(throws: DataFileError(path: "h.csv", line: 2, "column 1: \"0x1p3\" is not a number")) {
            try CSVTable(text: "1\n0x1p3\n", path: "h.csv").finiteValues()
        }
    }
}
