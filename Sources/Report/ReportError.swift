import OutputFiles
import Phrasing

/// Why the report could not be written, in one line that names the file, folder or option (an
/// option as a term, for the caller to name: `ReportOption`).
public struct ReportError: Error, CustomStringConvertible, Equatable {
    public let message: ReportMessage
    public init(_ message: ReportMessage) { self.message = message }
    /// The message with options under their `ReportOptions` names.
    public var description: String { message.description }
}

/// An option of the report as messages mention it, by its `ReportOptions` name; a caller names it
/// its own way (the command line as a flag).
public enum ReportOption: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case outputDirectory, templatesDirectory, formats, selfContained, scale
    public var description: String { rawValue }
}

/// A message about a report, options left for the caller to name.
public typealias ReportMessage = Phrase<ReportOption>

extension Phrase.StringInterpolation where Term == ReportOption {
    /// A mention of an option.
    public mutating func appendInterpolation(option: ReportOption) { append(.term(option)) }

}

extension ReportError {
    /// Runs `body`, turning a file or folder that could not be written (`OutputFileError`, one
    /// line that names it) into a `ReportError` with the same line.
    package static func writing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputFileError {
            throw ReportError("\(error.description)")
        }
    }
}
