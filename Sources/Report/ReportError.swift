import OutputFiles

/// Why the report could not be written, in one line that names the file, folder or option.
public struct ReportError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// Runs `body`, turning a file or folder that could not be written (`OutputFileError`, one
    /// line that names it) into a `ReportError` with the same line.
    static func writing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputFileError {
            throw ReportError(error.description)
        }
    }
}
