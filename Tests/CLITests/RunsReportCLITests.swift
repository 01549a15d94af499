import Foundation
import Testing

/// `lossplot report --runs` and `lossplot diff` on reports of runs, as a CI job runs them on the
/// runs the real loggers wrote (Tests/RunLogsTests/Fixtures): exit 0 with the folder written, 1
/// when a --fail-on rule trips (the report still written) or numbers moved, 64 with one line for
/// a bad flag (nothing written).
@Suite struct RunsReportCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures").path
    let v0 = fixtures + "/lightning/tiny/version_0"
    let v1 = fixtures + "/lightning/tiny/version_1"

    func folder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-runs-cli-\(getpid())-\(name)-\(UUID().uuidString.prefix(6))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func aReportOfRunsIsWrittenAndVerifies() throws {
        let out = try folder("ok") + "/report"
        let run = try CLIRun(["report", "--runs", v1, "--baseline", v0, "--out", out, "--title", "PR 12"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("wrote ") && run.stdout.hasSuffix(" files into \(out)/\n"), "\(run.stdout)")
        for file in ["index.html", "runs.json", "runs.css", "manifest.json", "charts/val_loss.png", "charts/val_loss.svg"] {
            #expect(exists(out + "/" + file), "\(file)")
        }
        let verify = try CLIRun(["verify", out])
        #expect(verify.status == 0, "\(verify.stdout)")
        let page = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(page.contains("<h1>PR 12</h1>"))
    }

    @Test func aTrippedRuleExitsOneAfterTheReportIsWritten() throws {
        let out = try folder("gate") + "/report"
        let run = try CLIRun(["report", "--runs", v0, "--baseline", v1, "--out", out, "--self-contained", "--fail-on", "val_loss.final > baseline * 1.02"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("lossplot: failed: val_loss.final > baseline * 1.02: version_0: 0.680465") == true, "\(lines)")
        #expect(lines.last == "lossplot: 1 of 1 --fail-on rules failed")
        #expect(exists(out + "/index.html") && exists(out + "/runs.json") && !exists(out + "/charts"))
        let passing = try CLIRun(["report", "--runs", v1, "--baseline", v0, "--out", out, "--fail-on", "val_loss.final > baseline * 1.02"])
        #expect(passing.status == 0, "\(passing.stderr)")
    }

    /// Each bad argument, and a word its one line must hold.
    static let usageErrors: [(arguments: [String], says: String)] = [
        (["--runs", "RUN", "--fail-on", "val_loss >> 1"], "--fail-on 'val_loss >> 1'"),
        (["--runs", "RUN", "--fail-on", "val_loss.final > baseline"], "name the baseline's runs with --baseline"),
        (["--runs", "RUN", "--lang", "en"], "--lang applies to the guide's report"),
        (["--runs", "RUN", "--metric", ""], "--metric needs glob patterns"),
        (["--runs", "RUN", "--formats", "gif"], "--formats gif"),
        (["--baseline", "RUN"], "--baseline applies to a report of runs"),
        (["--title", "x"], "--title applies to a report of runs"),
        (["--fail-on", "nonfinite"], "--fail-on applies to a report of runs"),
    ]

    @Test(arguments: usageErrors) func aBadFlagExits64InOneLineAndWritesNothing(_ bad: (arguments: [String], says: String)) throws {
        let out = try folder("usage") + "/report"
        let run = try CLIRun(["report", "--out", out] + bad.arguments.map { $0 == "RUN" ? v0 : $0 })
        #expect(run.status == 64, "\(bad.arguments): \(run.stderr)")
        #expect(run.saysOneLine, "\(bad.arguments): \(run.stderr)")
        #expect(run.stderr.contains(bad.says), "\(bad.arguments): \(run.stderr)")
        #expect(!exists(out))
    }

    @Test func unreadableRunsFailInOneLineAndWriteNothing() throws {
        let out = try folder("missing") + "/report"
        let run = try CLIRun(["report", "--runs", v0 + "/no-such-file.csv", "--out", out])
        #expect(run.status == 1 && run.saysOneLine, "\(run.stderr)")
        #expect(run.stderr.contains("no-such-file.csv"))
        #expect(!exists(out))
    }

    /// diff on two reports of runs: the charts' pixels and the final values that moved.
    @Test func diffOnTwoReportsOfRunsListsWhatMoved() throws {
        let dir = try folder("diff")
        for (name, runs) in [("before", v0), ("after", v1)] {
            let run = try CLIRun(["report", "--runs", runs, "--out", dir + "/" + name])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let diff = try CLIRun(["diff", dir + "/before", dir + "/after", "--out", dir + "/diff"])
        #expect(diff.status == 1, "\(diff.stderr)")
        #expect(diff.stdout.contains("moved: val_loss: version_1 (was version_0): final 0.680465 → 0.232784 (-0.447681, ▼ -65.8% better)"), "\(diff.stdout)")
        #expect(diff.stdout.contains("changed: val_loss (RMS"), "\(diff.stdout)")
        #expect(diff.stderr.contains("numbers: "), "\(diff.stderr)")
        let page = try String(contentsOfFile: dir + "/diff/index.html", encoding: .utf8)
        #expect(page.contains("Numbers: the runs&#39; final values") || page.contains("Numbers: the runs' final values"), "\(page.prefix(3000))")
        #expect(page.contains("<td>moved</td><td>val_loss</td>"), "\(page)")
        // The same report twice: nothing moved, exit 0.
        let same = try CLIRun(["diff", dir + "/after", dir + "/after", "--out", dir + "/diff-same"])
        #expect(same.status == 0, "\(same.stdout) \(same.stderr)")
        #expect(same.stdout.contains("numbers: 0 of "), "\(same.stdout)")
    }

    /// Self-contained reports of runs (what the action uploads by default): their charts are
    /// inside the page, so only the numbers are compared.
    @Test func diffOnSelfContainedReportsOfRunsComparesTheNumbers() throws {
        let dir = try folder("diff-single")
        for (name, runs) in [("before", v0), ("after", v1)] {
            let run = try CLIRun(["report", "--runs", runs, "--out", dir + "/" + name, "--self-contained"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let diff = try CLIRun(["diff", dir + "/before", dir + "/after", "--out", dir + "/diff"])
        #expect(diff.status == 1, "\(diff.stderr)")
        #expect(diff.stdout.contains("moved: val_loss: version_1 (was version_0)"), "\(diff.stdout)")
        #expect(diff.stderr.contains("charts not compared"), "\(diff.stderr)")
    }
}
