/// Why the report could not be written, in one line that names the file, folder or option.
public struct ReportError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
