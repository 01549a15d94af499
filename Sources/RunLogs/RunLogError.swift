/// Where in a log file something was found: a 1-based line for text formats, a byte offset for
/// binary ones.
public enum LogLocation: Sendable, Equatable {
    case line(Int)
    case byteOffset(Int)
}

/// A log that cannot be read: which file, where in it, and what is wrong.
public struct RunLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder as the user named it (or as found under the folder they named).
    public let path: String
    /// Where in the file, when the problem has a place.
    public let location: LogLocation?
    /// What is wrong.
    public let message: String

    public init(path: String, at location: LogLocation? = nil, _ message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// "path:line: message", "path: byte N: message" or "path: message".
    public var description: String {
        switch location {
        case .line(let line): "\(path):\(line): \(message)"
        case .byteOffset(let offset): "\(path): byte \(offset): \(message)"
        case nil: "\(path): \(message)"
        }
    }
}

/// Something a reader noticed and worked around: the run is still read.
public struct RunLogWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file it concerns.
    public let path: String
    /// Where in the file, when it has a place.
    public let location: LogLocation?
    /// What was noticed and what was done about it.
    public let message: String

    public init(path: String, at location: LogLocation? = nil, _ message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String { RunLogError(path: path, at: location, message).description }
}
