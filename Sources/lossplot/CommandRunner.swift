import ArgumentParser
import Foundation
import SafeText

/// The one way a failure leaves a command: a message phrased for the user (one line) and the exit
/// status. Every command's `run()` throws only this; the runner prints it.
struct CommandFailure: Error, CustomStringConvertible {
    /// The exit statuses of failures.
    enum Status: Int32 {
        /// Bad data, a failed check, an output that cannot be written.
        case failure = 1
        /// A wrong argument: an unknown option, id or value.
        case usage = 64
    }

    let description: String
    let status: Status

    init(_ description: String, status: Status = .failure) {
        self.description = description
        self.status = status
    }

    /// A usage error (exit 64).
    static func usage(_ description: String) -> CommandFailure { CommandFailure(description, status: .usage) }
}

extension CommandLine {
    /// Parses and runs a command; any failure becomes one line on stderr and a non-zero exit
    /// (64 for usage errors, the parser's included). Help and `--version` print on stdout. Whatever
    /// the outcome, stdout is flushed and closed first and a write error there is reported
    /// (`StandardOutput`).
    static func runLossplot<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        StandardDescriptors.reserve()
        var command: ParsableCommand
        do {
            command = try root.parseAsRoot(rawArguments)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                StandardOutput.write(root.fullMessage(for: error) + "\n")
                StandardOutput.finish()
                Foundation.exit(0)
            }
            fail(CommandFailure(root.message(for: error), status: code == .validationFailure ? .usage : .failure))
        }
        do {
            try command.run()
        } catch let failure as CommandFailure {
            fail(failure)
        } catch {
            // The root command without a subcommand asks for its help this way.
            let code = root.exitCode(for: error)
            guard code == .success else { fail(CommandFailure(root.message(for: error))) }
            StandardOutput.write(root.fullMessage(for: error) + "\n")
        }
        StandardOutput.finish()
        Foundation.exit(0)
    }

    private static func fail(_ failure: CommandFailure) -> Never {
        StandardOutput.finish()
        if !failure.description.isEmpty { StandardError.say(failure.description) }
        Foundation.exit(failure.status.rawValue)
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
func requireTextFolderName(_ path: String, _ argument: String) throws(CommandFailure) {
    guard FileSystemPath.isText(path) else {
        throw .usage("\(argument) \(path): a folder whose name is not UTF-8 is not supported (rename it, or use a link with a UTF-8 name)")
    }
}
