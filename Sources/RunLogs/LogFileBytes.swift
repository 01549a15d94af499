#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DataFiles
import SafeText

/// Reading a log file's bytes without ever blocking or following the user into a device.
enum LogFileBytes {
    /// The largest log file read whole (4 GiB): past it the size is an error, not an allocation.
    static let maximumSize = 1 << 32

    /// The whole file. Refuses anything that is not a regular file before opening it, so a FIFO
    /// or a device never blocks the read.
    static func read(_ path: String) throws(RunLogError) -> [UInt8] {
        try read(path, limit: maximumSize)
    }

    /// At most the first `limit` bytes (for sniffing a format).
    static func head(_ path: String, count: Int = 512) -> [UInt8] {
        (try? read(path, limit: count, truncating: true)) ?? []
    }

    private static func read(_ path: String, limit: Int, truncating: Bool = false) throws(RunLogError) -> [UInt8] {
        let (fd, size) = try open(path)
        defer { close(fd) }
        guard truncating || size <= limit else {
            throw RunLogError(path: path, "is \(size) bytes; logs over \(limit) bytes are not read")
        }
        var bytes = [UInt8](repeating: 0, count: min(size, limit))
        let filled = try bytes.withUnsafeMutableBytes { raw in Result { () throws(RunLogError) in try read(fd, into: raw, path: path) } }.get()
        if filled < bytes.count { bytes.removeSubrange(filled...) }  // the file shrank while being read: keep what was there
        return bytes
    }

    /// Opens `path` for reading once it is known to be a regular file, so that a FIFO or a device
    /// never blocks (`RegularFileOpening`): the descriptor (the caller closes it) and the file's size.
    static func open(_ path: String) throws(RunLogError) -> (fd: Int32, size: Int) {
        do { return try RegularFileOpening.open(path) } catch { throw RunLogError(path: path, error.reason) }
    }

    /// Reads from `fd` until `buffer` is full or the file ends: the number of bytes read.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(RunLogError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let n = Glibc.read(fd, base + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw RunLogError(path: path, "cannot read: \(errorText())")
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// A file's first bytes, read only when a reader asks for them (most files are told by name).
final class FileHead {
    private let path: String
    private var cached: [UInt8]?

    init(_ path: String) { self.path = path }

    /// Up to the first 512 bytes; empty when the file cannot be read.
    var bytes: [UInt8] {
        if let cached { return cached }
        let read = LogFileBytes.head(path)
        cached = read
        return read
    }

    /// The first bytes as text, a leading UTF-8 byte-order mark left out.
    var text: String {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        return String(decoding: b, as: UTF8.self)
    }
}
