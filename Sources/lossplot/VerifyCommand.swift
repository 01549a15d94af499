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
        exit 1 with one line per changed, missing, unlisted or unreadable file and a summary line last. \
        Symbolic links inside the folder are never followed: a listed file that is a link, a FIFO, \
        a device or a folder is "not a regular file".
        """
    )

    @Argument(help: "The report folder (written by `lossplot report`).")
    var folder: String

    func run() throws {
        let result: ReportVerification
        do {
            result = try ReportVerification(folder: folder)
        } catch let e as ReportError {
            throw CommandFailure(e.description)
        }
        for finding in result.findings { print(finding) }
        guard result.isIntact else {
            fflush(stdout)  // the findings before the summary, even when both streams share a pipe
            throw CommandFailure(result.summary)
        }
        print(result.summary)
    }
}
