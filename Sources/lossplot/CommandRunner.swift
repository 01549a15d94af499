import ArgumentParser
import Foundation
import SafeText

/// An error that has already been phrased for the user: one line, and the exit status.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    var status: Int32 = 1
    init(_ description: String, status: Int32 = 1) { self.description = description; self.status = status }
}

extension CommandLine {
    /// Parses and runs a command; any failure becomes one line on stderr and a non-zero exit
    /// (64 for usage errors). Help prints on stdout as usual. Whatever the outcome, stdout is
    /// flushed and closed first and a write error there is reported (`StandardOutput`).
    static func runLossplot<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        StandardDescriptors.reserve()
        do {
            var command = try root.parseAsRoot(rawArguments)
            try command.run()
            StandardOutput.finish()
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            StandardOutput.finish()
            StandardError.say(failure.description)
            Foundation.exit(failure.status)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                StandardOutput.write(root.fullMessage(for: error) + "\n")
                StandardOutput.finish()
                Foundation.exit(0)
            }
            StandardOutput.finish()
            // An ExitCode carries no message: its command has already said what went wrong.
            let message = root.message(for: error)
            if !message.isEmpty { StandardError.say(message) }
            Foundation.exit(code.rawValue)
        }
    }

    /// The arguments after the program's name as the kernel passed them: a byte that is not UTF-8
    /// (a Latin-1 file name) is carried in `FileSystemPath`'s reversible form rather than replaced
    /// by U+FFFD, so that the path opens the real file.
    static var rawArguments: [String] {
        (1..<Int(argc)).compactMap { i in unsafeArgv[i].map { FileSystemPath.string(fromCString: $0) } }
    }
}

/// Refuses a folder argument whose name is not UTF-8: folders are read and written through
/// Foundation, which takes names as text and would name another folder. Files of any name work.
func requireTextFolderName(_ path: String, _ argument: String) throws {
    guard FileSystemPath.isText(path) else {
        throw ValidationError("\(argument) \(path): a folder whose name is not UTF-8 is not supported (rename it, or use a link with a UTF-8 name)")
    }
}
