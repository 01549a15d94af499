import Foundation
import SafeText
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be written, in one line that names it.
public struct OutputFileError: Error, CustomStringConvertible {
    public let description: String
}

/// Writes a file whole or not at all, and never replaces what is not a regular file:
/// - a missing path or a regular file: the bytes go to a hidden temporary file beside it, which
///   is renamed over it only once everything is written and flushed to the disk (`fsync`), so
///   that after a crash or a power cut the path holds the old bytes or the new ones, never a
///   short or empty file; the folder is flushed after the rename, so the new name lasts too. An
///   existing file keeps its read, write and execute permissions;
/// - a symbolic link to a regular file: the file it points to is written that way, and the link
///   stays a link;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, `mkfifo`): written through, as
///   matplotlib's `savefig` does, never renamed over. A write error (ENOSPC from `/dev/full`) is an
///   error, and a FIFO that no process is reading is refused at once instead of waiting for one;
/// - a folder, a block device, a socket, or a link to a missing file: refused.
/// An interrupted write (SIGINT, SIGTERM) removes its temporary file (`InterruptCleanup`), and a
/// temporary file left by a killed run is removed by the next write of the same file.
public enum OutputFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        guard !path.isEmpty else { throw OutputFileError(description: "cannot write an empty path") }
        var st = stat()
        guard lstat(FileSystemPath.cString(path), &st) == 0 else {
            guard errno == ENOENT else { throw failure(path, errno) }
            return try replaceRegularFile(path, with: bytes, mode: nil)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            try replaceRegularFile(path, with: bytes, mode: st.st_mode & 0o777)
        case S_IFLNK:
            var target = stat()
            guard stat(FileSystemPath.cString(path), &target) == 0 else {
                if errno == ENOENT { throw OutputFileError(description: "cannot write \(path): it is a symbolic link to a missing file") }
                throw failure(path, errno)
            }
            switch target.st_mode & S_IFMT {
            case S_IFREG:
                guard let resolved = realpath(FileSystemPath.cString(path), nil) else { throw failure(path, errno) }
                let real = FileSystemPath.string(fromCString: resolved)
                free(resolved)
                try replaceRegularFile(real, with: bytes, mode: target.st_mode & 0o777, shownAs: path)
            case S_IFCHR, S_IFIFO:
                try writeThrough(path, bytes)
            default:
                throw refusal(path, target.st_mode)
            }
        case S_IFCHR, S_IFIFO:
            try writeThrough(path, bytes)
        default:
            throw refusal(path, st.st_mode)
        }
    }

    /// Swaps two existing paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`). Returns 0,
    /// or the errno: ENOSYS or EINVAL where the system or file system cannot exchange.
    public static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let renameat2 = RenameAt2.function else { return ENOSYS }
        return renameat2(AT_FDCWD, FileSystemPath.cString(a), AT_FDCWD, FileSystemPath.cString(b), RenameAt2.exchange) == 0 ? 0 : errno
    }

    /// What kind of file a mode names, for messages: "a folder", "a FIFO".
    public static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    private static func refusal(_ path: String, _ mode: mode_t) -> OutputFileError {
        if (mode & S_IFMT) == S_IFDIR { return OutputFileError(description: "cannot write \(path): it is a folder") }
        return OutputFileError(description: "cannot write \(path): it is \(kindName(mode)); lossplot writes a regular file, a character device such as /dev/null, or a FIFO")
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputFileError {
        OutputFileError(description: "cannot write \(path): \(String(cString: strerror(code)))")
    }

    /// Numbers the temporary files of one process, so two writes never share one.
    private static let written = Atomic<Int>(0)

    /// Writes `bytes` to a temporary file beside `path` and renames it over `path`.
    private static func replaceRegularFile(_ path: String, with bytes: [UInt8], mode: mode_t?, shownAs shown: String? = nil) throws {
        let shown = shown ?? path
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        guard FileSystemPath.isDirectory(dir) else {
            throw OutputFileError(description: "cannot write \(shown): folder \(dir) does not exist")
        }
        let prefix = "." + url.lastPathComponent + ".tmp-"
        for stale in InterruptCleanup.leftovers(in: dir, prefix: prefix, includingOwn: false) {
            unlink(FileSystemPath.cString(dir + "/" + stale.name))
        }
        let number = written.add(1, ordering: .relaxed).newValue
        let temp = dir + "/" + prefix + "\(getpid())-\(number)"
        var token: InterruptCleanup.Token?
        let fd: Int32 = InterruptCleanup.heldOff {
            let fd = open(FileSystemPath.cString(temp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { token = InterruptCleanup.register { unlink(FileSystemPath.cString(temp)) } }
            return fd
        }
        guard fd >= 0 else { throw failure(shown, errno) }
        defer { if let token { InterruptCleanup.unregister(token) } }
        if let mode { _ = fchmod(fd, mode) }
        let writeError = writeAll(fd, bytes) ?? flush(fd)
        let closeError: Int32? = close(fd) == 0 ? nil : errno
        if let error = writeError ?? closeError {
            unlink(FileSystemPath.cString(temp))
            throw failure(shown, error)
        }
        let renameError: Int32? = InterruptCleanup.heldOff { rename(FileSystemPath.cString(temp), FileSystemPath.cString(path)) == 0 ? nil : errno }
        if let renameError {
            unlink(FileSystemPath.cString(temp))
            throw failure(shown, renameError)
        }
        flushFolder(dir)
    }

    /// Creates `path`, which must not exist, with `bytes`, not following a link in its place; no
    /// temporary file and no flush: for a folder that is itself written whole (`OutputFolder`),
    /// which flushes its files and folders together (`flush(_:)`) before it takes the target's place.
    static func create(_ path: String, with bytes: [UInt8]) throws {
        let fd = open(FileSystemPath.cString(path), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, errno) }
        let writeError = writeAll(fd, bytes)
        let closeError: Int32? = close(fd) == 0 ? nil : errno
        if let error = writeError ?? closeError { throw failure(path, error) }
    }

    /// `fsync`: nil, or the errno. A file system that cannot flush (EINVAL) has nothing to wait for.
    static func flush(_ fd: Int32) -> Int32? {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            return errno == EINVAL ? nil : errno
        }
        return nil
    }

    /// Flushes the files and folders at `paths` to the disk, from several threads at once: the
    /// file system commits flushes that wait together as one (29 files took 14 ms from two
    /// threads, 5 from eight), and each thread mostly waits for the disk. Throws for the first
    /// that fails.
    static func flush(_ paths: [String]) throws {
        let errors = FlushErrors(count: paths.count)
        let workers = min(paths.count, 8)
        let finished = DispatchGroup()
        for worker in 0..<workers {
            finished.enter()
            Thread {
                for i in stride(from: worker, to: paths.count, by: workers) {
                    let fd = open(FileSystemPath.cString(paths[i]), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                    guard fd >= 0 else { errors.set(i, errno); continue }
                    if let error = flush(fd) { errors.set(i, error) }
                    close(fd)
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        if let (i, error) = errors.first { throw failure(paths[i], error) }
    }

    /// Flushes a folder's entries (a rename into it, a file created in it) to the disk. Best
    /// effort: by then the new file is in place for every reader, and a folder that cannot be
    /// opened or flushed says nothing worth failing the write for.
    static func flushFolder(_ path: String) {
        let fd = open(FileSystemPath.cString(path.isEmpty ? "." : path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = flush(fd)
        close(fd)
    }

    /// Writes into a character device or FIFO as it is: no temporary file, no rename.
    private static func writeThrough(_ path: String, _ bytes: [UInt8]) throws {
        // O_NONBLOCK: a FIFO nobody reads fails with ENXIO instead of blocking the open forever.
        let fd = open(FileSystemPath.cString(path), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENXIO { throw OutputFileError(description: "cannot write \(path): it is a FIFO that no process is reading") }
            throw failure(path, errno)
        }
        var st = stat()
        guard fstat(fd, &st) == 0, [S_IFCHR, S_IFIFO].contains(st.st_mode & S_IFMT) else {
            close(fd)
            throw OutputFileError(description: "cannot write \(path): it changed while it was being opened")
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        let writeError = writeAll(fd, bytes)
        let closeError: Int32? = close(fd) == 0 ? nil : errno
        if let error = writeError ?? closeError { throw failure(path, error) }
    }

    /// Writes every byte; nil, or the errno of the write that failed.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                done += n
            }
            return nil
        }
    }
}

/// glibc's `renameat2` (glibc 2.28 and later), found when the program runs: Swift's Glibc module
/// leaves it out, as the C header declares it only under `_GNU_SOURCE`. nil on a C library
/// without it, where a swap falls back to two renames.
enum RenameAt2 {
    typealias Function = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    static let exchange: UInt32 = 2
    /// `dlsym(RTLD_DEFAULT, ...)`: RTLD_DEFAULT is the null handle on glibc.
    static let function: Function? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map { unsafeBitCast($0, to: Function.self) }
}

/// The errno of each flush that failed, set from several threads (one index each).
private final class FlushErrors: Sendable {
    private let errors: Mutex<[Int32?]>
    init(count: Int) { errors = Mutex(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ error: Int32) { errors.withLock { $0[i] = error } }
    var first: (Int, Int32)? {
        errors.withLock { errors in errors.enumerated().first { $0.element != nil }.flatMap { i, e in e.map { (i, $0) } } }
    }
}
