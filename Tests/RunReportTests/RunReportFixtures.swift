import Foundation
import LossPlotCairo
import OutputFiles
import RunComparison
import RunLogs
import RunReport

/// The runs RunLogs' tests read (Tests/RunLogsTests/Fixtures, written by the real loggers), and
/// reports of them written into fresh temporary folders.
enum RunReportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures").path

    static func path(_ relative: String) -> String { folder + "/" + relative }

    static func load(_ relative: String...) throws -> RunSet { try RunLoader.load(relative.map(path)) }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lossplot-runreport-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// `runs` against `baseline` written as a report of runs into `out`; the manifest.
    @discardableResult
    static func write(_ runs: RunSet, baseline: RunSet?, to out: String, selfContained: Bool = false, rules: [String] = [],
                      options: ComparisonOptions = ComparisonOptions(), title: String? = nil, epoch: Int? = 1_700_000_000) throws -> ReportManifest {
        let compared = try ComparedRuns(runs: runs, baseline: baseline, options: options)
        let gate = rules.isEmpty ? nil : try Gate(parsing: rules).evaluate(compared)
        let reportOptions = RunReportOptions(outputDirectory: out, title: title, selfContained: selfContained, sourceDateEpoch: epoch)
        return try RunReportWriter(options: reportOptions, encoder: ChartEncoder()).write(compared, gate: gate)
    }

    static func text(_ dir: String, _ file: String = "index.html") -> String {
        (try? String(contentsOfFile: dir + "/" + file, encoding: .utf8)) ?? ""
    }
}
