import RunComparison
import RunLogs
import Testing

/// Statistics, matching, directions and changes on runs the real loggers wrote.
@Suite struct ComparisonTests {
    /// Lightning's two versions: version_1 ends with a lower val_loss than version_0.
    @Test func aWorseBetterAndEqualBaselineAreJudgedByTheMetricsDirection() throws {
        let (v0, v1) = try Fixtures.lightningVersions()
        let final0 = try Fixtures.keyedValue("lightning", run: 0, metric: "val_loss", \.last)
        let final1 = try Fixtures.keyedValue("lightning", run: 1, metric: "val_loss", \.last)
        #expect(final0 > final1)

        func valLoss(_ runs: RunSet, _ baseline: RunSet) throws -> RunMetricComparison {
            let compared = try ComparedRuns(runs: runs, baseline: baseline)
            let metric = try #require(compared.metrics.first { $0.name == "val_loss" })
            #expect(metric.direction == .lowerIsBetter)
            return try #require(metric.rows.first)
        }
        let worse = try valLoss(v0, v1)
        #expect(worse.statistics.final == final0)
        #expect(worse.baseline?.statistics.final == final1)
        #expect(worse.baseline?.run == "version_1")
        #expect(worse.change?.absolute == final0 - final1)
        #expect(worse.change?.relative == (final0 - final1) / final1)
        #expect(worse.change?.verdict == .worse)

        let better = try valLoss(v1, v0)
        #expect(better.change?.verdict == .better)
        #expect(better.change?.absolute == final1 - final0)

        let equal = try valLoss(v0, v0)
        #expect(equal.change?.verdict == .unchanged)
        #expect(equal.change?.absolute == 0)
        #expect(equal.change?.relative == 0)
    }

    @Test func statisticsAreRunLogsSummaryAndATrailingMean() throws {
        let runs = try Fixtures.load("lightning/tiny/version_0")
        let compared = try ComparedRuns(runs: runs, options: ComparisonOptions(meanWindow: 4))
        let loss = try #require(runs.runs[0].metric(named: "train_loss"))
        let row = try #require(compared.metrics.first { $0.name == "train_loss" }?.rows.first)
        #expect(row.statistics.summary == MetricSummary(loss))
        #expect(row.statistics.summary.min?.value == (try Fixtures.keyedValue("lightning", run: 0, metric: "train_loss", \.min)))
        #expect(row.statistics.summary.max?.step == 1)
        let last4 = loss.points.suffix(4).map(\.value)
        #expect(row.statistics.trailingMean == TrailingMean(loss, window: 4))
        #expect(row.statistics.trailingMean?.points == 4)
        #expect(abs((row.statistics.trailingMean?.value ?? 0) - last4.reduce(0, +) / 4) < 1e-15)
        #expect(row.baseline == nil && row.change == nil)
        // grad_scale is NaN at every point: counted, no min or max, and warned about.
        let scale = try #require(compared.metrics.first { $0.name == "grad_scale" }?.rows.first)
        #expect(scale.statistics.summary.nonFinite.count == 3)
        #expect(scale.statistics.summary.min == nil)
        #expect(compared.warnings.contains(.nonFinite(run: "version_0", metric: "grad_scale", scale.statistics.summary.nonFinite)))
    }

    @Test func aTrailingMeanOfHugeFiniteValuesStaysFinite() {
        let metric = Metric(name: "x", points: [MetricPoint(step: 0, value: .greatestFiniteMagnitude), MetricPoint(step: 1, value: .greatestFiniteMagnitude)])
        #expect(TrailingMean(metric, window: 5)?.value == .greatestFiniteMagnitude)
        #expect(TrailingMean(metric, window: 5)?.points == 2)
        #expect(TrailingMean(Metric(name: "x"), window: 5) == nil)
        let withNaN = Metric(name: "x", points: [MetricPoint(step: 0, value: 1), MetricPoint(step: 1, value: .nan)])
        #expect(TrailingMean(withNaN, window: 2)?.value.isNaN == true)
        #expect(TrailingMean(withNaN, window: 1)?.value.isNaN == true)
    }

    @Test func runsAreMatchedByNameAndASingleRunEachSideWhateverItsName() throws {
        let lightning = try Fixtures.load("lightning/tiny")
        let byName = RunPairing(runs: lightning.runs, baseline: lightning.runs.reversed())
        #expect(byName.baselineIndex == [1, 0])
        #expect(byName.unmatchedBaseline.isEmpty)

        let keras = try Fixtures.load("keras/history.csv")
        let single = RunPairing(runs: keras.runs, baseline: try Fixtures.load("keras/training.log").runs)
        #expect(single.baselineIndex == [0])

        let partial = RunPairing(runs: lightning.runs, baseline: try Fixtures.load("lightning/tiny/version_1", "keras/history.csv").runs)
        #expect(partial.baselineIndex == [nil, 0])
        #expect(partial.unmatchedBaseline == [1])

        // A name twice on both sides: the k-th with the k-th.
        let twice = lightning.runs + lightning.runs
        #expect(RunPairing(runs: twice, baseline: twice).baselineIndex == [0, 1, 2, 3])
    }

