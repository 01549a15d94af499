#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One content file as lines, so that every complaint about it can name the file, the line and
/// the column (both counted from 1, columns in characters as an editor shows them).
struct ContentFile: Sendable {
    /// The largest content file read (the biggest real one is about 30 KB).
    static let maximumBytes = 4 << 20

    let path: String
    /// The lines without their terminators (`\n` or `\r\n`); a byte-order mark is dropped.
    let lines: [String]

    init(path: String, text: String) {
        self.path = path
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    }

    /// Reads a regular file (never a device or a pipe, which could block) of valid UTF-8.
    static func read(_ path: String) throws -> ContentFile {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReportError("cannot read the content file \(path)") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ReportError("content file \(path) is not a regular file") }
        guard info.st_size <= maximumBytes else { throw ReportError("content file \(path) is larger than \(maximumBytes >> 20) MiB") }
        guard let data = FileManager.default.contents(atPath: path), data.count <= maximumBytes else {
            throw ReportError("cannot read the content file \(path)")
        }
        let bytes = [UInt8](data)
        if let bad = firstInvalidUTF8(bytes) {
            let before = bytes[..<bad]
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
            throw ReportError("\(path):\(line):\(column): not UTF-8 (byte offset \(bad))")
        }
        return ContentFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// `path:line:column: message`, as one line.
    func error(line: Int, column: Int = 1, _ message: String) -> ReportError {
        ReportError("\(location(line: line, column: column)): \(message)")
    }

    func location(line: Int, column: Int = 1) -> String { "\(path):\(line):\(column)" }

    /// The line after the last one: where something missing would be added.
    var endLine: Int { lines.last == "" ? lines.count : lines.count + 1 }
}

extension String {
    /// The column (from 1) of `index` in this line, in characters.
    func column(of index: String.Index) -> Int { distance(from: startIndex, to: index) + 1 }

    var trimmed: String { trimmingCharacters(in: .whitespaces) }

    /// The characters of leading blanks.
    var indentation: Int { prefix { $0 == " " || $0 == "\t" }.count }
}
