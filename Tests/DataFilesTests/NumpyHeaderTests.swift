import Foundation
import Testing
@testable import DataFiles

/// The .npy header read as the Python literal it is, and every dtype and version numpy writes.
@Suite struct NumpyHeaderTests {
    /// A .npy file as numpy lays one out: magic, version, little-endian header length (2 bytes in
    /// 1.0, 4 after), the header padded with spaces to a multiple of 64 and ended by "\n", the data.
    static func npy(_ header: String, data: [UInt8] = [], version: UInt8 = 1, pad: Bool = true) -> [UInt8] {
        let lengthBytes = version == 1 ? 2 : 4
        var text = Array(header.utf8)
        if pad {
            while (8 + lengthBytes + text.count + 1) % 64 != 0 { text.append(0x20) }
            text.append(0x0A)
        }
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
        for k in 0..<lengthBytes { bytes.append(UInt8(truncatingIfNeeded: text.count >> (8 * k))) }
        return bytes + text + data
    }

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var i = text.startIndex
        while i < text.endIndex, let j = text.index(i, offsetBy: 2, limitedBy: text.endIndex), let b = UInt8(text[i..<j], radix: 16) {
            bytes.append(b)
            i = j
        }
        return bytes
    }

    /// Reads `bytes` as a .npy file named `name`.
    static func read(_ bytes: [UInt8], name: String = "a.npy") throws(DataFileError) -> NumpyArray {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-hdr-\(UUID())-\(name)").path
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch { throw DataFileError(path: path, "test could not write") }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try NumpyArray(contentsOfFile: path)
    }

    /// The error reading `bytes` gives, without the temporary path.
    static func message(_ bytes: [UInt8]) -> String? {
        do { _ = try read(bytes); return nil } catch { return error.message }
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0.bitPattern == $1.bitPattern }
    }

    @Test func aFileNumpyWroteReadsByteForByte() throws {
        // np.save(f, np.array([1.5, -2.0, 1e300], dtype='>f8')), numpy 2.4: the whole file.
        let file = Self.hex("934e554d505901007600") + Array("{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }".utf8)
            + Array(repeating: 0x20, count: 60) + [0x0A] + Self.hex("3ff8000000000000c0000000000000007e37e43c8800759c")
        #expect(file == Self.npy("{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }", data: Self.hex("3ff8000000000000c0000000000000007e37e43c8800759c")))
        let array = try Self.read(file)
        #expect(array.elements == [1.5, -2.0, 1e300] && array.dtype == ">f8")
    }

    /// Data as numpy 2.4 wrote it for each dtype, with `np.load(...).astype(np.float64).tolist()`.
    static let numpyWrote: [(descr: String, shape: String, data: String, values: [Double])] = [
        (">f8", "(3,)", "3ff8000000000000c0000000000000007e37e43c8800759c", [1.5, -2.0, 1e300]),
        (">f4", "(3,)", "3fc00000c000000040500000", [1.5, -2.0, 3.25]),
        (">i8", "(3,)", "0000000000000001fffffffffffffffe4000000000000001", [1, -2, 4.611686018427388e18]),
        (">i4", "(3,)", "00000001fffffffe00011170", [1, -2, 70000]),
        (">u2", "(2,)", "0001ffff", [1, 65535]),
        ("<u8", "(2,)", "ffffffffffffffff0300000000000000", [1.8446744073709552e19, 3]),
        ("<f2", "(7,)", "003e0080ff7b0100007c00fc662e", [1.5, -0.0, 65504, 5.960464477539063e-08, .infinity, -.infinity, 0.0999755859375]),
        (">f2", "(2,)", "3e00c000", [1.5, -2.0]),
        ("<i2", "(3,)", "010002000300", [1, 2, 3]),
    ]

    @Test func bigEndianAndHalfPrecisionReadAsNumpyReadsThem() throws {
        for (descr, shape, data, values) in Self.numpyWrote {
            let bytes = Self.npy("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }", data: Self.hex(data))
            let array = try Self.read(bytes)
            #expect(Self.same(array.elements, values), "\(descr): \(array.elements)")
            #expect(array.dtype == descr)
        }
        // Half-precision NaN and the smallest subnormal; -0 keeps its sign.
        let halves = try Self.read(Self.npy("{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", data: [0x00, 0x7E, 0x01, 0x80, 0x00, 0x80]))
        #expect(halves.elements[0].isNaN && halves.elements[1] == -0x1p-24 && halves.elements[2].sign == .minus)
        let matrix = try Self.read(Self.npy("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 2), }",
                                            data: Self.hex("3ff0000000000000400800000000000040000000000000004010000000000000")))
        #expect(matrix.elements == [1, 2, 3, 4])
    }

    @Test func versionsOneTwoAndThree() throws {
        let c = Self.hex("000000000000f03f000000000000004000000000000008400000000000001040")
        let f = Self.hex("000000000000f03f000000000000084000000000000000400000000000001040")
        let v2 = try Self.read(Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", data: c, version: 2))
        let v3 = try Self.read(Self.npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", data: f, version: 3))
        #expect(v2.elements == [1, 2, 3, 4] && v2.shape == [2, 2])
        #expect(v3.elements == [1, 2, 3, 4] && v3.shape == [2, 2])
        for (major, minor) in [(1, 1), (4, 0), (0, 0)] as [(UInt8, UInt8)] {
            var bytes = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", data: c)
            bytes[6] = major
            bytes[7] = minor
            #expect(Self.message(bytes) == "unsupported .npy format version \(major).\(minor) (numpy writes 1.0, 2.0 and 3.0)")
        }
    }

    @Test func anyValidSpellingOfTheDictionaryIsRead() throws {
        let one = Self.hex("000000000000f83f")
        for header in [
            #"{"descr": "<f8", "fortran_order": False, "shape": (1,)}"#,
            "{'shape':(1,),'fortran_order':False,'descr':'<f8'}",
            "  {\n 'descr' : '<f8' ,\t'fortran_order' : False , 'shape' : ( 1 , ) , }  \n",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1L,), }",
            "{'descr': 'f8', 'fortran_order': False, 'shape': (+1,), }",
            "{'descr': '=f8', 'fortran_order': False, 'shape': ((1),), }",
        ] {
            let array = try Self.read(Self.npy(header, data: one))
            #expect(array.elements == [1.5], "\(header.debugDescription)")
        }
        // Python 2's long suffix only where numpy reads it, versions 1.0 and 2.0.
        #expect(Self.message(Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1L,), }", data: one, version: 3))?
            .hasPrefix("bad .npy header at byte 63: expected an integer") == true)
    }

    @Test func whatIsNotTheLiteralNumpyWritesIsRefusedSayingWhere() {
        let one = Self.hex("000000000000f83f")
        let cases: [(String, String)] = [
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': <<>>!}", #"bad .npy header at byte 71: expected a value, found "<<>>!}  …""#),
            ("junk 'descr': '<f8' 'fortran_order': False 'shape': (1,)", #"bad .npy header at byte 10: expected a value, found "junk 'de…""#),
            ("('<f8', False, (1,))", "the .npy header is a tuple, not a dictionary of 'descr', 'fortran_order' and 'shape'"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}", #"the .npy header has an unexpected key "x" (numpy reads only 'descr', 'fortran_order' and 'shape')"#),
            ("{'descr': '<f8', 'fortran_order': False}", "the .npy header has no 'shape'"),
            ("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", #"bad .npy header at byte 27: key "descr" appears twice"#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x", #"bad .npy header at byte 66: unexpected "x       …" after the value"#),
            ("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", "'fortran_order' is not True or False"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': 1}", #"'shape' is not a tuple of integers: "1""#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1)}", #"'shape' is not a tuple of integers: "1""#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1.0,)}", #"bad .npy header at byte 61: expected an integer, found "1.0,)}  …""#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", #"'shape' has a negative dimension: "(-1,)""#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (007,)}", #"bad .npy header at byte 61: an integer may not start with 0: "007,)}  …""#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (18446744073709551616,)}", #"'shape' has a dimension too large for this machine: "(18446744073709551616,)""#),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4)}",
             "file is truncated: shape (4611686018427387904, 4) of <f8 needs more than 9223372036854775807 bytes of data; the file has 8"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976,)}",
             "file is truncated: shape (1152921504606846976,) of <f8 needs more than 9223372036854775807 bytes of data; the file has 8"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1)}", "file is truncated: shape (3, 1) of <f8 needs 24 bytes of data; the file has 8"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (0,)}", "array is empty: shape (0,)"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': ()}", "array has 0 dimensions; expected 1 or 2"),
            ("{'descr': '<c16', 'fortran_order': False, 'shape': (1,)}", #"dtype "<c16" is not supported (float16/32/64, int8-64, uint8-64 or bool, either byte order)"#),
            ("{'descr': '<f+8', 'fortran_order': False, 'shape': (1,)}", #"dtype "<f+8" is not supported (float16/32/64, int8-64, uint8-64 or bool, either byte order)"#),
            ("{'descr': '\\x1b[2J', 'fortran_order': False, 'shape': (1,)}", #"bad .npy header at byte 21: unsupported escape "\\x1b[2J'…" in a string"#),
            ("{'descr': '\u{1b}[2J', 'fortran_order': False, 'shape': (1,)}", #"dtype "\u{1b}[2J" is not supported (float16/32/64, int8-64, uint8-64 or bool, either byte order)"#),
            ("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,)}", "structured dtypes (fields) are not supported: save a plain numeric array"),
            ("{'descr': '<f8, 'fortran_order': False, 'shape': (1,)}", #"bad .npy header at byte 27: expected "," or "}", found "fortran_…""#),
            ("{'descr': '<f8", "bad .npy header at byte 20: the string opened here is never closed"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': " + String(repeating: "(", count: 40), "bad .npy header at byte 91: nested more than 32 deep"),
        ]
        for (header, expected) in cases {
            let got = Self.message(Self.npy(header, data: one))
            #expect(got == expected, "\(header.debugDescription)")
            if let got { #expect(!got.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(got.debugDescription)") }
        }
    }

    @Test func headerLengthsAreCheckedBeforeUse() {
        var declaresTooMuch = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", version: 2, pad: false)
        declaresTooMuch[8...11] = [0x00, 0x20, 0x00, 0x00]
        #expect(Self.message(declaresTooMuch) == "truncated .npy header: it declares 8192 bytes from byte 12, the file has 69")
        var huge = declaresTooMuch
        huge[8...11] = [0xFF, 0xFF, 0xFF, 0xFF]
        #expect(Self.message(huge) == "the .npy header is 4294967295 bytes; like numpy, lossplot reads at most 10000")
        #expect(Self.message(Array(Self.npy("").prefix(9))) == "truncated .npy header: the file ends at byte 9")
        #expect(Self.message(Array("NUMPY!!!!!".utf8)) == #"not a .npy file (it does not start with \x93NUMPY)"#)
    }

    @Test func literalsParseAsPythonReadsThem() throws {
        func parse(_ text: String) throws(PythonLiteral.SyntaxError) -> PythonLiteral {
            var bytes = Array(text.utf8)
            let result = bytes.withUnsafeMutableBytes { raw in
                Result { () throws(PythonLiteral.SyntaxError) in try PythonLiteral.parse(UnsafeRawBufferPointer(raw), latin1: false, longSuffix: false) }
            }
            return try result.get()
        }
        #expect(try parse("()") == .tuple([]))
        #expect(try parse("(1)") == .integer("1"))
        #expect(try parse("(1,)") == .tuple([.integer("1")]))
        #expect(try parse("(1, 2,)") == .tuple([.integer("1"), .integer("2")]))
        #expect(try parse("[True, None, 'a\\'b', \"c\\\"d\"]") == .list([.bool(true), .none, .string("a'b"), .string("c\"d")]))
        #expect(try parse("- 1_000") == .integer("-1000"))
        #expect(try parse("00") == .integer("00"))
        #expect(try parse("{}") == .dictionary([]))
        #expect(throws: PythonLiteral.SyntaxError(offset: 0, message: #"expected a value, found "Truth""#)) { try parse("Truth") }
        #expect(throws: PythonLiteral.SyntaxError(offset: 0, message: #"expected an integer, found "1__0""#)) { try parse("1__0") }
        #expect(throws: PythonLiteral.SyntaxError(offset: 0, message: #"expected an integer, found "0x10""#)) { try parse("0x10") }
        #expect(throws: PythonLiteral.SyntaxError(offset: 1, message: #"expected a value, found ",)""#)) { try parse("(,)") }
        #expect(throws: PythonLiteral.SyntaxError(offset: 1, message: #"expected a string key or "}", found "1: 2}""#)) { try parse("{1: 2}") }
    }
}
