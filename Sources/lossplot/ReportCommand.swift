import ArgumentParser
import CairoBackend
import Report
import Scenarios

/// `lossplot report`: writes every chart and an index page into a folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Write the HTML report and its charts.")

    @Option(name: .long, help: "The folder to write (default: Output).")
    var out: String = "Output"

    @Option(name: .long, help: "Report language: uk or en.")
    var lang: Language = .uk

    func run() throws {
        do {
            let files = try ReportWriter(outputDirectory: out, language: lang).write()
            print("wrote \(files.count) files into \(out)/")
        } catch let e as OutputFileError {
            throw CommandFailure(e.description)
        } catch let e as ChartEncodingError {
            throw CommandFailure(e.description)
        }
    }
}
