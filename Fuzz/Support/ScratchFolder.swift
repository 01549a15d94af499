#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private folder a harness writes its input into, for parsers that only read paths. Made once
/// per process under `$TMPDIR` (else `/tmp`), emptied by `reset()`, removed when the fuzzer exits
/// normally (a crash leaves it behind for a look).
///
/// `@unchecked Sendable` so a harness can keep one in a global. It is safe: libFuzzer calls a
/// harness from one thread only, and the folder's path is a `let` fixed when it is made.
public final class ScratchFolder: @unchecked Sendable {
    /// The folder's absolute path.
    public let path: String
    /// Files and folders written since the last reset, in order.
    private var files: [String] = []
    private var folders: [String] = []

    private nonisolated(unsafe) static var made: [String] = []

    /// A new folder named for the harness (`label`) and this process.
    public init(_ label: String) {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/lossplot-fuzz-\(label)-\(getpid())-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { fatalError("cannot make a scratch folder under \(base): \(String(cString: strerror(errno)))") }
        path = String(cString: template)
        if Self.made.isEmpty { atexit { ScratchFolder.made.forEach(ScratchFolder.remove) } }
        Self.made.append(path)
    }

    /// Writes `bytes` at `relative` (a name the harness chose, or one `FuzzInput.safeName` made),
    /// making its folders; returns the full path.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer, to relative: String) -> String {
        var folder = path
        for part in relative.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) == 0 { folders.append(folder) }
        }
        let full = path + "/" + relative
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(full): \(String(cString: strerror(errno)))") }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { fatalError("cannot write \(full): \(String(cString: strerror(errno)))") }
            done += n
        }
        close(fd)
        if !files.contains(full) { files.append(full) }
        return full
    }

    @discardableResult
    public func write(_ bytes: [UInt8], to relative: String) -> String {
        bytes.withUnsafeBytes { write($0, to: relative) }
    }

    /// Removes everything written since the last reset, leaving the folder empty.
    public func reset() {
        for file in files { unlink(file) }
        for folder in folders.reversed() { rmdir(folder) }
        files.removeAll(keepingCapacity: true)
        folders.removeAll(keepingCapacity: true)
    }

    /// Removes `path` and everything under it (a harness's parser may have left files behind).
    private static func remove(_ path: String) {
        guard let dir = opendir(path) else { unlink(path); return }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { remove(path + "/" + name) }
        }
        closedir(dir)
        rmdir(path)
    }
}
