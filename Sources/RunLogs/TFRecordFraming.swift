/// TFRecord framing, the container of TensorBoard event files: each record is a little-endian
/// `uint64` length, the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the
/// data. Every checksum is checked; a declared length is compared with what the file holds before
/// anything is read or allocated for it.
enum TFRecordFraming {
    /// Bytes before a record's data (length and its checksum) and after it (the data's checksum).
    static let headerSize = 12
    static let footerSize = 4

    /// Calls `body` with the range of `bytes` each record's data fills and the byte offset its
    /// record starts at.
    ///
    /// A last record cut short (the file ends inside it, as when a writer is still running) is
    /// skipped with a warning. A checksum that does not match, or a length no file here could hold,
    /// is an error naming the record's byte offset.
    static func forEachRecord(
        in bytes: UnsafeRawBufferPointer, path: String, warnings: inout [RunLogWarning],
        _ body: (Range<Int>, Int) throws(RunLogError) -> Void
    ) throws(RunLogError) {
        let count = bytes.count
        var offset = 0
        while offset < count {
            let remaining = count - offset
            guard remaining >= headerSize else {
                warnings.append(truncated(path, at: offset))
                return
            }
            let length = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            let lengthCRC = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self).littleEndian
            guard CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8]))) == lengthCRC else {
                throw RunLogError(path: path, at: .byteOffset(offset), offset == 0
                    ? "not a TFRecord event file (the first record's length fails its CRC-32C check)"
                    : "the record's length fails its CRC-32C check (the file is corrupt)")
            }
            let room = remaining - headerSize - footerSize
            guard room >= 0, length <= UInt64(room) else {
                // The length is intact (its checksum matched), so the file ends inside this record:
                // a writer that has not finished it. A length larger than any log read here is not that.
                guard length <= UInt64(LogFileBytes.maximumSize) else {
                    throw RunLogError(path: path, at: .byteOffset(offset),
                                      "a record declares \(length) bytes, but only \(remaining - headerSize) follow its header")
                }
                warnings.append(truncated(path, at: offset))
                return
            }
            let start = offset + headerSize, end = start + Int(length)
            let data = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            let dataCRC = bytes.loadUnaligned(fromByteOffset: end, as: UInt32.self).littleEndian
            guard CRC32C.masked(CRC32C.checksum(data)) == dataCRC else {
                throw RunLogError(path: path, at: .byteOffset(offset), "the record's data fails its CRC-32C check (the file is corrupt)")
            }
            try body(start..<end, offset)
            offset = end + footerSize
        }
    }

    /// One record framed as TFRecord writes it (for tests and benchmarks that make event files).
    static func frame(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + headerSize + footerSize)
        let length = withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) }
        out += length
        out += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(length)).littleEndian) { Array($0) }
        out += data
        out += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(data)).littleEndian) { Array($0) }
        return out
    }

    private static func truncated(_ path: String, at offset: Int) -> RunLogWarning {
        RunLogWarning(path: path, at: .byteOffset(offset), "the last record is incomplete (a writer still running?); it was skipped")
    }
}
