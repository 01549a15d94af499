import Foundation

/// SOURCE_DATE_EPOCH, the reproducible-builds convention for dates written into files (the PDF
/// creation date). Every command that writes charts reads it here, so all treat it alike.
enum SourceDate {
    /// The seconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z: a PDF date has four digits
    /// for the year, and the convention counts from 1970.
    static let range = 0...253_402_300_799

    /// The seconds it names; nil when it is unset. A value that is not whole seconds, or is outside
    /// the years 1970-9999, is a usage error rather than silently ignored or written as a garbage
    /// date.
    static func epoch() throws(CommandFailure) -> Int? {
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw .usage("SOURCE_DATE_EPOCH=\(raw) is not a whole number of seconds")
        }
        guard range.contains(seconds) else {
            throw .usage("SOURCE_DATE_EPOCH=\(raw) is outside the years 1970-9999 (0 to \(range.upperBound) seconds)")
        }
        return seconds
    }
}
