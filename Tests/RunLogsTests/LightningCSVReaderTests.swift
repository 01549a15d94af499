import Foundation
import Testing
@testable import RunLogs

/// Lightning's CSVLogger, against two tiny runs' own `version_N` folders.
@Suite struct LightningCSVReaderTests {
    @Test func eachVersionFolderIsARunWithItsHparams() throws {
        let key = try AnswerKey.load("lightning")
        let folder = try AnswerKey.folder("lightning")
        let set = try RunLoader.load([folder])
        #expect(set.runs.map(\.name) == key.runs.map(\.name))
        for (run, runKey) in zip(set.runs, key.runs) {
            #expect(run.format == .lightning)
            #expect(run.paths == (runKey.files ?? []).map { folder + "/" + $0 })
            expectMatches(run, runKey)
        }
        #expect(set.warnings.isEmpty)
    }

    @Test func sparseRowsAndRepeatedSteps() throws {
        let run = try #require(try RunLoader.load([AnswerKey.folder("lightning")]).runs.first)
        // Validation logs once per epoch, on a row of its own at the epoch's last step.
        let val = try #require(run.metric(named: "val_loss"))
        #expect(val.points.map(\.step) == [3, 7, 11])
        #expect(val.points.map(\.epoch) == [0, 1, 2])
        #expect(run.metric(named: "train_loss")?.points.map(\.step) == Array(0...11))
        #expect(run.metric(named: "grad_scale")?.points.allSatisfy { $0.value.isNaN } == true)
        #expect(run.params["optimizer.name"] == "sgd")
        #expect(run.params["betas.1"] == "0.99")
    }

    @Test func aMetricsFileNamedDirectlyIsNamedByItsFolderAndKeepsItsHparams() throws {
        let folder = try AnswerKey.folder("lightning")
        let path = folder + "/tiny/version_1/metrics.csv"
        let run = try #require(try RunLoader.load([path]).runs.first)
        #expect(run.name == folder + "/tiny/version_1")
        #expect(run.paths == [path, folder + "/tiny/version_1/hparams.yaml"])
        #expect(run.params["lr"] == "0.1")
    }

    @Test func badCellsNameTheirLine() throws {
        let folder = try TemporaryFolder()
        let text = try folder.write("epoch,step,loss\n0,0,0.5\n0,1,oops\n", to: "v/metrics.csv")
        #expect(throws: RunLogError(path: text, at: .line(3), "column \"loss\": \"oops\" is not a number")) { try RunLoader.load([folder.path]) }
        try folder.write("epoch,step,loss\n0,0,0.5\n0,,0.4\n", to: "v/metrics.csv")
        #expect(throws: RunLogError(path: text, at: .line(3), "step is missing")) { try RunLoader.load([folder.path]) }
        try folder.write("epoch,step,loss\n0,0.5,0.5\n", to: "v/metrics.csv")
        #expect(throws: RunLogError(path: text, at: .line(2), "step 0.5 is not a whole number")) { try RunLoader.load([folder.path]) }
        try folder.write("epoch,step,loss\n0,0\n", to: "v/metrics.csv")
        #expect(throws: RunLogError(path: text, at: .line(2), "expected 3 fields, found 2")) { try RunLoader.load([folder.path]) }
        try folder.write("epoch,step,loss\n0,0,1\n", to: "v/metrics.csv")
        let yaml = try folder.write("lr: [0.1\n", to: "v/hparams.yaml")
        #expect(throws: RunLogError(path: yaml, at: .line(2), "not valid YAML: did not find expected ',' or ']'")) { try RunLoader.load([folder.path]) }
    }

    @Test func yamlAliasesCannotBlowUpTheParams() throws {
        let folder = try TemporaryFolder()
        try folder.write("epoch,step,loss\n0,0,1\n", to: "v/metrics.csv")
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try folder.write(yaml, to: "v/hparams.yaml")
        let run = try #require(try RunLoader.load([folder.path]).runs.first)
        #expect(run.params.count == RunParams.maximumCount)
    }
}
