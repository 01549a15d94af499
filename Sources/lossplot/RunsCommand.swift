import ArgumentParser
import Foundation
import SafeText
import RunLogs

extension LogFormat: ExpressibleByArgument {}

/// `lossplot runs PATH...`: what training logs hold, run by run and metric by metric.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the runs in training logs and, per metric, its points, first, last, min, max and NaN/Inf.",
        discussion: """
            A folder is searched for logs; each folder holding event files (or a Lightning version_N, an \
            MLflow run, ...) is one run, named by its path under the folder given, as TensorBoard names runs. \
            A file named directly is one run. First and last are in the order the logger wrote them; min \
            and max are the first occurrence of the smallest and largest finite value. In JSON a NaN or \
            infinite value is the string "NaN", "Infinity" or "-Infinity", and min/max are null when no \
            value is finite.
            """
    )

    @Argument(help: "Log files or folders of runs.")
    var paths: [String]

    @Option(name: .long, help: "text or json.")
    var format: ListingFormat = .text

    @Option(name: .long, help: ArgumentHelp("Read every file as this format instead of telling it from its name and contents.", valueName: "format"))
    var logFormat: LogFormat?

    func run() throws(CommandFailure) {
        guard !paths.isEmpty else { throw .usage("name at least one log file or folder") }
        let summary = RunSetSummary(try RunLogInput.load(paths, format: logFormat))
        switch format {
        case .json:
            try printJSON(summary)
        case .text:
            StandardOutput.write(RunSummaryText.render(summary))
        }
    }
}

/// Reading runs for a command: the reader's error as the one line, its warnings on stderr.
enum RunLogInput {
    static func load(_ paths: [String], format: LogFormat?) throws(CommandFailure) -> RunSet {
        let set: RunSet
        do { set = try RunLoader.load(paths, format: format) } catch {
            throw CommandFailure(error.description)
        }
        warn(set.warnings.map(\.description))
        return set
    }

    /// One stderr line per warning, escaped as every message is.
    static func warn(_ lines: [String]) {
        for line in lines { StandardError.say("warning: " + line) }
    }
}

/// The text form of `runs`: per run a heading, its parameters, and an aligned table of metrics.
enum RunSummaryText {
    static func render(_ summary: RunSetSummary) -> String {
        var out = ""
        for (i, run) in summary.runs.enumerated() {
            if i > 0 { out += "\n" }
            let files = run.paths.count == 1 ? run.paths[0] : "\(run.paths.count) files"
            out += "\(DisplayText.escaped(run.name))  (\(run.format.rawValue), \(DisplayText.escaped(files)))\n"
            if !run.params.isEmpty {
                out += "  params: " + run.params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.map(DisplayText.escaped).joined(separator: ", ") + "\n"
            }
            var rows = [["metric", "x", "points", "first", "last", "min", "max", "NaN/Inf"]]
            for m in run.metrics {
                rows.append([DisplayText.escaped(m.name), m.x.rawValue, String(m.points), at(m.first), at(m.last), at(m.min), at(m.max), nonFinite(m.nonFinite)])
            }
            out += table(rows, rightAligned: [2])
        }
        return out
    }

    /// "0.2315 @1200", or "-" when absent.
    static func at(_ v: MetricSummary.StepValue?) -> String {
        guard let v else { return "-" }
        return "\(number(v.value)) @\(v.step)"
    }

    static func number(_ v: Double) -> String {
        v.isNaN ? "NaN" : v.isInfinite ? (v > 0 ? "+Inf" : "-Inf") : String(format: "%.6g", v)
    }

    static func nonFinite(_ n: MetricSummary.NonFinite) -> String {
        guard n.count > 0 else { return "0" }
        let steps = n.steps.prefix(3).map(String.init).joined(separator: ",")
        return "\(n.count) (step \(steps)\(n.count > 3 ? ",…" : ""))"
    }

    /// Rows as columns two spaces apart, indented two spaces.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { j in rows.map { $0[j].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                return rightAligned.contains(j) ? pad + cell : (j == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ") + "\n"
        }.joined()
    }
}
