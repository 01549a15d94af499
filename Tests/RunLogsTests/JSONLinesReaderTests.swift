import Foundation
import Testing
@testable import RunLogs

/// JSON Lines logs: steps, nested names, Python's bare NaN, truncated and bad lines.
@Suite struct JSONLinesReaderTests {
    @Test func readsMetricsByStepWithEpochAndWallTime() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("""
            {"step": 10, "epoch": 0.5, "loss": 0.75, "lr": 0.1, "wall_time": 1700000000.25}
            {"step": 20, "epoch": 1.0, "loss": NaN, "mode": "train", "ok": true}
            {"step": 30, "val": {"acc": 0.9}, "loss": Infinity}

            """, to: "log.jsonl")
        let set = try RunLoader.load([file])
        #expect(set.runs.count == 1)
        let run = try #require(set.runs.first)
        #expect(run.name == "log")
        #expect(run.format == .jsonl)
        #expect(run.metrics.map(\.name) == ["loss", "lr", "val/acc"])
        let loss = try #require(run.metric(named: "loss"))
        #expect(loss.points.map(\.step) == [10, 20, 30])
        #expect(loss.points[0] == MetricPoint(step: 10, value: 0.75, wallTime: 1700000000.25, epoch: 0.5))
        #expect(loss.points[1].value.isNaN)
        #expect(loss.points[2].value == .infinity)
        #expect(run.metric(named: "val/acc")?.points == [MetricPoint(step: 30, value: 0.9)])
    }

    @Test func epochIsTheAxisWhenThereIsNoStep() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("{\"epoch\": 1, \"loss\": 2}\r\n{\"epoch\": 2, \"loss\": 1}\r\n", to: "h.ndjson")
        let metric = try #require(try RunLoader.load([file]).runs.first?.metrics.first)
        #expect(metric.axis == .epoch)
        #expect(metric.points.map(\.step) == [1, 2])
        #expect(metric.points.allSatisfy { $0.epoch == nil })
    }

    @Test func linesWithoutAStepCountFromZero() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("\u{FEFF}{\"loss\": 3}\n{\"loss\": 2}\n", to: "a.jsonl")
        #expect(try RunLoader.load([file]).runs.first?.metrics.first?.points.map(\.step) == [0, 1])
    }

    @Test func anIncompleteLastLineIsAWarningAndABadLineAnError() throws {
        let folder = try TemporaryFolder()
        let running = try folder.write("{\"step\": 1, \"loss\": 2}\n{\"step\": 2, \"lo", to: "running.jsonl")
        let set = try RunLoader.load([running])
        #expect(set.runs.first?.metrics.first?.points.count == 1)
        #expect(set.warnings.map(\.description) == ["\(running):2: the last line is incomplete (a writer still running?); it was skipped"])

        let bad = try folder.write("{\"step\": 1}\n[1, 2]\n{\"step\": 3}\n", to: "bad.jsonl")
        #expect(throws: RunLogError(path: bad, at: .line(2), "not a JSON object")) { try RunLoader.load([bad]) }
        let fractional = try folder.write("{\"step\": 1.5, \"loss\": 1}\n", to: "frac.jsonl")
        #expect(throws: RunLogError(path: fractional, at: .line(1), "step 1.5 is not a whole number")) { try RunLoader.load([fractional]) }
        let huge = try folder.write("{\"step\": 1e300, \"loss\": 1}\n", to: "huge.jsonl")
        #expect(throws: RunLogError(path: huge, at: .line(1), "step 1e+300 is not a whole number")) { try RunLoader.load([huge]) }
    }
}

/// Finding runs: folders walked as TensorBoard names runs, what cannot be read said in one line.
@Suite struct RunLoaderTests {
    @Test func aFolderOfLogsIsOneRunPerLogNamedByItsPath() throws {
        let folder = try TemporaryFolder()
        try folder.write("{\"step\": 1, \"loss\": 1}\n", to: "seed2/log.jsonl")
        try folder.write("{\"step\": 1, \"loss\": 2}\n", to: "seed1/log.jsonl")
        try folder.write("not a log", to: "seed1/notes.txt")
        let set = try RunLoader.load([folder.path])
        #expect(set.runs.map(\.name) == ["seed1/log", "seed2/log"])
        #expect(set.runs.map(\.paths) == [[folder.path + "/seed1/log.jsonl"], [folder.path + "/seed2/log.jsonl"]])
    }

    @Test func aFolderWithNoLogsSaysWhatItLookedFor() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "readme.txt")
        #expect(throws: RunLogError(path: folder.path, "no training logs in this folder (looked for \(RunLoader.lookedFor(RunLoader.readers)))")) {
            try RunLoader.load([folder.path])
        }
    }

    @Test func anUnknownFileOrAFifoIsOneLine() throws {
        let folder = try TemporaryFolder()
        let text = try folder.write("hello\n", to: "notes.txt")
        #expect(throws: RunLogError(path: text, "cannot tell the format of this file (looked for \(RunLoader.lookedFor(RunLoader.readers)))")) {
            try RunLoader.load([text])
        }
        let fifo = folder.path + "/pipe.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: RunLogError(path: fifo, "is neither a folder nor a regular file")) { try RunLoader.load([fifo]) }
        #expect(throws: RunLogError(path: folder.path + "/missing", "cannot open: No such file or directory")) {
            try RunLoader.load([folder.path + "/missing"])
        }
    }

    /// The log readers open files as the data readers do (`RegularFileOpening`): a FIFO reached
    /// directly is refused at once, naming what it is, never waited on.
    @Test func aLogFileThatIsAFifoIsRefusedByName() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path + "/events.out.tfevents.1.host"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: RunLogError(path: fifo, "is not a regular file (it is a FIFO)")) { try LogFileBytes.read(fifo) }
        #expect(throws: RunLogError(path: folder.path, "is not a regular file (it is a directory)")) { try LogFileBytes.read(folder.path) }
    }

    @Test func aFolderNamedWithATrailingSlashGivesPlainPaths() throws {
        let folder = try TemporaryFolder()
        try folder.write("{\"step\": 1, \"loss\": 1}\n", to: "seed0/log.jsonl")
        let runs = try RunLoader.load([folder.path + "//"]).runs
        #expect(runs.map(\.name) == ["seed0/log"])
        #expect(runs.flatMap(\.paths) == [folder.path + "/seed0/log.jsonl"])
    }

    @Test func aLinkedFolderLoopEnds() throws {
        let folder = try TemporaryFolder()
        try folder.write("{\"step\": 1, \"loss\": 1}\n", to: "a/log.jsonl")
        #expect(symlink(folder.path, folder.path + "/a/loop") == 0)
        #expect(try RunLoader.load([folder.path]).runs.map(\.name) == ["a/log"])
    }
}
