import Foundation
import OutputFiles
import RunComparison
import RunLogs
import RunReport
import Testing

/// `diff` on two reports of runs reads their runs.json: the final values that moved, with
/// RunComparison's change, the ones that stayed, the runs and metrics added and removed.
@Suite struct RunsDiffTests {
    static func reports() throws -> (earlier: String, new: String, dir: String) {
        let dir = try RunReportFixtures.temporaryFolder("diff")
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_0"), baseline: nil, to: dir + "/earlier")
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_1"), baseline: nil, to: dir + "/new")
        return (dir + "/earlier", dir + "/new", dir)
    }

    @Test func twoReportsOfRunsListWhatMovedWithRunComparisonsChange() throws {
        let (earlier, new, _) = try Self.reports()
        let diff = try #require(try RunsDiff.reading(earlier: earlier, new: new))
        let before = try ComparedRuns(runs: try RunReportFixtures.load("lightning/tiny/version_0"))
        let after = try ComparedRuns(runs: try RunReportFixtures.load("lightning/tiny/version_1"))
        #expect(diff.rows.count == after.metrics.count)
        for metric in after.metrics {
            let row = try #require(diff.rows.first { $0.metric == metric.name })
            let from = try #require(before.metrics.first { $0.name == metric.name }?.rows.first?.statistics.final)
            let to = try #require(metric.rows.first?.statistics.final)
            #expect(row.run == "version_1" && row.earlierRun == "version_0")
            #expect(row.change == MetricChange(from: from, to: to, direction: metric.direction), "\(metric.name)")
            let same = from == to || (from.isNaN && to.isNaN)
            #expect(row.status == (same ? .same : .moved), "\(metric.name)")
        }
        let valLoss = try #require(diff.rows.first { $0.metric == "val_loss" })
        #expect(RunsDiff.line(valLoss) == "moved: val_loss: version_1 (was version_0): final 0.680465 → 0.232784 (-0.447681, ▼ -65.8% better)")
        #expect(diff.summary.hasPrefix("numbers: \(diff.changes.count) of \(diff.rows.count) final values moved"))
        #expect(diff.table.rows.first?.cells.first == "moved")
    }

    @Test func aReportAgainstItselfMovesNothing() throws {
        let (earlier, _, _) = try Self.reports()
        let diff = try #require(try RunsDiff.reading(earlier: earlier, new: earlier))
        #expect(diff.changes.isEmpty && !diff.rows.isEmpty)
        #expect(diff.rows.allSatisfy { $0.status == .same })
    }

    @Test func runsAndMetricsOnOneSideOnlyAreAddedOrRemoved() throws {
        let dir = try RunReportFixtures.temporaryFolder("diff-sides")
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_0"), baseline: nil, to: dir + "/earlier")
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_0", "keras/history.csv"), baseline: nil, to: dir + "/new")
        let diff = try #require(try RunsDiff.reading(earlier: dir + "/earlier", new: dir + "/new"))
        #expect(diff.rows.filter { $0.status == .added }.map(\.run).allSatisfy { $0 == "history" })
        #expect(!diff.rows.filter { $0.status == .added }.isEmpty)
        #expect(diff.rows.filter { $0.run == "version_0" }.allSatisfy { $0.status == .same })
        let back = try #require(try RunsDiff.reading(earlier: dir + "/new", new: dir + "/earlier"))
        #expect(back.rows.filter { $0.status == .removed }.count == diff.rows.filter { $0.status == .added }.count)
    }

    @Test func aFolderWithoutRunsJSONIsNotAReportOfRunsAndABrokenOneIsNamed() throws {
        let (earlier, new, _) = try Self.reports()
        var manifest = try ReportManifest(decoding: Array(try Data(contentsOf: URL(fileURLWithPath: earlier + "/manifest.json"))))
        manifest.files.removeAll { $0.path == RunsFile.fileName }
        try Data(try manifest.encoded()).write(to: URL(fileURLWithPath: earlier + "/manifest.json"))
        #expect(try RunsDiff.reading(earlier: earlier, new: new) == nil)
        try Data(#"{"runs": [], "metrics": [{"name": "x"}]}"#.utf8).write(to: URL(fileURLWithPath: new + "/" + RunsFile.fileName))
        #expect(throws: (any Error).self) { try RunsDiff.reading(earlier: new, new: new) }
        do { _ = try RunsDiff.reading(earlier: new, new: new) } catch {
            #expect("\(error)".contains("runs.json is not a report's runs.json: metrics[0]: no \"direction\""), "\(error)")
        }
    }
}
