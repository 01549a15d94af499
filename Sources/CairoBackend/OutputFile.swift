import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SafeText

/// Why a file could not be written, in one line that names it.
public struct OutputFileError: Error, CustomStringConvertible {
    public let description: String
}

/// Writes files whole or not at all: bytes go to a hidden temporary file beside the target,
/// which is renamed over it only once everything is on disk.
public enum OutputFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        guard FileSystemPath.isDirectory(dir) else {
            throw OutputFileError(description: "cannot write \(path): folder \(dir) does not exist")
        }
        if FileSystemPath.isDirectory(path) {
            throw OutputFileError(description: "cannot write \(path): it is a folder")
        }
        let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(FileSystemPath.cString(temp), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw OutputFileError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        let err = errno
        let closed = close(fd) == 0
        guard ok, closed else {
            unlink(FileSystemPath.cString(temp))
            throw OutputFileError(description: "cannot write \(path): \(String(cString: strerror(ok ? errno : err)))")
        }
        guard rename(FileSystemPath.cString(temp), FileSystemPath.cString(path)) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(FileSystemPath.cString(temp))
            throw OutputFileError(description: "cannot write \(path): \(message)")
        }
    }
}
