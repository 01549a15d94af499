/// A problem with a user's data file: where (path and 1-based line, when known) and what.
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let path: String
    /// 1-based line of the problem, when it has one.
    public let line: Int?
    /// What is wrong.
    public let message: String

    public init(path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// "path:line: message", or "path: message" without a line.
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
