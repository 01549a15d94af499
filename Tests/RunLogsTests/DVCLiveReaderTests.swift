import Foundation
import Testing
@testable import RunLogs

/// DVCLive, against a folder DVCLive wrote.
@Suite struct DVCLiveReaderTests {
    @Test func theFolderIsOneRunWithMetricsNamedByTheirPaths() throws {
        let key = try AnswerKey.load("dvclive")
        let folder = try AnswerKey.folder("dvclive")
        let set = try RunLoader.load([folder])
        let run = try #require(set.runs.first)
        let runKey = try #require(key.runs.first)
        #expect(set.runs.count == 1)
        #expect(run.name == "dvclive")
        #expect(run.format == .dvclive)
        #expect(run.paths == (runKey.files ?? []).map { folder + "/" + $0 }.sorted())
        expectMatches(run, runKey)
        // Named directly, the dvclive folder is the same run.
        #expect(try RunLoader.load([folder + "/dvclive"]).runs.first?.metrics == run.metrics)
    }

    @Test func timestampsAreMillisecondsAndInfIsAValue() throws {
        let run = try #require(try RunLoader.load([AnswerKey.folder("dvclive")]).runs.first)
        let loss = try #require(run.metric(named: "train/loss"))
        #expect(loss.points.allSatisfy { ($0.wallTime ?? 0) > 1.7e9 && ($0.wallTime ?? 0) < 1e10 })
        #expect(run.metric(named: "lr")?.points.allSatisfy { $0.wallTime == nil } == true)
        #expect(run.metric(named: "eval/ppl")?.points.map(\.value).contains(.infinity) == true)
        #expect(run.params["model.hidden"] == "8")
    }

    @Test func aTsvNamedDirectlyIsOneMetricAndABadLayoutIsAnError() throws {
        let folder = try TemporaryFolder()
        let single = try folder.write("timestamp\tstep\tacc\n1700000000000\t0\t0.5\n1700000000500\t1\t0.25\n", to: "acc.tsv")
        let run = try #require(try RunLoader.load([single]).runs.first)
        #expect(run.format == .dvclive)
        #expect(run.metrics == [Metric(name: "acc", points: [
            MetricPoint(step: 0, value: 0.5, wallTime: 1_700_000_000), MetricPoint(step: 1, value: 0.25, wallTime: 1_700_000_000.5)])])
        // Inside a DVCLive folder, the file named alone keeps the name the folder's run gives it.
        let nested = try folder.write("step\tloss\n0\t1\n", to: "live/plots/metrics/train/loss.tsv")
        #expect(try RunLoader.load([nested]).runs.first?.metrics.map(\.name) == ["train/loss"])
        #expect(try RunLoader.load([folder.path + "/live"]).runs.first?.metrics.map(\.name) == ["train/loss"])
        let bad = try folder.write("step\tacc\textra\n0\t1\t2\n", to: "run/plots/metrics/acc.tsv")
        #expect(throws: RunLogError(path: bad, at: .line(1), "expected the columns step, the value and an optional timestamp (DVCLive's layout)")) {
            try RunLoader.load([folder.path + "/run"])
        }
    }
}
