#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TFRecord framing, the container of TensorBoard event files: each record is a little-endian
/// `uint64` length, the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the
/// data. Every checksum is checked; a declared length is compared with what the file holds before
/// anything is read or allocated for it.
enum TFRecordFraming {
    /// One record, as handed to the caller while its window is valid.
    struct Record {
        /// The bytes of the file around the record (valid only during the call).
        let window: UnsafeRawBufferPointer
        /// The part of `window` the record's data fills.
        let data: Range<Int>
        /// Where the record starts in the file.
        let offset: Int
        /// The file's size when it was opened.
        let fileSize: Int

        /// How much of the file lies before this record (0 to 1).
        var progress: Double { fileSize > 0 ? Double(offset) / Double(fileSize) : 0 }
    }

    /// Bytes before a record's data (length and its checksum) and after it (the data's checksum).
    static let headerSize = 12
    static let footerSize = 4

    /// Bytes read from a file at a time: a window that slides over it (a record longer than that
    /// is read whole, once its length is known to fit in the file).
    static let windowSize = 256 * 1024

    /// Calls `body` with each record of the file at `path`; `body` returns false to stop.
    ///
    /// A last record cut short (the file ends inside it, as when a writer is still running) is
    /// skipped with a warning. A checksum that does not match, or a length longer than any log
    /// read here, is an error naming the record's byte offset.
    static func forEachRecord(
        inFile path: String, windowSize: Int = windowSize, warnings: inout [RunLogWarning],
        _ body: (Record) throws(RunLogError) -> Bool
    ) throws(RunLogError) {
        let (fd, size) = try LogFileBytes.open(path)
        defer { close(fd) }
        var window = Window(fd: fd, path: path, capacity: max(headerSize + footerSize, min(size, windowSize)))

        /// What reading the records in the window ended on.
        enum Pause { case needs(Int), truncated, stopped }

        while true {
            // Every whole record in the window, in one pass over its bytes.
            var start = window.start
            let end = window.end, base = window.base
            let pause = window.bytes.withUnsafeBytes { raw -> Result<Pause, RunLogError> in
                while true {
                    let offset = base + start
                    guard end - start >= headerSize else { return .success(.needs(headerSize)) }
                    let length = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian
                    let lengthCRC = raw.loadUnaligned(fromByteOffset: start + 8, as: UInt32.self).littleEndian
                    guard CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[start..<start + 8]))) == lengthCRC else {
                        return .failure(RunLogError(path: path, at: .byteOffset(offset), offset == 0
                            ? "not a TFRecord event file (the first record's length fails its CRC-32C check)"
                            : "the record's length fails its CRC-32C check (the file is corrupt)"))
                    }
                    let follow = max(0, max(size, base + end) - offset - headerSize)
                    guard length <= UInt64(LogFileBytes.maximumSize) else {
                        return .failure(RunLogError(path: path, at: .byteOffset(offset), "a record declares \(length) bytes, but only \(follow) follow its header"))
                    }
                    // The length is intact (its checksum matched), so a record running past the
                    // end is one the file ends inside: a writer that has not finished it.
                    guard Int(length) + footerSize <= follow else { return .success(.truncated) }
                    let total = headerSize + Int(length) + footerSize
                    guard end - start >= total else { return .success(.needs(total)) }
                    let data = start + headerSize..<start + headerSize + Int(length)
                    guard CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[data])))
                            == raw.loadUnaligned(fromByteOffset: data.upperBound, as: UInt32.self).littleEndian else {
                        return .failure(RunLogError(path: path, at: .byteOffset(offset), "the record's data fails its CRC-32C check (the file is corrupt)"))
                    }
                    do throws(RunLogError) {
                        guard try body(Record(window: raw, data: data, offset: offset, fileSize: size)) else { return .success(.stopped) }
                    } catch {
                        return .failure(error)
                    }
                    start += total
                }
            }
            window.start = start
            switch pause {
            case .failure(let error): throw error
            case .success(.stopped): return
            case .success(.truncated):
                warnings.append(truncated(path, at: base + start))
                return
            case .success(.needs(let wanted)):
                if window.atEnd {
                    // The file has ended (or shrunk while being read) inside a record.
                    if window.end > window.start { warnings.append(truncated(path, at: base + start)) }
                    return
                }
                try window.refill(wanted)
            }
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

    /// A file's bytes read through a window: `bytes[start..<end]` holds the file from `base + start`.
    private struct Window {
        let fd: Int32
        let path: String
        var bytes: [UInt8]
        var start = 0, end = 0, base = 0
        /// Whether a read has met the end of the file.
        var atEnd = false

        init(fd: Int32, path: String, capacity: Int) {
            self.fd = fd
            self.path = path
            bytes = [UInt8](repeating: 0, count: capacity)
        }

        /// Moves what is left to the front and reads until `wanted` bytes from `start` are held
        /// (growing the window when a record needs it) or the file ends.
        mutating func refill(_ wanted: Int) throws(RunLogError) {
            let (from, count) = (start, end - start)
            bytes.withUnsafeMutableBytes { raw in
                if from > 0, let front = raw.baseAddress { memmove(front, front + from, count) }
            }
            base += start
            end -= start
            start = 0
            if wanted > bytes.count { bytes += [UInt8](repeating: 0, count: wanted - bytes.count) }
            guard !atEnd else { return }
            let (fd, path, filled) = (self.fd, self.path, end)
            let room = bytes.count - filled
            let read = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(RunLogError) in
                    try LogFileBytes.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]), path: path)
                }
            }.get()
            end += read
            atEnd = read < room
        }
    }

    private static func truncated(_ path: String, at offset: Int) -> RunLogWarning {
        RunLogWarning(path: path, at: .byteOffset(offset), "the last record is incomplete (a writer still running?); it was skipped")
    }
}
