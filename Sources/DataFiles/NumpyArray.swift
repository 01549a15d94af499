/// A 1-D or 2-D `.npy` array as float64 values.
///
/// Little-endian `<f8` data in C order is memory-mapped and read in place; other supported dtypes
/// (`<f4`, `<i8`, `<i4`, `<i2`, `|i1`, `|u1`, `|b1`) and Fortran-ordered 2-D arrays are converted once.
/// Big-endian data is rejected.
public final class NumpyArray: @unchecked Sendable {
    /// The file as the user named it.
    public let path: String
    /// The array's shape: one or two dimensions.
    public let shape: [Int]
    /// numpy's dtype descriptor, e.g. "<f8".
    public let dtype: String
    /// Keeps the mapping or the converted copy alive.
    private let owner: AnyObject
    /// The values, row-major; valid only while this object is alive (hold it with `withExtendedLifetime`).
    public let values: UnsafeBufferPointer<Double>

    /// A copy of the values, row-major.
    public var elements: [Double] { withExtendedLifetime(self) { Array(values) } }

    /// Number of rows (samples).
    public var rows: Int { shape[0] }
    /// Values per row (1 for a 1-D array).
    public var columns: Int { shape.count == 2 ? shape[1] : 1 }

    /// Reads a `.npy` file.
    public convenience init(contentsOfFile path: String) throws(DataFileError) {
        try self.init(file: MappedFile(path: path), path: path)
    }

    init(file: MappedFile, path: String) throws(DataFileError) {
        let header = try NumpyHeader(bytes: file.bytes, path: path)
        self.path = path
        self.shape = header.shape
        self.dtype = header.descr
        let count = header.shape.reduce(1, *)
        guard let base = file.bytes.baseAddress else { throw DataFileError(path: path, "file is empty") }
        let data = base + header.dataOffset
        if header.descr == "<f8" && !(header.fortranOrder && header.shape.count == 2)
            && Int(bitPattern: data) % MemoryLayout<Double>.alignment == 0 {
            owner = file
            values = UnsafeBufferPointer(start: data.assumingMemoryBound(to: Double.self), count: count)
            return
        }
        let storage = DoubleStorage(count: count)
        let out = storage.buffer
        let convert: (Int) -> Double
        switch header.descr {
        case "<f8": convert = { data.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
        case "<f4": convert = { Double(data.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self)) }
        case "<i8": convert = { Double(data.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        case "<i4": convert = { Double(data.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
        case "<i2": convert = { Double(data.loadUnaligned(fromByteOffset: $0 * 2, as: Int16.self)) }
        case "|i1": convert = { Double(data.load(fromByteOffset: $0, as: Int8.self)) }
        case "|u1": convert = { Double(data.load(fromByteOffset: $0, as: UInt8.self)) }
        case "|b1": convert = { data.load(fromByteOffset: $0, as: UInt8.self) != 0 ? 1 : 0 }
        default: throw DataFileError(path: path, "dtype \(header.descr) is not supported")
        }
        if header.fortranOrder && header.shape.count == 2 {
            let r = header.shape[0], c = header.shape[1]
            for j in 0..<c { for i in 0..<r { out[i * c + j] = convert(j * r + i) } }
        } else {
            for i in 0..<count { out[i] = convert(i) }
        }
        owner = storage
        values = UnsafeBufferPointer(out)
    }
}

/// The parsed header of a `.npy` file (format versions 1 to 3).
struct NumpyHeader {
    let descr: String
    let fortranOrder: Bool
    let shape: [Int]
    let dataOffset: Int

    static let itemSizes: [String: Int] = ["<f8": 8, "<f4": 4, "<i8": 8, "<i4": 4, "<i2": 2, "|i1": 1, "|u1": 1, "|b1": 1]

    init(bytes: UnsafeRawBufferPointer, path: String) throws(DataFileError) {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw DataFileError(path: path, bytes.isEmpty ? "file is empty" : "not a .npy file (bad magic)")
        }
        let major = bytes[6]
        let lengthBytes = major == 1 ? 2 : 4
        guard (1...3).contains(major), bytes.count >= 8 + lengthBytes else {
            throw DataFileError(path: path, "unsupported .npy format version \(major)")
        }
        var headerLength = 0
        for k in 0..<lengthBytes { headerLength |= Int(bytes[8 + k]) << (8 * k) }
        let start = 8 + lengthBytes
        guard start + headerLength <= bytes.count else { throw DataFileError(path: path, "truncated .npy header") }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<start + headerLength]), as: UTF8.self)
        dataOffset = start + headerLength

        guard let descr = Self.quotedValue(of: "descr", in: text) else {
            throw DataFileError(path: path, "header has no 'descr'")
        }
        if descr.hasPrefix(">") {
            throw DataFileError(path: path, "big-endian dtype \(descr) is not supported: save little-endian ('<')")
        }
        let normalized = descr.count == 3 && ["=", "<"].contains(descr.first) ? "<" + descr.dropFirst() : descr
        let canonical = ["<b1": "|b1", "<u1": "|u1", "<i1": "|i1"][normalized] ?? normalized
        guard let itemSize = Self.itemSizes[canonical] else {
            throw DataFileError(path: path, "dtype \(descr) is not supported (float64, float32, int64, int32, int16, int8, uint8, bool)")
        }
        self.descr = canonical
        guard let orderRange = text.firstRange(of: "'fortran_order':") else {
            throw DataFileError(path: path, "header has no 'fortran_order'")
        }
        fortranOrder = text[orderRange.upperBound...].trimmingPrefix(" ").hasPrefix("True")
        guard let shapeStart = text.firstRange(of: "'shape':"),
              let open = text[shapeStart.upperBound...].firstIndex(of: "("),
              let close = text[open...].firstIndex(of: ")") else {
            throw DataFileError(path: path, "header has no 'shape'")
        }
        let parts = text[text.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        let dims = parts.compactMap { Int($0) }
        guard dims.count == parts.count, dims.allSatisfy({ $0 >= 0 }) else {
            throw DataFileError(path: path, "cannot read shape (\(parts.joined(separator: ", ")))")
        }
        guard dims.count == 1 || dims.count == 2 else {
            throw DataFileError(path: path, "array has \(dims.count) dimensions; expected 1 or 2")
        }
        guard dims[0] > 0, dims.count == 1 || dims[1] > 0 else { throw DataFileError(path: path, "array is empty") }
        shape = dims
        let (count, overflow) = dims.reduce((1, false)) { acc, d in
            let m = acc.0.multipliedReportingOverflow(by: d)
            return (m.partialValue, acc.1 || m.overflow)
        }
        guard !overflow, count <= (bytes.count - dataOffset) / itemSize else {
            throw DataFileError(path: path, "file is truncated: shape \(dims) needs \(count) values of \(itemSize) bytes")
        }
    }

    /// The quoted string after `'key':` in a header dictionary.
    static func quotedValue(of key: String, in text: String) -> String? {
        guard let keyRange = text.firstRange(of: "'\(key)':") else { return nil }
        let rest = text[keyRange.upperBound...]
        guard let open = rest.firstIndex(where: { $0 == "'" || $0 == "\"" }) else { return nil }
        let quote = rest[open]
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: quote) else { return nil }
        return String(rest[afterOpen..<close])
    }
}

extension Substring {
    /// The text without surrounding spaces.
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
