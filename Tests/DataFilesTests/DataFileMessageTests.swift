import Testing
@testable import DataFiles

/// Errors stay one line and echo the file's text escaped, quoted and cut short; they say where.
@Suite struct DataFileMessageTests {
    /// Every message is one line of printable text: no control or format character at all.
    static func isOneSafeLine(_ error: DataFileError) -> Bool {
        error.description.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: false
            default: true
            }
        }
    }

    @Test func cellsAreEchoedEscapedAndQuoted() {
        let cases: [(String, String)] = [
            ("\"x\ny\"", #""x\ny""#), ("\"a\r\nb\"", #""a\r\nb""#), ("\u{1b}[31mred", #""\u{1b}[31mred""#),
            ("tab\there", #""tab\there""#), ("back\\slash", #""back\\slash""#), ("\"say \"\"hi\"\"\"", #""say \"hi\"""#),
            ("\u{202e}txt.exe", #""\u{202e}txt.exe""#), ("a\u{2028}b", #""a\u{2028}b""#), ("nul\u{0}", #""nul\u{0}""#),
            ("\u{85}c1", #""\u{85}c1""#), ("naïve 日本", #""naïve 日本""#),
        ]
        for (cell, shown) in cases {
            let error = #expect(throws: DataFileError.self) { try CSVTable(text: "1\n\(cell)\n", path: "c.csv").finiteValues() }
            #expect(error?.message == "column 1: \(shown) is not a number", "\(cell.debugDescription)")
            if let error { #expect(Self.isOneSafeLine(error), "\(error)") }
        }
    }

    @Test func longCellsAreCut() throws {
        let long = String(repeating: "abcdefghij", count: 1000)
        let error = #expect(throws: DataFileError.self) { try CSVTable(text: "1\n\(long)\n", path: "l.csv").column(0) }
        #expect(error?.message == "column 1: \"\(long.prefix(40))…\" is not a number")
        #expect(DataFileError.quoted(String(repeating: "é", count: 41)) == "\"" + String(repeating: "é", count: 40) + "…\"")
        #expect(DataFileError.quoted(String(repeating: "é", count: 40)) == "\"" + String(repeating: "é", count: 40) + "\"")
    }

    @Test func columnNamesAreEchoedEscapedAndTheListIsCut() throws {
        let table = try CSVTable(text: "\"st\nep\",\"\u{1b}]0;pwn\u{7}\",loss\n1,2,3\n", path: "h.csv")
        #expect(throws: DataFileError(path: "h.csv", #"has no column "step" (columns: "st\nep", "\u{1b}]0;pwn\u{7}", "loss")"#)) {
            try table.column(named: "step")
        }
        let wide = try CSVTable(text: (0..<100).map { "c\($0)" }.joined(separator: ",") + "\n" + Array(repeating: "1", count: 100).joined(separator: ",") + "\n", path: "w.csv")
        let error = #expect(throws: DataFileError.self) { try wide.column(named: "x\ny") }
        #expect(error?.message.hasPrefix(#"has no column "x\ny" (columns: "c0", "c1", "#) == true)
        #expect(error?.message.hasSuffix(#""c19", … (100 in all))"#) == true)
        #expect(throws: DataFileError(path: "n.csv", #"has no header, so no column "a\tb""#)) {
            try CSVTable(text: "1\n", path: "n.csv").column(named: "a\tb")
        }
    }

    @Test func parseErrorsNameTheColumnAndWhatWasFound() {
        #expect(throws: DataFileError(path: "q.csv", line: 2, "column 2: quote inside an unquoted field (quote the whole field and write the quote twice)")) {
            try CSVTable(text: "a,b\n1,x\"y\n", path: "q.csv")
        }
        #expect(throws: DataFileError(path: "q.csv", line: 3, #"column 3: "\u{1b}[2J" follows a closing quote (a quote inside a quoted field is written twice)"#)) {
            try CSVTable(text: "a,b,c\n1,2,\"x\ny\"\u{1b}[2J\n", path: "q.csv")
        }
        #expect(throws: DataFileError(path: "u.csv", line: 2, "column 2: the quote opened here is never closed")) {
            try CSVTable(text: "a,b\n1,\"2\n3\n", path: "u.csv")
        }
    }
}
