import ArgumentParser
import Foundation
import Report

/// `lossplot verify DIR`: checks a report folder against its manifest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a report folder's files against its manifest.json.",
        discussion: """
        Recomputes the size and SHA-256 of every file the manifest lists. Exit 0 when all match; \
        exit 1 with one line per changed, missing, unlisted or unreadable file and a summary line last; \
        exit 64 when the folder is not a lossplot report. Symbolic links inside the folder are never \
        followed: a listed file that is a link, a FIFO, a device or a folder is "not a regular file".
        """
    )

    @Argument(help: "The report folder (written by `lossplot report`).")
    var folder: String

    func run() throws(CommandFailure) {
        try requireTextFolderName(folder, "the folder")
        let result = try openingReports { try ReportVerification(folder: folder) }
        // File names come from the folder: escaped, so that a name cannot forge a finding.
        for finding in result.findings { StandardOutput.line(finding.description) }
        guard result.isIntact else { throw CommandFailure(result.summary) }
        StandardOutput.line(result.summary)
    }
}

/// Reads the report folders a command was given. A folder that cannot be read as a report at all
/// (missing, not a folder, no manifest.json or one lossplot did not write, a self-contained report
/// for `diff`) is a wrong argument, exit 64, for `verify` and `diff` alike, so that a CI job can
/// tell it from exit 1, "the check failed".
func openingReports<T>(_ open: () throws -> T) throws(CommandFailure) -> T {
    do {
        return try open()
    } catch let e as ReportError {
        throw CommandFailure(e, status: .usage)
    } catch {
        throw CommandFailure(describing: error)
    }
}
