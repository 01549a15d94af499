import ArgumentParser
import Foundation

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
            var command = try root.parseAsRoot()
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

}
