import Foundation
import Testing
@testable import RunLogs

/// Plain CSV/TSV tables named directly: the x column, missing values, separators.
@Suite struct CSVLogReaderTests {
    @Test func everyTableMatchesTheKey() throws {
        let key = try AnswerKey.load("csv")
        let folder = try AnswerKey.folder("csv")
        for runKey in key.runs {
            let path = folder + "/" + (runKey.files?.first ?? "")
            let set = try RunLoader.load([path])
            let run = try #require(set.runs.first)
            #expect(run.name == runKey.name)
            expectMatches(run, runKey)
        }
    }

    @Test func theXIsStepThenEpochThenIterThenTheRow() throws {
        let folder = try AnswerKey.folder("csv")
        func run(_ file: String) throws -> Run { try #require(try RunLoader.load([folder + "/" + file]).runs.first) }
        #expect(try run("pandas_steps.csv").metric(named: "val_loss")?.points.map(\.step) == [0, 10, 20, 30, 40])
        #expect(try run("pandas_steps.csv").format == .csv)
        #expect(try run("by_epoch.tsv").format == .keras, "a first column named epoch is a Keras log")
        #expect(try run("iters.csv").metrics.map(\.name) == ["loss"], "a column of words is not a metric")
        #expect(try run("iters.csv").metric(named: "loss")?.points.map(\.step) == [0, 100, 200, 300])
        #expect(try run("no_x.csv").metric(named: "accuracy")?.points.map(\.step) == [0, 1, 3, 4])
    }

    @Test func aWalkReadsNoGenericCSV() throws {
        let folder = try TemporaryFolder()
        try folder.write("step,loss\n1,2\n", to: "results.csv")
        #expect(throws: RunLogError(path: folder.path, "no training logs in this folder (looked for \(RunLoader.lookedFor(RunLoader.readers)))")) {
            try RunLoader.load([folder.path])
        }
    }

    @Test func missingSpellingsAndNonFiniteValues() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("\u{FEFF}step,epoch,a,b\r\n1,0.5,NA,nan\r\n2,1.0,null,-inf\r\n3,1.5, 4 ,Infinity\r\n", to: "t.csv")
        let run = try #require(try RunLoader.load([path]).runs.first)
        #expect(run.metrics.map(\.name) == ["b", "a"])
        #expect(run.metric(named: "a")?.points == [MetricPoint(step: 3, value: 4, epoch: 1.5)])
        let b = try #require(run.metric(named: "b")?.points.map(\.value))
        #expect(b.count == 3 && b[0].isNaN && b[1] == -.infinity && b[2] == .infinity)
    }

    @Test func anUnknownSeparatorOrNoHeaderIsOneLine() throws {
        let folder = try TemporaryFolder()
        let piped = try folder.write("step|loss\n1|0.5\n", to: "piped.csv")
        #expect(throws: RunLogError(path: piped, at: .line(1), "cannot tell the separator: the header line has no ',', ';' or tab between its names")) {
            try RunLoader.load([piped])
        }
        let numbers = try folder.write("1,0.5\n2,0.25\n", to: "numbers.csv")
        #expect(throws: RunLogError(path: numbers, at: .line(1), "has no header line naming its columns (the first line holds only numbers)")) {
            try RunLoader.load([numbers])
        }
        let mixed = try folder.write("step,loss\n1,0.5\n2,\"a\u{1b}[31m\"\n", to: "mixed.csv")
        #expect(throws: RunLogError(path: mixed, at: .line(3), "column \"loss\": \"a\\u{1b}[31m\" is not a number")) {
            try RunLoader.load([mixed])
        }
        let single = try folder.write("loss\n0.5\n0.25\n", to: "single.csv")
        #expect(try RunLoader.load([single]).runs.first?.metric(named: "loss")?.points.map(\.step) == [0, 1])
    }
}
