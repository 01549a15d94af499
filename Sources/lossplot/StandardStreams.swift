import SafeText
import Synchronization
#if canImport(Glibc)
// `@preconcurrency`: Swift 6 refuses any read of glibc's `stdout`, a C global `var`. Reading it is
// safe: glibc sets it once before main and nothing here reassigns it; the FILE it points to
// locks itself for every stdio call.
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output: the one way any command writes to it. Text is buffered (a gradient of 10^7
/// values is 200 MB: it goes out in 64 KiB chunks) and every write is checked, as is the final
/// close: a full disk, a closed descriptor or a pipe with no reader ends the program with
/// "lossplot: write error: <reason>" and exit 1, as coreutils' `sha256sum` does, never a silent
/// exit 0 having written nothing. SIGPIPE keeps its default, so a reader that went away (`| head`)
/// ends lossplot quietly; when SIGPIPE is ignored, the write fails with EPIPE and says so.
struct StandardOutput: TextOutputStream {
    private static let buffer = Mutex<[UInt8]>([])
    private static let capacity = 1 << 16

    /// Appends `text` as it is (program output: numbers, JSON, the document's transcript).
    mutating func write(_ text: String) { Self.write(text) }

    /// Appends `text` as it is.
    static func write(_ text: String) {
        buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            if bytes.count >= capacity { drain(&bytes) }
        }
    }

    /// Appends one line that echoes text from outside the program (a path, a file name from a
    /// folder, an id from a manifest), escaped so that it stays one line.
    static func line(_ text: String) {
        write(DisplayText.escaped(text) + "\n")
    }

    /// Writes out what is buffered, so that it comes before a message on stderr. Text a stray
    /// `print` left in C's stdio buffer goes first and is checked too: otherwise `finish()` would
    /// close the descriptor under it and exit's own flush would lose it without a word.
    static func flush() {
        if fflush(stdout) != 0 || ferror(stdout) != 0 { fail(errno == 0 ? EIO : errno) }
        buffer.withLock { drain(&$0) }
    }

    /// Flushes and closes standard output, checking both; the last thing before a normal exit.
    static func finish() {
        flush()
        guard close(STDOUT_FILENO) == 0 || errno == EINTR else { fail(errno) }
    }

    private static func drain(_ bytes: inout [UInt8]) {
        if let error = writeAll(bytes, to: STDOUT_FILENO) { fail(error) }
        bytes.removeAll(keepingCapacity: true)
    }

    private static func fail(_ code: Int32) -> Never {
        StandardError.say("write error: \(String(cString: strerror(code)))")
        exit(1)
    }
}

/// Standard error: each message is one line, "lossplot: " and the message with every control,
/// format or non-UTF-8 character escaped (`DisplayText`), so that no file name, cell or argument
/// can break the line or forge another.
enum StandardError {
    static func say(_ message: String) {
        // Nowhere is left to report a failure to report: the exit status still tells.
        _ = writeAll(Array("lossplot: \(DisplayText.escaped(message))\n".utf8), to: STDERR_FILENO)
    }
}

/// Writes all of `bytes` to `fd`, through partial writes and interrupts; the errno of a failure.
private func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
    bytes.withUnsafeBytes { raw -> Int32? in
        var offset = 0
        while offset < raw.count, let base = raw.baseAddress {
            let n = write(fd, base + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }
}

/// The three standard descriptors held open for the program's lifetime.
enum StandardDescriptors {
    /// Opens /dev/null on any of descriptors 0, 1 and 2 that the caller left closed (`>&-`), in the
    /// direction that fails: output descriptors read-only, so a write to them still fails with
    /// EBADF, as it would have. Without this the first file the command opens would get number 1
    /// and whatever it then prints would land inside that file.
    static func reserve() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
        }
    }
}
