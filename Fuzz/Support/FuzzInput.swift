#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turning libFuzzer's bytes into what a parser reads, and reporting a broken invariant.
public enum FuzzInput {
    /// The input as a buffer over libFuzzer's own allocation: AddressSanitizer flags a read one
    /// byte past it.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size)
    }

    /// The line that starts each part after the first in a multi-file input:
    /// `--8<-- NAME` then a newline, then the part's bytes up to the next such line.
    public static let partMarker: [UInt8] = Array("\n--8<-- ".utf8)

    /// Splits a multi-file input into (name, bytes) parts. The first part is named `first`; each
    /// later part is named by its marker line, made safe with `safeName` (a part whose name is
    /// nothing safe is named `part<N>`). A name is data here, never a path the input chooses.
    public static func parts(_ input: UnsafeRawBufferPointer, first: String) -> [(name: String, bytes: [UInt8])] {
        var parts: [(name: String, bytes: [UInt8])] = []
        var name = first
        var start = 0
        var i = 0
        let marker = partMarker
        while i + marker.count <= input.count {
            guard input[i] == marker[0], input[i..<i + marker.count].elementsEqual(marker) else { i += 1; continue }
            parts.append((name, Array(input[start..<i])))
            let nameStart = i + marker.count
            var nameEnd = nameStart
            while nameEnd < input.count && input[nameEnd] != UInt8(ascii: "\n") { nameEnd += 1 }
            let raw = String(decoding: input[nameStart..<nameEnd], as: UTF8.self)
            name = safeName(raw) ?? "part\(parts.count)"
            start = min(nameEnd + 1, input.count)
            i = start
        }
        parts.append((name, Array(input[start...])))
        return parts
    }

    /// `raw` as a relative path of at most two parts made of letters, digits, `_`, `-` and `.`,
    /// none empty or starting with a dot; nil when nothing is left.
    public static func safeName(_ raw: String) -> String? {
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".") }
        let components = raw.split(separator: "/").map { String($0.filter(allowed).prefix(40)) }
            .filter { !$0.isEmpty && !$0.hasPrefix(".") }
        return components.isEmpty ? nil : components.suffix(2).joined(separator: "/")
    }

    /// Stops the fuzzer with `message` when an invariant of the code under test does not hold:
    /// libFuzzer records the input as a crash.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        guard !condition() else { return }
        writeToStandardError("fuzz invariant broken: \(message())\n")
        abort()
    }
}

extension FuzzInput {
    /// Requires two ways of reading one input to agree: both read it (and `same` finds nothing to
    /// say about the two results) or both fail with the same error. `first` and `second` name the
    /// two ways in the message.
    public static func requireAgreement<Value, Failure: Error & Equatable>(
        _ a: Result<Value, Failure>, _ b: Result<Value, Failure>, _ first: String, _ second: String,
        same difference: (Value, Value) -> String?
    ) {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            if let difference = difference(x, y) { require(false, "\(first) and \(second) differ: \(difference)") }
        case (.failure(let x), .failure(let y)):
            require(x == y, "\(first) says \"\(x)\", \(second) says \"\(y)\"")
        case (.success, .failure(let y)):
            require(false, "\(first) reads the input, \(second) says \"\(y)\"")
        case (.failure(let x), .success):
            require(false, "\(first) says \"\(x)\", \(second) reads the input")
        }
    }

    /// Writes `text` to file descriptor 2 (Swift 6 refuses glibc's `stderr`, a C global var).
    public static func writeToStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
