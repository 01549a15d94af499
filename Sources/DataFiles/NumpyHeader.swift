/// A `.npy` element type lossplot reads: floats of 2, 4 or 8 bytes, signed and unsigned integers of
/// 1 to 8 bytes, bool; either byte order.
struct NumpyDtype: Equatable {
    enum Kind: Character { case float = "f", signed = "i", unsigned = "u", bool = "b" }
    let kind: Kind
    /// Bytes per element.
    let size: Int
    /// Stored most significant byte first (`>`); single bytes are never.
    let bigEndian: Bool

    static let sizes: [Kind: Set<Int>] = [.float: [2, 4, 8], .signed: [1, 2, 4, 8], .unsigned: [1, 2, 4, 8], .bool: [1]]

    /// What numpy calls it when it writes a header: "<f8", ">i4", "|u1".
    var descr: String { (size == 1 ? "|" : bigEndian ? ">" : "<") + String(kind.rawValue) + String(size) }

    /// Whether the values are little-endian float64, readable in place.
    var isLittleEndianFloat64: Bool { kind == .float && size == 8 && !bigEndian }

    /// Reads a descriptor as numpy writes one, `[<>=|]` (optional; `=` and `|` mean this machine's
    /// order), a kind letter and a size: nil for anything else (text, complex, dates, objects,
    /// structured types).
    init?(descr: String) {
        var rest = Substring(descr)
        var bigEndian = false
        if let order = rest.first, "<>=|".contains(order) {
            // Every platform Swift runs lossplot on is little-endian, as is "=" and "|" then.
            bigEndian = order == ">"
            rest = rest.dropFirst()
        }
        guard let letter = rest.first, let kind = Kind(rawValue: letter),
              rest.dropFirst().allSatisfy({ ("0"..."9").contains($0) }), let size = Int(rest.dropFirst()),
              Self.sizes[kind]?.contains(size) == true else { return nil }
        self.kind = kind
        self.size = size
        self.bigEndian = bigEndian && size > 1
    }
}

/// The parsed header of a `.npy` file, versions 1.0, 2.0 and 3.0, read as numpy reads it: the
/// header is a Python dictionary literal with exactly the keys 'descr', 'fortran_order' and
/// 'shape'; the shape is checked for overflow and against the bytes the file holds before
/// anything is allocated.
struct NumpyHeader {
    let dtype: NumpyDtype
    let fortranOrder: Bool
    let shape: [Int]
    /// Where the data starts in the file.
    let dataOffset: Int
    /// Number of elements (the product of `shape`).
    let count: Int

    /// numpy refuses longer headers (`max_header_size`) as possibly unsafe to evaluate; so does this.
    static let maximumHeaderLength = 10_000

