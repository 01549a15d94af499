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
        var window = [UInt8](repeating: 0, count: max(headerSize + footerSize, min(size, windowSize)))
        var start = 0, end = 0, base = 0  // window[start..<end] holds the file's bytes from base + start
        var atEnd = false

        /// Moves what is left to the window's front and reads until it holds `wanted` bytes from
        /// `start` (growing it when a record needs it) or the file ends.
        func refill(_ wanted: Int) throws(RunLogError) {
            window.withUnsafeMutableBytes { raw in
                if start > 0, let front = raw.baseAddress { memmove(front, front + start, end - start) }
            }
            base += start
            end -= start
            start = 0
            if wanted > window.count { window += [UInt8](repeating: 0, count: wanted - window.count) }
            guard !atEnd else { return }
            let room = window.count - end
            let read = try window.withUnsafeMutableBytes { raw in
                Result { () throws(RunLogError) in try LogFileBytes.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]), path: path) }
            }.get()
            end += read
            atEnd = read < room
        }

        /// What reading the records in the window ended on.
        enum Pause { case needs(Int), truncated, stopped }

        while true {
            // Every whole record in the window, in one pass over its bytes.
            let pause = window.withUnsafeBytes { raw -> Result<Pause, RunLogError> in
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
            switch pause {
            case .failure(let error): throw error
            case .success(.stopped): return
            case .success(.truncated):
                warnings.append(truncated(path, at: base + start))
                return
            case .success(.needs(let wanted)):
                if atEnd {
                    // The file has ended (or shrunk while being read) inside a record.
                    if end > start { warnings.append(truncated(path, at: base + start)) }
                    return
                }
                try refill(wanted)
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

    private static func truncated(_ path: String, at offset: Int) -> RunLogWarning {
        RunLogWarning(path: path, at: .byteOffset(offset), "the last record is incomplete (a writer still running?); it was skipped")
    }
}
