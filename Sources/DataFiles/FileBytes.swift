#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SafeText

/// A file's bytes mapped read-only into memory; unmapped when released.
///
/// `@unchecked Sendable` because it holds a pointer. It is safe: the mapping is `PROT_READ` and
/// the pointer a `let`; it is unmapped only in `deinit`, when no thread can hold the object.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer

    /// Maps `path`, which must name a regular file (after symlinks). The path is checked before it
    /// is opened and opened without blocking, so a FIFO or a device is refused, never waited on.
    init(path: String) throws(DataFileError) {
        let (fd, size): (Int32, Int)
        do { (fd, size) = try RegularFileOpening.open(path) } catch { throw DataFileError(path: path, error.reason) }
        defer { close(fd) }
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else {
            throw DataFileError(path: path, "cannot map: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}

/// Doubles owned on the heap, for data that had to be converted (CSV, other dtypes).
///
/// `@unchecked Sendable` because it holds a pointer. It is safe: the values are written only
/// while the object is being filled, before it is shared, and only read after; freed in `deinit`.
final class DoubleStorage: @unchecked Sendable {
    /// The values; valid for the storage's lifetime.
    let buffer: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: 0)
    }

    convenience init(_ values: [Double]) {
        self.init(count: values.count)
        _ = buffer.initialize(from: values)
    }

    deinit { buffer.deallocate() }
}
