import Foundation
import Testing

/// `lossplot runs` and `lossplot plot` on runs, as a user runs them: JSON shape, the text table,
/// warnings on stderr, PNGs written, and one line with exit 64 for every bad option.
@Suite final class RunsCLITests {
    /// A folder of its own for each test, removed after it.
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-runs-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// Writes `text` at `relative` under the test folder, making folders.
    @discardableResult
    func file(_ relative: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Two seeds of one learning rate and one of another, JSON Lines; seed1 logs a NaN.
    func sweep() throws -> String {
        for (run, scale) in [("lr=0.1/seed0", 1.0), ("lr=0.1/seed1", 1.1), ("lr=0.01/seed0", 1.6)] {
            var lines = ""
            for step in stride(from: 0, to: 300, by: 10) {
                let loss = run == "lr=0.1/seed1" && step == 150 ? "NaN" : "\(scale * (2 / (1 + Double(step) / 50)))"
                lines += "{\"step\": \(step), \"epoch\": \(Double(step) / 100), \"train/loss\": \(loss), \"acc\": \(Double(step) / 300)}\n"
            }
            try file("sweep/\(run)/log.jsonl", lines)
        }
        return dir.appendingPathComponent("sweep").path
    }

    @Test func runsJSONHasTheDocumentedShape() throws {
        let root = try sweep()
        let run = try CLIRun(["runs", root, "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 3)
        #expect(runs.map { $0["name"] as? String } == ["lr=0.01/seed0/log", "lr=0.1/seed0/log", "lr=0.1/seed1/log"])
        let seed1 = runs[2]
        #expect(Set(seed1.keys) == ["name", "format", "paths", "params", "metrics"])
        #expect(seed1["format"] as? String == "jsonl")
        let loss = try #require((seed1["metrics"] as? [[String: Any]])?.first { $0["name"] as? String == "train/loss" })
        #expect(Set(loss.keys) == ["name", "x", "points", "first", "last", "min", "max", "nonFinite"])
        #expect(loss["points"] as? Int == 30)
        #expect((loss["nonFinite"] as? [String: Any])?["steps"] as? [Int] == [150])
        #expect((loss["first"] as? [String: Any])?["step"] as? Int == 0)
        #expect((loss["min"] as? [String: Any])?["step"] as? Int == 290)
        #expect((loss["max"] as? [String: Any])?["value"] as? Double == 2.2)
    }

    @Test func runsTextIsATablePerRun() throws {
        let run = try CLIRun(["runs", try sweep()])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "lr=0.01/seed0/log  (jsonl, \(dir.path)/sweep/lr=0.01/seed0/log.jsonl)")
        let header = try #require(lines.first { $0.contains("metric") && $0.contains("points") })
        let row = try #require(lines.last { $0.contains("train/loss") })
        // Columns line up: each value starts under its heading.
        for heading in ["x", "first", "last", "min", "max", "NaN/Inf"] {
            let at = try #require(header.range(of: " \(heading)")).upperBound
            #expect(row[row.index(at, offsetBy: -heading.count - 1)] == " ", "column \(heading) in '\(row)'")
        }
        #expect(row.hasSuffix("1 (step 150)"))
        #expect(row.contains("2.2 @0"))
    }

    @Test func readerWarningsGoToStderrOneLineEach() throws {
        let log = try file("live\nrun.jsonl", "{\"step\": 0, \"loss\": 1}\n{\"step\": 1, \"lo")
        let run = try CLIRun(["runs", log, "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The file name's newline is escaped, so the warning stays one line.
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "stderr: \(run.stderr)")
        #expect(lines[0].hasPrefix("lossplot: warning: \(dir.path)/live\\nrun.jsonl:2: the last line is incomplete"), "stderr: \(run.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) is [String: Any])
    }

    @Test func runsOnAMissingPathIsOneLine() throws {
        let missing = dir.appendingPathComponent("nope").path
        let run = try CLIRun(["runs", missing])
        #expect(run.status == 1)
        #expect(run.saysOneLine && run.stderr.contains(missing), "stderr: \(run.stderr)")
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try CLIRun(["runs", empty.path])
        #expect(none.status == 1 && none.saysOneLine && none.stderr.contains("looked for"), "stderr: \(none.stderr)")
    }

    @Test func plotDrawsRunsAndWarnsOfTheNaNOnStderr() throws {
        let root = try sweep()
        let out = dir.appendingPathComponent("runs.png").path
        let run = try CLIRun(["plot", root, "--smooth", "0.6", "--group", "lr=[^/]*", "--metric", "*loss*", "--out", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == out + "\n")
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: out)).readData(ofLength: 8)
        #expect(head == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let warnings = run.stderr.split(separator: "\n")
        #expect(warnings == ["lossplot: warning: run lr=0.1/seed1/log: metric train/loss has 1 non-finite value (NaN at step 150); marked at the panel's top edge"])
    }

    @Test func plotByEpochAndOnLogAxesWritesSVG() throws {
        let out = dir.appendingPathComponent("runs.svg").path
        let run = try CLIRun(["plot", try sweep(), "--x", "epoch", "--logy", "--logx", "--max-points", "10", "--out", out])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("against epoch"))
        #expect(run.stderr.contains("lossplot: warning: 6 points at epoch <= 0 not drawn on the log x axis"), "stderr: \(run.stderr)")
    }

    @Test func badRunOptionsExit64InOneLine() throws {
        let root = try sweep()
        let out = dir.appendingPathComponent("bad.png").path
        for (args, says) in [
            (["--smooth", "1"], "--smooth must be in [0, 1)"),
            (["--smooth", "nan"], "--smooth"),
            (["--max-points", "2"], "--max-points must be in 4...10000000"),
            (["--x", "time"], "--x for runs is step, epoch or wall"),
            (["--group", "(seed"], "--group '(seed' is not a regular expression"),
            (["--metric", "loss,"], "--metric needs glob patterns"),
            (["--kind", "scatter"], "--kind applies to columns of a file (with --y)"),
            (["--log-format", "tensorflow"], "--log-format"),
            (["--width", "50"], "--width and --height"),
        ] {
            let run = try CLIRun(["plot", root, "--out", out] + args)
            #expect(run.status == 64, "\(args): \(run.stderr)")
            #expect(run.saysOneLine && run.stderr.contains(says), "\(args): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func columnOptionsAndRunOptionsDoNotMix() throws {
        let data = try file("cols.csv", "x,y\n1,2\n2,3\n")
        let out = dir.appendingPathComponent("cols.png").path
        for (args, says) in [
            (["--y", "y", "--smooth", "0.5"], "--smooth applies to runs (plot without --y)"),
            (["--y", "y", "--metric", "*"], "--metric applies to runs"),
            (["--y", "y", "--logx"], "--logx applies to runs"),
        ] {
            let run = try CLIRun(["plot", data, "--out", out] + args)
            #expect(run.status == 64 && run.saysOneLine && run.stderr.contains(says), "\(args): \(run.stderr)")
        }
        let two = try CLIRun(["plot", data, data, "--y", "y", "--out", out])
        #expect(two.status == 64 && two.stderr.contains("one file"), "stderr: \(two.stderr)")
        // Columns still plot as before, a CSV read as a column table with --x and --y.
        let ok = try CLIRun(["plot", data, "--x", "x", "--y", "y", "--out", out])
        #expect(ok.status == 0 && FileManager.default.fileExists(atPath: out), "stderr: \(ok.stderr)")
    }

    @Test func aMetricPatternThatMatchesNothingNamesWhatThereIs() throws {
        let run = try CLIRun(["plot", try sweep(), "--metric", "val*", "--out", dir.appendingPathComponent("none.png").path])
        #expect(run.status == 1)
        #expect(run.saysOneLine && run.stderr.contains("no metric matches --metric 'val*'; the runs hold: acc, train/loss"), "stderr: \(run.stderr)")
    }
}
