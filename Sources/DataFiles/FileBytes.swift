#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SafeText

/// A file's bytes mapped read-only into memory; unmapped when released.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(DataFileError) {
        let fd = open(FileSystemPath.cString(path), O_RDONLY)
        guard fd >= 0 else { throw DataFileError(path: path, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataFileError(path: path, "cannot read: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw DataFileError(path: path, "is not a regular file") }
        let size = Int(info.st_size)
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
