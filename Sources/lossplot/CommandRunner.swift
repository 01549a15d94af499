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
    /// (64 for usage errors). Help and version requests print as usual.
    static func runLossplot<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        do {
            var command = try root.parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("lossplot: \(failure.description)\n".utf8))
            Foundation.exit(failure.status)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success { root.exit(withError: error) }
            // An ExitCode carries no message: its command has already said what went wrong.
            if let message = root.message(for: error).split(separator: "\n").first, !message.isEmpty {
                FileHandle.standardError.write(Data("lossplot: \(message)\n".utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
