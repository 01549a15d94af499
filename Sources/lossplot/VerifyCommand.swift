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
        exit 1 with one line per changed, missing, unlisted or unreadable file and a summary line last.
        """
    )

    @Argument(help: "The report folder (written by `lossplot report`).")
    var folder: String

    func validate() throws {
        try requireTextFolderName(folder, "the folder")
    }

    func run() throws {
        let result: ReportVerification
        do {
            result = try ReportVerification(folder: folder)
        } catch let e as ReportError {
            throw CommandFailure(e.description)
        }
        // File names come from the folder: escaped, so that a name cannot forge a finding.
        for finding in result.findings { StandardOutput.line(finding.description) }
        guard result.isIntact else { throw CommandFailure(result.summary) }
        StandardOutput.line(result.summary)
    }
}
