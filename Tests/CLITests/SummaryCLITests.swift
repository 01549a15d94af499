import Foundation
import Testing

/// `lossplot summary` as a CI job runs it on the runs the real loggers wrote
/// (Tests/RunLogsTests/Fixtures): the summary on stdout, exit 0 when every rule passes, 1 with
/// each failing rule on its own stderr line, 64 with one line for a bad rule or flag.
@Suite struct SummaryCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures").path
    let v0 = fixtures + "/lightning/tiny/version_0"
    let v1 = fixtures + "/lightning/tiny/version_1"
    let regression = "val_loss.final > baseline * 1.02"

    /// Without GitHub's variables, whatever the test runner's environment holds.
    static let outsideActions = ["GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_RUN_ID": ""]

    func summary(_ arguments: [String], environment: [String: String] = outsideActions) throws -> CLIRun {
        try CLIRun(["summary"] + arguments, environment: environment)
    }

    @Test func everyRulePassingExitsZeroWithTheSummaryOnStdout() throws {
        let run = try summary(["--runs", v1, "--baseline", v0, "--fail-on", regression, "--fail-on", "val_loss.final > 2"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("## Training runs\n\nRun version_1 against baseline run version_0.\n"))
        #expect(run.stdout.contains("**Gate: ✅ all 2 rules passed**"))
        #expect(run.stdout.contains("### val_loss (lower is better)"))
        #expect(run.stdout.contains(" better |"))
    }

    @Test func aFailingRuleExitsOneNamingEachFailingRuleOnALineOfItsOwn() throws {
        let run = try summary(["--runs", v0, "--baseline", v1, "--fail-on", regression, "--fail-on", "val_loss.final > 2", "--fail-on", "nonfinite"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "stderr: \(run.stderr)")
        #expect(lines.first?.hasPrefix("lossplot: failed: \(regression): version_0: 0.680465 (baseline 0.232784, limit 0.237439)") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("lossplot: failed: nonfinite: version_0: 3 (grad_scale at step 5") == true, "\(lines)")
        #expect(lines.last == "lossplot: 2 of 3 --fail-on rules failed")
        // The summary is still written, for $GITHUB_STEP_SUMMARY, and says the same.
        #expect(run.stdout.contains("**Gate: ❌ 2 of 3 rules failed**"))
        #expect(run.stdout.contains("| `\(regression)` | ❌ failed |"))
    }

    @Test func anEqualBaselinePassesAndARuleOnAMissingMetricFailsNamingIt() throws {
        let equal = try summary(["--runs", v0, "--baseline", v0, "--fail-on", regression])
        #expect(equal.status == 0, "stderr: \(equal.stderr)")
        #expect(equal.stdout.contains("= same |"))
        let missing = try summary(["--runs", v0, "--fail-on", "val_acc.min < 0.8"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("failed: val_acc.min < 0.8: no run has a metric named 'val_acc'"), "\(missing.stderr)")
    }

    /// Each bad argument, and a word its one line must hold.
    static let usageErrors: [(arguments: [String], says: String)] = [
        (["--fail-on", "val_loss.final = 1"], "--fail-on 'val_loss.final = 1': column 16: '=' is not a comparison: write '=='"),
        (["--fail-on", "val_loss > 1"], "--fail-on 'val_loss > 1': column 1: 'val_loss' has no statistic"),
        (["--fail-on", "val_loss.final > baseline"], "compares with the baseline: name the baseline's runs with --baseline"),
        (["--max-chars", "0"], "--max-chars must be positive"),
        (["--max-chars", "100", "--format", "json"], "--max-chars applies to --format md"),
        (["--max-chars", "100"], "--max-chars 100 is too small"),
        (["--metric", ""], "--metric needs glob patterns"),
        (["--mean-last", "0"], "--mean-last must be in 1...1000000"),
        (["--artifact-url", "javascript:alert(1)"], "--artifact-url must be an http:// or https:// URL"),
        (["--higher-is-better", "*loss*"], "matches both --higher-is-better '*loss*' and --lower-is-better '*loss'"),
        (["--format", "html"], "html"),
    ]

    @Test(arguments: usageErrors) func aBadRuleOrFlagExits64InOneLine(_ bad: (arguments: [String], says: String)) throws {
        var arguments = ["--runs", v0] + bad.arguments
        if bad.says.contains("--higher-is-better") { arguments += ["--lower-is-better", "*loss"] }
        let run = try summary(arguments)
        #expect(run.status == 64, "\(bad.arguments): \(run.stderr)")
        #expect(run.saysOneLine, "\(bad.arguments): \(run.stderr)")
        #expect(run.stderr.contains(bad.says), "\(bad.arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func runsAreNeededAndUnreadableOnesFailInOneLine() throws {
        let none = try summary([])
        #expect(none.status == 64 && none.saysOneLine, "\(none.stderr)")
        let missing = try summary(["--runs", Self.fixtures + "/no-such-run"])
        #expect(missing.status == 1 && missing.saysOneLine, "\(missing.stderr)")
        #expect(missing.stderr.contains("no-such-run: cannot open"))
    }

    @Test func theJSONFormIsValidAndCarriesTheGate() throws {
        let run = try summary(["--runs", v0, "--baseline", v1, "--format", "json", "--fail-on", regression])
        #expect(run.status == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let gate = try #require(root["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        #expect((root["runs"] as? [[String: Any]])?.first?["baselineRun"] as? String == "version_1")
        let again = try summary(["--runs", v0, "--baseline", v1, "--format", "json", "--fail-on", regression])
        #expect(again.stdout == run.stdout)
    }

    @Test func theLinkLineComesFromTheFlagOrGitHubActionsVariables() throws {
        let actions = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "octo/train", "GITHUB_RUN_ID": "9"]
        let fromEnvironment = try summary(["--runs", v0], environment: actions)
        #expect(fromEnvironment.stdout.contains("\nArtifacts: <https://github.com/octo/train/actions/runs/9>\n"), "\(fromEnvironment.stdout.prefix(300))")
        let given = try summary(["--runs", v0, "--artifact-url", "https://ci.example/a/1"], environment: actions)
        #expect(given.stdout.contains("\nArtifacts: <https://ci.example/a/1>\n"))
        let off = try summary(["--runs", v0, "--artifact-url", ""], environment: actions)
        #expect(off.status == 0 && !off.stdout.contains("Artifacts:"))
        #expect(!(try summary(["--runs", v0])).stdout.contains("Artifacts:"))
    }

    @Test func maxCharsCutsRowsAndSaysSo() throws {
        let whole = try summary(["--runs", v0, "--baseline", v1, "--fail-on", "nonfinite"])
        let bound = whole.stdout.utf8.count - 200
        let cut = try summary(["--runs", v0, "--baseline", v1, "--fail-on", "nonfinite", "--max-chars", String(bound)])
        #expect(cut.status == 1)
        #expect(cut.stdout.utf8.count <= bound)
        #expect(cut.stdout.contains("rows were left out to keep this summary within \(Self.grouped(bound)) characters"), "\(cut.stdout)")
        #expect(cut.stdout.contains("--format json has every row."))
        #expect(cut.stdout.contains("| `nonfinite` | ❌ failed |"))
    }

    /// `12,345`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return String(digits.enumerated().flatMap { i, d in i > 0 && (digits.count - i) % 3 == 0 ? [",", d] : [d] })
    }

    @Test func readersWarningsGoToStderrAndIntoTheSummary() throws {
        let run = try summary(["--runs", Self.fixtures + "/keras/history.csv", "--baseline", Self.fixtures + "/keras/appended.csv", "--metric", "*loss"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("lossplot: warning: ") && run.stderr.contains("the epoch goes back"))
        #expect(run.stdout.contains("### Warnings\n\n- baseline: "))
        #expect(run.stdout.contains("### val_loss (lower is better)"))
        #expect(!run.stdout.contains("### mae"))
        let unmatched = try summary(["--runs", v0, "--metric", "val_loss,nothing*"])
        #expect(unmatched.status == 0)
        #expect(unmatched.stderr == "lossplot: warning: --metric 'nothing*' matches no metric\n")
    }

    @Test func theHelpDocumentsTheRuleLanguage() throws {
        let run = try CLIRun(["summary", "--help"])
        #expect(run.status == 0)
        for word in ["--fail-on", "mean_last_N", "baseline * FACTOR", "nonfinite", "--higher-is-better", "GITHUB_RUN_ID", "--max-chars"] {
            #expect(run.stdout.contains(word), "help lacks \(word)")
        }
    }
}
