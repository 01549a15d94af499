import ArgumentParser
import Foundation

/// SOURCE_DATE_EPOCH, the reproducible-builds convention for dates written into files (the PDF
/// creation date). Every command that writes charts reads it here, so all treat it alike.
enum SourceDate {
    /// The seconds it names; nil when it is unset. A value that is not whole seconds is a usage
    /// error rather than silently ignored.
    static func epoch() throws -> Int? {
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("SOURCE_DATE_EPOCH=\(raw) is not a whole number of seconds")
        }
        return seconds
    }
}
