/// A 1-D or 2-D `.npy` array as float64 values, read as `numpy.load(...).astype(float64)` would.
///
/// Little-endian float64 (`<f8`) data in C order is memory-mapped and read in place; float16/32,
/// signed and unsigned integers of 1 to 8 bytes, bool, big-endian data (`>f8`, `>i4`, ...) and
/// Fortran-ordered 2-D arrays are converted once. The header is read by `NumpyHeader`.
///
/// `@unchecked Sendable` because `values` is a pointer and `owner` any object. It is safe: every
/// field is a `let` set in `init`, the values are only read after it, and `owner` (a
/// `MappedFile` or `DoubleStorage`) keeps them alive as long as the array.
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
        let file = try MappedFile(path: path)
        try self.init(bytes: file.bytes, owner: file, path: path)
    }

    /// Reads `.npy` bytes that `owner` keeps alive (a mapped file, a member read from an archive);
    /// `path` names them in messages.
    init(bytes: UnsafeRawBufferPointer, owner bytesOwner: AnyObject, path: String) throws(DataFileError) {
        let header = try NumpyHeader(bytes: bytes, path: path)
        self.path = path
        self.shape = header.shape
        self.dtype = header.dtype.descr
        let count = header.count
        guard let base = bytes.baseAddress else { throw DataFileError(path: path, "file is empty") }
        let data = base + header.dataOffset
        let transposed = header.fortranOrder && header.shape.count == 2
        if header.dtype.isLittleEndianFloat64 && !transposed && Int(bitPattern: data) % MemoryLayout<Double>.alignment == 0 {
            owner = bytesOwner
            values = UnsafeBufferPointer(start: data.assumingMemoryBound(to: Double.self), count: count)
            return
        }
        let convert = Self.converter(header.dtype, data: data)
        let storage = DoubleStorage(count: count)
        let out = storage.buffer
        if header.dtype.isLittleEndianFloat64 && !transposed, let base = out.baseAddress {
            // Float64 that is only misaligned (a member stored in a .npz): one copy, not a
            // conversion per element.
            UnsafeMutableRawPointer(base).copyMemory(from: data, byteCount: count * MemoryLayout<Double>.size)
        } else if transposed {
            let r = header.shape[0], c = header.shape[1]
            for j in 0..<c { for i in 0..<r { out[i * c + j] = convert(j * r + i) } }
        } else {
            for i in 0..<count { out[i] = convert(i) }
        }
        owner = storage
        values = UnsafeBufferPointer(out)
    }

    /// Element `i` of `data` as a Double, exactly as numpy converts it.
    static func converter(_ dtype: NumpyDtype, data: UnsafeRawPointer) -> (Int) -> Double {
        let big = dtype.bigEndian
        @inline(__always) func load<T: FixedWidthInteger>(_ type: T.Type, _ i: Int) -> T {
            let raw = data.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self)
            return big ? T(bigEndian: raw) : T(littleEndian: raw)
        }
        switch (dtype.kind, dtype.size) {
        case (.float, 8): return { Double(bitPattern: load(UInt64.self, $0)) }
        case (.float, 4): return { Double(Float(bitPattern: load(UInt32.self, $0))) }
        case (.float, _): return { halfToDouble(load(UInt16.self, $0)) }
        case (.signed, 8): return { Double(load(Int64.self, $0)) }
        case (.signed, 4): return { Double(load(Int32.self, $0)) }
        case (.signed, 2): return { Double(load(Int16.self, $0)) }
        case (.signed, _): return { Double(load(Int8.self, $0)) }
        case (.unsigned, 8): return { Double(load(UInt64.self, $0)) }
        case (.unsigned, 4): return { Double(load(UInt32.self, $0)) }
        case (.unsigned, 2): return { Double(load(UInt16.self, $0)) }
        case (.unsigned, _): return { Double(load(UInt8.self, $0)) }
        case (.bool, _): return { load(UInt8.self, $0) != 0 ? 1 : 0 }
        }
    }

    /// An IEEE half-precision value (its 16 bits) as the Double it is exactly.
    static func halfToDouble(_ bits: UInt16) -> Double {
        let sign: FloatingPointSign = bits >> 15 == 0 ? .plus : .minus
        let exponent = Int(bits >> 10 & 0x1F), fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return Double(sign: sign, exponent: -24, significand: fraction)
        case 31: return fraction == 0 ? Double(sign: sign, exponent: 0, significand: .infinity) : .nan
        default: return Double(sign: sign, exponent: exponent - 25, significand: 1024 + fraction)
        }
    }
}
