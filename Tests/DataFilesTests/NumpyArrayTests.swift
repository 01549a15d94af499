import Foundation
import Testing
@testable import DataFiles

/// The .npy reader: each dtype, C and Fortran order, malformed files.
@Suite struct NumpyArrayTests {
    /// Writes a version-1 .npy file with the given header fields and raw data; returns its path.
    func write(descr: String, fortran: Bool = false, shape: String, data: [UInt8], name: String) throws -> String {
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        bytes += [UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8) + data
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-\(name)-\(UUID()).npy").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func bytes<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }

    @Test func readsEachDtype() throws {
        let cases: [(String, [UInt8])] = [
            ("<f8", bytes([1.5, -2.0, 3.25] as [Double])), ("<f4", bytes([1.5, -2.0, 3.25] as [Float])),
            ("<i8", bytes([1, -2, 3] as [Int64])), ("<i4", bytes([1, -2, 3] as [Int32])),
            ("|b1", [1, 0, 1]),
        ]
        let expected: [String: [Double]] = ["<f8": [1.5, -2, 3.25], "<f4": [1.5, -2, 3.25], "<i8": [1, -2, 3],
                                            "<i4": [1, -2, 3], "|b1": [1, 0, 1]]
        for (descr, data) in cases {
            let path = try write(descr: descr, shape: "(3,)", data: data, name: "dtype")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let array = try NumpyArray(contentsOfFile: path)
            #expect(array.elements == expected[descr], "\(descr)")
            #expect(array.rows == 3 && array.columns == 1)
        }
    }

    @Test func readsMatricesInCAndFortranOrder() throws {
        let c = try write(descr: "<f8", shape: "(2, 3)", data: bytes([1, 2, 3, 4, 5, 6] as [Double]), name: "c")
        let f = try write(descr: "<f8", fortran: true, shape: "(2, 3)", data: bytes([1, 4, 2, 5, 3, 6] as [Double]), name: "f")
        defer { [c, f].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let matrix = try DataMatrix(contentsOfFile: c)
        #expect(matrix.rows == 2 && matrix.columns == 3)
        #expect(matrix.elements == [1, 2, 3, 4, 5, 6])
        #expect(try NumpyArray(contentsOfFile: f).elements == [1, 2, 3, 4, 5, 6])
        #expect(matrix.location(ofRow: 1) == "\(c): row 2")
    }

    @Test func rejectsMalformedFiles() throws {
        let short = try write(descr: "<f8", shape: "(4,)", data: bytes([1.0] as [Double]), name: "short")
        let cube = try write(descr: "<f8", shape: "(1, 1, 1)", data: bytes([1.0] as [Double]), name: "cube")
        let text = try write(descr: "<U3", shape: "(1,)", data: [0, 0, 0, 0], name: "text")
        defer { [short, cube, text].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        #expect(throws: DataFileError(path: short, "file is truncated: shape (4,) of <f8 needs 32 bytes of data; the file has 8")) {
            try NumpyArray(contentsOfFile: short)
        }
        #expect(throws: DataFileError(path: cube, "array has 3 dimensions; expected 1 or 2")) {
            try NumpyArray(contentsOfFile: cube)
        }
        #expect(throws: DataFileError.self) { try NumpyArray(contentsOfFile: text) }
        #expect(throws: DataFileError(path: "/nonexistent/x.npy", "cannot open: No such file or directory")) {
            try NumpyArray(contentsOfFile: "/nonexistent/x.npy")
        }
    }
}
