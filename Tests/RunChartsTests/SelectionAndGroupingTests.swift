import Foundation
@testable import RunCharts
import RunLogs
import Testing

/// `--metric` globs, `--group` keys and their mean and band, and restarts drawn continuing.
@Suite struct SelectionAndGroupingTests {
    let names = ["train/loss", "val/loss", "val_acc", "val_bcc", "lr", "loss"]

    @Test func globsPickMetricsInPatternOrder() {
        #expect(MetricSelection(patterns: ["*loss*"]).select(from: names).selected == ["train/loss", "val/loss", "loss"])
        #expect(MetricSelection(patterns: ["val_?cc"]).select(from: names).selected == ["val_acc", "val_bcc"])
        #expect(MetricSelection(patterns: ["lr", "val/*"]).select(from: names).selected == ["lr", "val/loss"])
        #expect(MetricSelection(patterns: ["[tl]*"]).select(from: names).selected == ["train/loss", "lr", "loss"])
        // A name met twice is drawn once; a pattern matching nothing is reported.
        let s = MetricSelection(patterns: ["*loss", "train/*", "nope*"]).select(from: names)
        #expect(s.selected == ["train/loss", "val/loss", "loss"])
        #expect(s.unmatched == ["nope*"])
        #expect(MetricSelection(patterns: []).select(from: names).selected == names)
        #expect(MetricSelection.patterns(in: "*loss*, val_* ,lr") == ["*loss*", "val_*", "lr"])
    }

    @Test func chartDrawsOnlyTheSelectedMetricsAndSaysWhatMatchedNothing() throws {
        var o = RunPlotOptions()
        o.metricPatterns = ["*loss*", "grad_norm"]
        let chart = try RunChart(runs: RunFixtures.threeRuns(), options: o).make()
        #expect(chart.panels.map(\.metric) == ["train/loss", "val/loss"])
        #expect(chart.warnings.contains("\(option: .metricPatterns) 'grad_norm' matches no metric"))
        o.metricPatterns = ["nothing*"]
        #expect(throws: RunPlotError.self) { try RunChart(runs: RunFixtures.threeRuns(), options: o).make() }
    }

    @Test func groupKeysAreTheFirstCaptureElseTheWholeMatch() throws {
        let byCapture = try RunGrouping(pattern: "(.*)/seed\\d+")
        #expect(byCapture.key(for: "lr=0.1/seed3") == "lr=0.1")
        let whole = try RunGrouping(pattern: "lr=[^/]*")
        #expect(whole.key(for: "sweep/lr=0.01/seed1") == "lr=0.01")
        #expect(whole.key(for: "baseline") == nil)
        #expect(throws: RunPlotError.self) { try RunGrouping(pattern: "(unclosed") }
    }

    @Test func groupMeanAndBandAreComputedPointwise() {
        // Two members on the same steps, one on every other step (interpolated between), one
        // that stops early (no value past its end).
        let a = (x: [0.0, 1, 2, 3], y: [1.0, 2, 3, 4])
        let b = (x: [0.0, 1, 2, 3], y: [3.0, 4, 5, 6])
        let c = (x: [0.0, 2], y: [5.0, 9])
        let g = GroupAggregate(curves: [a, b, c])
        #expect(g.x == [0, 1, 2, 3])
        #expect(g.count == [3, 3, 3, 2])
        // At x 1 the third member is interpolated: 7, halfway from 5 to 9.
        for (got, want) in zip(g.mean, [3, 13.0 / 3, 17.0 / 3, 5]) { #expect(abs(got - want) < 1e-15 * want) }
        #expect(g.mean.count == 4)
        #expect(g.lower == [1, 2, 3, 4])
        #expect(g.upper == [5, 7, 9, 6])
    }

    @Test func theMeanOfHugeFiniteValuesDoesNotOverflow() {
        let big = Double.greatestFiniteMagnitude
        let g = GroupAggregate(curves: [(x: [0.0], y: [big]), (x: [0.0], y: [big]), (x: [0.0], y: [big * 0.5])])
        #expect(g.mean[0].isFinite && abs(g.mean[0] - big / 3 * 2.5) <= big * 1e-15)
        let opposite = GroupAggregate(curves: [(x: [0.0, 1], y: [big, -big]), (x: [0.5], y: [0.0])])
        #expect(opposite.mean.allSatisfy { $0.isFinite })
    }

    @Test func runsOfOneGroupBecomeOneCurveWithABand() throws {
        let runs = ["lr=0.1/seed0", "lr=0.1/seed1", "lr=0.1/seed2", "lr=0.01/seed0", "solo"].enumerated().map { k, name in
            RunFixtures.run(name, metrics: [RunFixtures.metric("loss", n: 100, seed: UInt64(k))])
        }
        var o = RunPlotOptions()
        o.groupPattern = "lr=[^/]*"
        let chart = try RunChart(runs: runs, options: o).make()
        let curves = try #require(chart.panels.first?.curves)
        #expect(curves.map(\.label) == ["lr=0.1 (3 runs)", "lr=0.01 (1 run)", "solo"])
        #expect(curves[0].runs == ["lr=0.1/seed0", "lr=0.1/seed1", "lr=0.1/seed2"])
        let band = try #require(curves[0].band)
        // Mean and band against the members computed here.
        let members = runs.prefix(3).map { $0.metrics[0].points.map(\.value) }
        for i in stride(from: 0, to: 100, by: 7) {
            let column = members.map { $0[i] }
            #expect(abs(curves[0].y[i] - column.reduce(0, +) / 3) < 1e-12)
            #expect(band.lower[i] == column.min() && band.upper[i] == column.max())
        }
        #expect(curves[1].band == nil && curves[2].band == nil)
        #expect(chart.warnings.contains { $0.parts.contains(.term(.groupPattern)) && $0.description.contains("solo") })
        #expect(chart.figure.legend?.entries.map(\.band) == [true, false, false])
        #expect(chart.figure.axes[0].bands.count == 1)
    }

    @Test func stepsThatGoBackContinueAfterTheFirstPart() throws {
        #expect(StepContinuation.continued([0, 1, 2, 3, 4, 0, 1, 2]).x == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(StepContinuation.continued([0, 10, 20, 0, 10]).x == [0, 10, 20, 30, 40])
        // Repeated steps (Lightning writes a step on several rows) are not a restart.
        let same = StepContinuation.continued([0, 5, 5, 10])
        #expect(same.x == [0, 5, 5, 10] && same.restarts == 0)
        // A Keras log appended by a second fit, drawn: x never goes back.
        let epochs: [Int64] = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]
        let keras = Run(name: "keras", format: .keras, paths: ["log.csv"], metrics: [
            Metric(name: "loss", axis: .epoch, points: epochs.enumerated().map { MetricPoint(step: $1, value: 1 / Double($0 + 1)) }),
        ])
        let chart = try RunChart(runs: [keras], options: RunPlotOptions()).make()
        let drawn = try #require(chart.figure.axes.first?.series.first?.x)
        #expect(drawn == (0..<10).map(Double.init))
        #expect(chart.panels[0].curves[0].last == DataPoint(x: 9, y: 0.1))
    }
}