    @Test func mlflowRunsAgainstThemselvesMatchByTheirRunNames() throws {
        let runs = try Fixtures.load("mlflow/mlruns")
        let compared = try ComparedRuns(runs: runs, baseline: runs, options: ComparisonOptions(metricPatterns: ["loss", "eval/*"]))
        #expect(compared.metrics.map(\.name) == ["loss", "eval/accuracy"])
        for metric in compared.metrics {
            for row in metric.rows {
                #expect(row.baseline?.run == row.run)
                #expect(row.change?.verdict == .unchanged)
            }
        }
        #expect(compared.metrics.first { $0.name == "eval/accuracy" }?.direction == .higherIsBetter)
    }

    @Test func directionsComeFromTheNamesWordsUnlessAPatternSays() throws {
        let cases: [(String, MetricDirection)] = [
            ("val_loss", .lowerIsBetter), ("train/loss", .lowerIsBetter), ("valLoss", .lowerIsBetter), ("trainloss", .lowerIsBetter),
            ("train_mae_step", .lowerIsBetter), ("error_rate", .lowerIsBetter), ("eval/ppl", .lowerIsBetter), ("perplexity", .lowerIsBetter),
            ("eval_accuracy", .higherIsBetter), ("val_acc", .higherIsBetter), ("top1_acc", .higherIsBetter), ("f1", .higherIsBetter),
            ("roc_auc", .higherIsBetter), ("eval/precision", .higherIsBetter), ("recall@10", .higherIsBetter), ("rouge1", .higherIsBetter),
            ("lr", .unknown), ("grad_norm", .unknown), ("learning_rate", .unknown), ("eval_runtime", .unknown), ("lossless", .unknown),
        ]
        for (name, direction) in cases {
            #expect(MetricDirection.inferred(fromName: name) == direction, "\(name)")
        }
        let rules = DirectionRules(higherIsBetter: ["*score*"], lowerIsBetter: ["grad_*", "*score_x"])
        #expect(try rules.direction(of: "final_score") == .higherIsBetter)
        #expect(try rules.direction(of: "grad_norm") == .lowerIsBetter)
        #expect(try rules.direction(of: "val_loss") == .lowerIsBetter)
        #expect(throws: ComparisonError.self) { try rules.direction(of: "a_score_x") }
    }

    @Test func anUnknownDirectionShowsTheChangeWithoutJudgingIt() throws {
        #expect(MetricChange(from: 2, to: 3, direction: .unknown)?.verdict == .unjudged)
        #expect(MetricChange(from: 0, to: 3, direction: .higherIsBetter)?.relative == nil)
        #expect(MetricChange(from: -2, to: -1, direction: .higherIsBetter)?.relative == 0.5)
        #expect(MetricChange(from: .nan, to: 3, direction: .higherIsBetter) == nil)
        #expect(MetricChange(from: 1, to: .infinity, direction: .higherIsBetter) == nil)
        let huge = try #require(MetricChange(from: -Double.greatestFiniteMagnitude, to: .greatestFiniteMagnitude, direction: .lowerIsBetter))
        #expect(huge.absolute == .infinity && huge.verdict == .worse)
        #expect(huge.relative.map { !$0.isNaN } == true)
    }

    @Test func metricSelectionIsPlotsAndSaysWhatMatchedNothing() throws {
        let runs = try Fixtures.load("lightning/tiny")
        let compared = try ComparedRuns(runs: runs, options: ComparisonOptions(metricPatterns: ["val_*", "nothing*", "train_mae_*"]))
        #expect(compared.metrics.map(\.name) == ["val_loss", "train_mae_step", "train_mae_epoch"])
        #expect(compared.unmatchedPatterns == ["nothing*"])
        #expect(throws: ComparisonError.self) { try ComparedRuns(runs: runs, options: ComparisonOptions(metricPatterns: ["nothing*"])) }
        #expect(throws: ComparisonError.self) { try ComparedRuns(runs: runs, options: ComparisonOptions(meanWindow: 0)) }
    }

    @Test func readersWarningsArePassedOnWithTheirSide() throws {
        let appended = try Fixtures.load("keras/appended.csv")
        #expect(!appended.warnings.isEmpty)
        let compared = try ComparedRuns(runs: try Fixtures.load("keras/history.csv"), baseline: appended)
        #expect(compared.warnings == appended.warnings.map { .log(.baseline, $0) })
        #expect(compared.warnings.first?.description.hasPrefix("baseline: ") == true)
        #expect(compared.warnings.first?.description.contains("epoch goes back") == true)
    }
}