    init(bytes: UnsafeRawBufferPointer, path: String) throws(DataFileError) {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard bytes.count >= 8, bytes[0..<6].elementsEqual(magic) else {
            throw DataFileError(path: path, bytes.isEmpty ? "file is empty" : "not a .npy file (it does not start with \\x93NUMPY)")
        }
        let major = bytes[6], minor = bytes[7]
        guard (1...3).contains(major), minor == 0 else {
            throw DataFileError(path: path, "unsupported .npy format version \(major).\(minor) (numpy writes 1.0, 2.0 and 3.0)")
        }
        let lengthBytes = major == 1 ? 2 : 4
        let start = 8 + lengthBytes
        guard bytes.count >= start else { throw DataFileError(path: path, "truncated .npy header: the file ends at byte \(bytes.count)") }
        var headerLength = 0
        for k in 0..<lengthBytes { headerLength |= Int(bytes[8 + k]) << (8 * k) }
        guard headerLength <= Self.maximumHeaderLength else {
            throw DataFileError(path: path, "the .npy header is \(headerLength) bytes; like numpy, lossplot reads at most \(Self.maximumHeaderLength)")
        }
        guard start + headerLength <= bytes.count else {
            throw DataFileError(path: path, "truncated .npy header: it declares \(headerLength) bytes from byte \(start), the file has \(bytes.count)")
        }
        dataOffset = start + headerLength

        let literal: PythonLiteral
        do {
            literal = try PythonLiteral.parse(UnsafeRawBufferPointer(rebasing: bytes[start..<dataOffset]),
                                              latin1: major < 3, longSuffix: major < 3)
        } catch {
            throw DataFileError(path: path, "bad .npy header at byte \(start + error.offset): \(error.message)")
        }
        guard case .dictionary(let pairs) = literal else {
            throw DataFileError(path: path, "the .npy header is \(literal.kind), not a dictionary of 'descr', 'fortran_order' and 'shape'")
        }
        let keys = ["descr", "fortran_order", "shape"]
        if let extra = pairs.first(where: { !keys.contains($0.key) }) {
            throw DataFileError(path: path, "the .npy header has an unexpected key \(DataFileError.quoted(extra.key)) (numpy reads only 'descr', 'fortran_order' and 'shape')")
        }
        func entry(_ key: String) throws(DataFileError) -> PythonLiteral {
            guard let value = pairs.first(where: { $0.key == key })?.value else { throw DataFileError(path: path, "the .npy header has no '\(key)'") }
            return value
        }

        switch try entry("descr") {
        case .string(let descr):
            guard let dtype = NumpyDtype(descr: descr) else {
                throw DataFileError(path: path, "dtype \(DataFileError.quoted(descr)) is not supported "
                                    + "(float16/32/64, int8-64, uint8-64 or bool, either byte order)")
            }
            self.dtype = dtype
        case .list:
            throw DataFileError(path: path, "structured dtypes (fields) are not supported: save a plain numeric array")
        case let other:
            throw DataFileError(path: path, "'descr' is \(other.kind), not a dtype string such as '<f8'")
        }

        guard case .bool(let fortranOrder) = try entry("fortran_order") else {
            throw DataFileError(path: path, "'fortran_order' is not True or False")
        }
        self.fortranOrder = fortranOrder

        let shapeValue = try entry("shape")
        let written = DataFileError.quoted(shapeValue.written)
        guard case .tuple(let items) = shapeValue else { throw DataFileError(path: path, "'shape' is not a tuple of integers: \(written)") }
        var dims: [Int] = []
        for item in items {
            guard case .integer(let digits) = item else { throw DataFileError(path: path, "'shape' is not a tuple of integers: \(written)") }
            guard !digits.hasPrefix("-") || digits.dropFirst().allSatisfy({ $0 == "0" }) else {
                throw DataFileError(path: path, "'shape' has a negative dimension: \(written)")
            }
            guard let d = Int(digits.drop { $0 == "-" }) else {
                throw DataFileError(path: path, "'shape' has a dimension too large for this machine: \(written)")
            }
            dims.append(d)
        }
        guard dims.count == 1 || dims.count == 2 else {
            throw DataFileError(path: path, "array has \(dims.count) dimensions; expected 1 or 2")
        }
        shape = dims
        let tuple = "(" + dims.map(String.init).joined(separator: ", ") + (dims.count == 1 ? ",)" : ")")
        guard !dims.contains(0) else { throw DataFileError(path: path, "array is empty: shape \(tuple)") }

        // Elements and bytes, both checked for overflow, then against what the file holds.
        let available = bytes.count - dataOffset
        var elements = 1, overflow = false
        for d in dims {
            let product = elements.multipliedReportingOverflow(by: d)
            elements = product.partialValue
            overflow = overflow || product.overflow
        }
        let needed = elements.multipliedReportingOverflow(by: dtype.size)
        guard !overflow, !needed.overflow else {
            throw DataFileError(path: path, "file is truncated: shape \(tuple) of \(dtype.descr) needs more than \(Int.max) bytes of data; the file has \(available)")
        }
        guard needed.partialValue <= available else {
            throw DataFileError(path: path, "file is truncated: shape \(tuple) of \(dtype.descr) needs \(needed.partialValue) bytes of data; the file has \(available)")
        }
        count = elements
    }
}
