#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the kernel knows them, bytes, carried through Swift's `String` without loss.
///
/// Linux names files with bytes, not text: `caf\xe9.csv` (Latin-1) is a fine name that is not
/// UTF-8, and decoding it the usual way turns the byte into U+FFFD, which names no file. Here a byte
/// that is not part of valid UTF-8 becomes one scalar of a private-use block, U+10FD80 + (byte -
/// 0x80), and turns back into that byte when the path goes to the kernel. A name that is valid
/// UTF-8 is its own text. A name that happens to hold a scalar of that block has those bytes
/// escaped too, so every byte string survives `string(fromBytes:)` then `bytes(_:)` unchanged.
///
/// Every `open`, `stat` and `rename` of a user's path goes through `cString(_:)`; messages show
/// the escaped bytes as `\xE9` (see `DisplayText`).
public enum FileSystemPath {
    /// The scalar standing for byte 0x80; byte b is `rawByteBase + b - 0x80`.
    static let rawByteBase: UInt32 = 0x10FD80

    /// The text form of a name read from the kernel (argv, a directory entry).
    public static func string(fromBytes bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            if let (scalar, length) = decodeScalar(bytes, at: i) {
                if rawByte(scalar) == nil {
                    scalars.append(scalar)
                } else {
                    // Valid UTF-8 for a scalar of the escape block: its bytes are escaped, so that
                    // turning the text back into bytes gives these bytes again.
                    for b in bytes[i..<i + length] { scalars.append(escape(b)) }
                }
                i += length
            } else {
                scalars.append(escape(bytes[i]))
                i += 1
            }
        }
        return String(scalars)
    }

    /// The text form of a NUL-terminated name.
    public static func string(fromCString pointer: UnsafePointer<CChar>) -> String {
        var length = 0
        while pointer[length] != 0 { length += 1 }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            string(fromBytes: UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The bytes the kernel knows `path` by.
    public static func bytes(_ path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if let b = rawByte(scalar) { out.append(b) } else { out.append(contentsOf: String(scalar).utf8) }
        }
        return out
    }

    /// `path` NUL-terminated, to pass to `open`, `stat`, `rename` and the like. A path holding a NUL
    /// names no file (the kernel would read only up to it): it becomes the empty path, which every
    /// such call refuses with ENOENT, rather than a shorter path that names another file.
    public static func cString(_ path: String) -> [CChar] {
        let raw = bytes(path)
        guard !raw.contains(0) else { return [0] }
        return raw.map { CChar(bitPattern: $0) } + [0]
    }

    /// Whether `path` is UTF-8 as it stands (no byte carried in escaped form), so that APIs that
    /// take text, such as Foundation's FileManager, name the same file.
    public static func isText(_ path: String) -> Bool {
        !path.unicodeScalars.contains { rawByte($0) != nil }
    }

    /// The byte a scalar of the escape block stands for; nil for any other scalar.
    public static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        guard v >= rawByteBase, v < rawByteBase + 0x80 else { return nil }
        return UInt8(v - rawByteBase + 0x80)
    }

    private static func escape(_ byte: UInt8) -> Unicode.Scalar {
        // Only bytes 0x80-0xFF are ever escaped: ASCII is always valid UTF-8.
        Unicode.Scalar(rawByteBase + UInt32(byte & 0x7F)) ?? "\u{FFFD}"
    }

    /// The scalar whose well-formed UTF-8 starts at `i` and its length in bytes; nil when the bytes
    /// there are not well-formed (overlong, a surrogate, past U+10FFFF, truncated).
    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard bytes.count - i >= length else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}

extension FileSystemPath {
    /// Whether `path` names a folder, following links, as `stat` sees it; false when it names
    /// nothing or cannot be looked at.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(cString(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
