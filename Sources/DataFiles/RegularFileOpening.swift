#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SafeText

/// Opening a user's input file for reading without ever blocking on it: the path must name a
/// regular file (after symbolic links) before it is opened, it is opened with `O_NONBLOCK`, and
/// what was opened is checked again (the path may have been replaced in between). A FIFO, a
/// device, a socket or a folder is refused at once, naming what it is. Every reader of users'
/// files opens them here: the data readers (`MappedFile`) and the log readers.
public enum RegularFileOpening {
    /// Why a file was not opened, as a phrase to follow its path: "cannot open: No such file or
    /// directory", "is not a regular file (it is a FIFO)".
    public struct Refusal: Error, Equatable {
        public let reason: String
    }

    /// The open descriptor (the caller closes it) and the file's size.
    public static func open(_ path: String) throws(Refusal) -> (fd: Int32, size: Int) {
        var info = stat()
        let name = FileSystemPath.cString(path)
        guard stat(name, &info) == 0 else { throw Refusal(reason: "cannot open: \(errorText())") }
        try requireRegular(info)
        let fd = Glibc.open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Refusal(reason: "cannot open: \(errorText())") }
        guard fstat(fd, &info) == 0 else {
            let reason = "cannot read: \(errorText())"
            close(fd)
            throw Refusal(reason: reason)
        }
        do {
            try requireRegular(info)
        } catch {
            close(fd)
            throw error
        }
        return (fd, Int(info.st_size))
    }

    /// Refuses anything but a regular file, naming what it is.
    private static func requireRegular(_ info: stat) throws(Refusal) {
        let kinds: [mode_t: String] = [S_IFDIR: "a directory", S_IFIFO: "a FIFO", S_IFCHR: "a character device",
                                       S_IFBLK: "a block device", S_IFSOCK: "a socket"]
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw Refusal(reason: "is not a regular file" + (kinds[type].map { " (it is \($0))" } ?? ""))
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
