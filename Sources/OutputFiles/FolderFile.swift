import Foundation
import SafeText
#if canImport(Glibc)
import Glibc
#endif

/// Reading a file inside a folder lossplot wrote (a report, a diff) as data: each part of its relative path is opened
/// without following symbolic links (`O_NOFOLLOW`, after `fstatat` with `AT_SYMLINK_NOFOLLOW`),
/// so nothing outside the folder is ever read, and only a regular file is read at all: a link, a
/// FIFO, a device or a folder in its place is a finding, never opened for reading (a FIFO would
/// block, a link could point anywhere). The folder itself is opened as given.
public enum FolderFile {
    /// Why a file could not be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Nothing at that path (or a part of the path is missing).
        case missing
        /// Something other than a regular file: "a symbolic link", "a FIFO", "inside charts, a symbolic link".
        case notRegular(String)
        /// Larger than the reader accepts.
        case tooLarge(bytes: Int, limit: Int)
        /// Any other error, as strerror says it.
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: return "missing"
            case .notRegular(let what): return what
            case let .tooLarge(bytes, limit): return "\(bytes) bytes, over the \(limit) this reads"
            case .unreadable(let reason): return reason
            }
        }
    }

    /// Whether `path` names a file inside a folder and nothing else: relative, slash-separated,
    /// with no empty, `.` or `..` part and no NUL. A path read from a manifest or written into a
    /// folder is checked with this first.
    public static func isPlainPath(_ path: String) -> Bool {
        guard !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The bytes of `relative` (a plain path, `isPlainPath`) inside `folder`, at most `maxBytes`.
    public static func read(_ relative: String, in folder: String, maxBytes: Int = Int.max) -> Result<[UInt8], Failure> {
        guard isPlainPath(relative) else { return .failure(.unreadable("not a plain path inside the folder")) }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var dir = open(FileSystemPath.cString(folder), O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC)
        guard dir >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))) }
        defer { close(dir) }
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            var st = stat()
            guard fstatat(dir, FileSystemPath.cString(part), &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
            }
            let kind = st.st_mode & S_IFMT
            let shown = parts[0...index].joined(separator: "/")
            if !isLast {
                guard kind == S_IFDIR else {
                    return .failure(kind == S_IFLNK ? .notRegular("inside \(shown), a symbolic link") : .missing)
                }
                let next = openat(dir, FileSystemPath.cString(part), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
                close(dir)
                dir = next
                continue
            }
            guard kind == S_IFREG else { return .failure(.notRegular(OutputFile.kindName(st.st_mode))) }
            // O_NONBLOCK: should a FIFO take the file's place after the check, opening it does not wait.
            let fd = openat(dir, FileSystemPath.cString(part), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else {
                return .failure(errno == ELOOP ? .notRegular("a symbolic link") : .unreadable(String(cString: strerror(errno))))
            }
            defer { close(fd) }
            return readRegular(fd, maxBytes: maxBytes)
        }
        return .failure(.missing)
    }

    /// The whole of an open file, checked to be a regular one.
    private static func readRegular(_ fd: Int32, maxBytes: Int) -> Result<[UInt8], Failure> {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular(OutputFile.kindName(st.st_mode))) }
        let size = Int(st.st_size)
        guard size <= maxBytes else { return .failure(.tooLarge(bytes: size, limit: maxBytes)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if n == 0 { return .success(bytes) }
            guard bytes.count + n <= maxBytes else { return .failure(.tooLarge(bytes: bytes.count + n, limit: maxBytes)) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
