import Foundation
import Testing
@testable import RunLogs

/// MLflow's file store, against a tiny mlruns/ written by MLflow itself.
@Suite struct MLflowReaderTests {
    @Test func everyLiveRunIsReadAndNamedByItsRunName() throws {
        let key = try AnswerKey.load("mlflow")
        let folder = try AnswerKey.folder("mlflow")
        let set = try RunLoader.load([folder])
        // The deleted run (gamma) and the deleted experiment in .trash are not listed.
        #expect(set.runs.map(\.name) == key.runs.map(\.name))
        for (run, runKey) in zip(set.runs, key.runs) {
            #expect(run.format == .mlflow)
            let root = folder + "/" + (runKey.folder ?? "")
            #expect(run.paths.contains(root + "/meta.yaml"))
            #expect(run.paths.allSatisfy { $0.hasPrefix(root + "/") })
            expectMatches(run, runKey)
        }
    }

    @Test func nestedKeysStepsAndWallTimes() throws {
        let folder = try AnswerKey.folder("mlflow")
        let alpha = try #require(try RunLoader.load([folder]).runs.first { $0.name == "alpha" })
        let accuracy = try #require(alpha.metric(named: "eval/accuracy"))
        #expect(accuracy.points.map(\.step) == [10, 30, 50])
        #expect(accuracy.points.first?.wallTime == 1_700_000_001.5)
        #expect(alpha.params["optimizer/name"] == "sgd")
        #expect(alpha.params["note"] == "tiny run alpha")
        // logged twice without a step: both at step 0, in the order logged
        #expect(alpha.metric(named: "final_score")?.points.map(\.value) == [0.5, 0.75])
        #expect(try RunLoader.load([folder]).runs.first { $0.name == "beta" }?.metric(named: "final_score")?.points.first?.value.isNaN == true)
    }

    @Test func aRunFolderNamedDirectlyIsThatRun() throws {
        let key = try AnswerKey.load("mlflow")
        let runKey = try #require(key.runs.first)
        let set = try RunLoader.load([try AnswerKey.folder("mlflow") + "/" + (runKey.folder ?? "")])
        #expect(set.runs.map(\.name) == [runKey.name])
        if let run = set.runs.first { expectMatches(run, runKey) }
    }

    @Test func aLineWithoutAStepIsStepZeroAndABadLineIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("run_id: abc\nlifecycle_stage: active\n", to: "mlruns/1/abc/meta.yaml")
        try folder.write("1700000000000 0.5\r\n1700000001000 nan 3\n", to: "mlruns/1/abc/metrics/loss")
        try folder.write("0.1", to: "mlruns/1/abc/params/lr")
        let run = try #require(try RunLoader.load([folder.path]).runs.first)
        #expect(run.name == "mlruns/1/abc", "no run_name: named by its folder")
        #expect(run.params == ["lr": "0.1"])
        let loss = try #require(run.metric(named: "loss"))
        #expect(loss.points.map(\.step) == [0, 3])
        #expect(loss.points[0] == MetricPoint(step: 0, value: 0.5, wallTime: 1_700_000_000))
        #expect(loss.points[1].value.isNaN)

        let bad = try folder.write("1700000000000 0.5 1\n1700000001000,0.4,2\n", to: "mlruns/1/abc/metrics/acc")
        #expect(throws: RunLogError(path: bad, at: .line(2), "expected \"timestamp_ms value [step]\"")) {
            try RunLoader.load([folder.path])
        }
        try folder.write("1700000000000 0.5 1.5\n", to: "mlruns/1/abc/metrics/acc")
        #expect(throws: RunLogError(path: bad, at: .line(1), "expected \"timestamp_ms value [step]\"")) {
            try RunLoader.load([folder.path])
        }
        try folder.write("run_name: [unclosed\n", to: "mlruns/1/abc/meta.yaml")
        try folder.write("1700000000000 0.5 1\n", to: "mlruns/1/abc/metrics/acc")
        #expect(throws: RunLogError(path: folder.path + "/mlruns/1/abc/meta.yaml", at: .line(2), "not valid YAML: did not find expected ',' or ']'")) {
            try RunLoader.load([folder.path])
        }
    }
}
