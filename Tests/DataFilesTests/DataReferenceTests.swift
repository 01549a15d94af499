import DataFixtures
import Foundation
import Testing
@testable import DataFiles

/// `FILE:NAME` references: the rule for paths that hold ':', one column of a pandas CSV, one array
/// of a .npz, each read as pandas and numpy read them.
@Suite struct DataReferenceTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-references-\(UUID())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func touch(_ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data("x\n1\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aPathThatExistsIsTheFileColonsAndAll() throws {
        let plain = try touch("preds.csv")
        let colon = try touch("run:1.csv")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let cases: [(String, String, String?)] = [
            (plain, plain, nil),
            (plain + ":target", plain, "target"),
            (plain + ":a:b", plain, "a:b"),
            (colon, colon, nil),
            (colon + ":prediction", colon, "prediction"),
            (colon + ":x:y", colon, "x:y"),
            (plain + ":", plain, ""),
            // Nothing before a ':' exists: the whole argument is the path, and opening it says so.
            (folder.path + "/missing.csv:target", folder.path + "/missing.csv:target", nil),
            // A folder is not a file to take a column of.
            (folder.path + "/logs:a", folder.path + "/logs:a", nil),
        ]
        for (argument, path, member) in cases {
            let reference = DataReference(parsing: argument)
            #expect(reference.path == path && reference.member == member, "\(argument) -> \(reference)")
            #expect(reference.description == argument || member == nil)
        }
    }

    @Test func pandasColumnsAreReadAsPandasReadsThem() throws {
        let key = try #require(DataFixtures.answerKey?.csv["preds.csv"])
        let path = try #require(DataFixtures.path("preds.csv"))
        #expect(key.header.first == "", "pandas writes the index column with an empty name")
        for (column, expected) in key.columns {
            let matrix = try DataMatrix(reference: DataReference(parsing: path + ":" + column))
            #expect(matrix.elements == expected, "\(column)")
            #expect(matrix.rows == key.rows && matrix.columns == 1)
        }
        let index = try DataMatrix(reference: DataReference(path: path, member: ""))
        #expect(index.elements == key.index.map(Double.init))
    }

    @Test func aBadCellOfTheChosenColumnNamesItsLineAndOtherColumnsMayHoldText() throws {
        let key = try #require(DataFixtures.answerKey?.csv["preds.csv"])
        let path = try #require(DataFixtures.path("preds.csv"))
        #expect(throws: DataFileError(path: path, line: key.blank.line, "column \"\(key.blank.column)\": blank cell")) {
            try DataMatrix(reference: DataReference(path: path, member: key.blank.column))
        }
        #expect(throws: DataFileError(path: path, line: key.text.line, "column \"\(key.text.column)\": \"sample 0\" is not a number")) {
            try DataMatrix(reference: DataReference(path: path, member: key.text.column))
        }
        #expect(throws: DataFileError.noColumn("predictio", among: key.header, path: path)) {
            try DataMatrix(reference: DataReference(path: path, member: "predictio"))
        }
        // The whole file is numbers only if every column is: the note column is not.
        #expect(throws: DataFileError.self) { try DataMatrix(contentsOfFile: path) }
    }

    @Test func aRowIsLocatedByLineAndColumn() throws {
        let path = try #require(DataFixtures.path("preds.csv"))
        let matrix = try DataMatrix(reference: DataReference(path: path, member: "prediction"))
        #expect(matrix.location(ofRow: 2) == "\(path):4: column \"prediction\"")
        let npz = try DataMatrix(reference: DataReference(path: try #require(DataFixtures.path("preds.npz")), member: "y_pred"))
        #expect(npz.location(ofRow: 2) == npz.path + ": row 3")
        #expect(npz.path.hasSuffix("preds.npz:y_pred"))
    }

    @Test func archivesNeedANameUnlessTheyHoldOneArray() throws {
        let single = try #require(DataFixtures.path("single.npz"))
        #expect(try DataMatrix(contentsOfFile: single).elements == DataFixtures.answerKey?.npz["single.npz"]?["only"]?.values)
        let preds = try #require(DataFixtures.path("preds.npz"))
        #expect(throws: DataFileError(path: preds, "holds 5 arrays: name one as \(preds):NAME (arrays: \"y_true\", \"y_pred\", \"labels\", \"probs\", \"weights\")")) {
            try DataMatrix(contentsOfFile: preds)
        }
        let npy = try touchNumpy()
        #expect(throws: DataFileError.self) { try DataMatrix(reference: DataReference(path: npy, member: "0")) }
    }

    func touchNumpy() throws -> String {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8) + [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]
        let path = folder.appendingPathComponent("one.npy").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
