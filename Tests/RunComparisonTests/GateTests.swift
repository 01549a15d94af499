import RunComparison
import RunLogs
import Testing

/// The gate on runs the real loggers wrote, against a baseline that is worse, better and equal.
@Suite struct GateTests {
    let v0: RunSet
    let v1: RunSet

    init() throws { (v0, v1) = try Fixtures.lightningVersions() }

    @Test func aRegressionAgainstTheBaselineFailsAndSaysWhatItSaw() throws {
        // version_0's val_loss ends at 0.680, version_1's at 0.233: against version_1 it regressed.
        let report = try Fixtures.gate(["val_loss.final > baseline * 1.02", "val_loss.final > 2"], runs: v0, baseline: v1)
        #expect(!report.passed)
        #expect(report.failures.map(\.rule.text) == ["val_loss.final > baseline * 1.02"])
        let check = try #require(report.results[0].checks.first)
        let final1 = try Fixtures.keyedValue("lightning", run: 1, metric: "val_loss", \.last)
        #expect(check.outcome == .failed)
        let final0 = try Fixtures.keyedValue("lightning", run: 0, metric: "val_loss", \.last)
        #expect(check.value == final0)
        #expect(check.baseline == final1)
        #expect(check.limit == final1 * 1.02)
        #expect(check.baselineRun == "version_1")
        #expect(report.results[0].seen == "version_0: \(NumberText.short(final0)) (baseline \(NumberText.short(final1)), limit \(NumberText.short(final1 * 1.02)))")
        #expect(report.results[1].passed)
    }

    @Test func anImprovementPasses() throws {
        let report = try Fixtures.gate(["val_loss.final > baseline * 1.02", "train_loss.mean_last_3 > baseline + 0.01"], runs: v1, baseline: v0)
        #expect(report.passed, "\(report.failures.map(\.description))")
    }

    @Test func anEqualBaselinePassesAStrictRuleAndFailsAnInclusiveOne() throws {
        let report = try Fixtures.gate([
            "val_loss.final > baseline", "val_loss.final != baseline", "val_loss.min < baseline - 0",
            "val_loss.final >= baseline", "train_loss.max == baseline",
        ], runs: v0, baseline: v0)
        #expect(report.results.map(\.passed) == [true, true, true, false, false])
    }

    @Test func fixedThresholdsOnEveryStatistic() throws {
        let loss = try #require(v0.runs[0].metric(named: "train_loss"))
        let values = loss.points.map(\.value)
        let last3 = values.suffix(3).reduce(0, +) / 3
        let report = try Fixtures.gate([
            "train_loss.final < \(values.last ?? 0)", "train_loss.final <= \(values.last ?? 0)",
            "train_loss.min < \(values.min() ?? 0)", "train_loss.max >= \(values.max() ?? 0)",
            "train_loss.mean_last_3 > \(last3 + 1e-9)", "train_loss.mean_last_3 > \(last3 - 1e-9)",
            "train_loss.nonfinite > 0",
        ], runs: v0, baseline: nil)
        #expect(report.results.map(\.passed) == [true, false, true, false, true, false, true])
    }

    @Test func nonfiniteFailsOnAnyNaNInTheSelectedMetrics() throws {
        // Keras' diverged run ends in NaN; its other log does not.
        let diverged = try Fixtures.gate(["nonfinite"], runs: try Fixtures.load("keras/diverged.csv"), baseline: nil)
        #expect(!diverged.passed)
        #expect(diverged.results[0].checks.first?.value == 7)
        #expect(diverged.results[0].seen.contains("loss at step 4"))
        #expect(try Fixtures.gate(["nonfinite"], runs: try Fixtures.load("keras/history.csv"), baseline: nil).passed)
        // Lightning's grad_scale is NaN; leave it out with the metric selection and the rule passes.
        #expect(try !Fixtures.gate(["nonfinite"], runs: v0, baseline: nil).passed)
        #expect(try Fixtures.gate(["nonfinite"], runs: v0, baseline: nil, options: ComparisonOptions(metricPatterns: ["*loss*"])).passed)
    }

    @Test func aNaNOrAMissingValueNeverPasses() throws {
        let report = try Fixtures.gate(["grad_scale.final > 1", "grad_scale.min < 1", "grad_scale.final < 1"], runs: v0, baseline: nil)
        #expect(report.results.map(\.passed) == [false, false, false])
        #expect(report.results[0].checks.first?.note == "the value is NaN")
        #expect(report.results[1].checks.first?.note == "no finite value")
    }

    @Test func aRuleOnAMetricNoRunHasFailsNamingIt() throws {
        let report = try Fixtures.gate(["val_acc.min < 0.8"], runs: v0, baseline: nil)
        #expect(!report.passed)
        #expect(report.results[0].reason?.contains("no run has a metric named 'val_acc'") == true)
        #expect(report.results[0].reason?.contains("val_loss") == true)
    }

    @Test func aRuleAgainstTheBaselineNeedsOne() throws {
        #expect(throws: ComparisonError.self) { try Fixtures.gate(["val_loss.final > baseline"], runs: v0, baseline: nil) }
        #expect(throws: ComparisonError.self) { try Gate(parsing: ["val_loss.final > baseline"]).check(hasBaseline: false) }
        try Gate(parsing: ["val_loss.final > 1"]).check(hasBaseline: false)
    }

    @Test func runsWithoutABaselineRunAreNotCheckedAndARuleCheckingNoneFails() throws {
        // Both Lightning versions against version_1 alone, by name: version_0 has no baseline run.
        let both = try Fixtures.load("lightning/tiny")
        let some = try Fixtures.gate(["val_loss.final > baseline * 1.5"], runs: both, baseline: try Fixtures.load("lightning/tiny/version_1", "keras/history.csv"))
        #expect(some.passed)
        #expect(some.results[0].checks.map(\.outcome) == [.notChecked, .passed])
        #expect(some.results[0].seen.contains("1 run not checked (version_0: no baseline run matches it)"))
        // Against a baseline with no run of the same name, nothing can be checked: that fails.
        let none = try Fixtures.gate(["val_loss.final > baseline"], runs: both, baseline: try Fixtures.load("keras"))
        #expect(!none.passed)
        #expect(none.results[0].reason == "no run could be compared with the baseline (version_0: no baseline run matches it and 1 more)")
        let equal = try Fixtures.gate(["val_loss.final > baseline"], runs: v0, baseline: v0)
        #expect(equal.results[0].seen == "version_0: 0.680465 (baseline 0.680465)")
    }
}
