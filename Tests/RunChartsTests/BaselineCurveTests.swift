@testable import LossPlotCharts
@testable import RunCharts
import RunLogs
import Testing

/// A baseline's runs drawn behind this branch's: dashed, thinner and lighter, in the colour of the
/// run each is compared with (grey when none), labelled `baseline: NAME`, without min/last marks;
/// and a figure per metric, each with the legend of its own curves.
@Suite struct BaselineCurveTests {
    func lines(_ ax: Axes) -> [LineSeries] { ax.series.compactMap { if case .line(let l) = $0 { l } else { nil } } }

    @Test func baselineRunsAreMutedInTheirMatchedRunsColourAndLabelled() throws {
        let runs = Array(RunFixtures.threeRuns().prefix(2))
        let baseline = [RunFixtures.run("b", metrics: [RunFixtures.metric("train/loss", n: 400, seed: 99)]),
                        RunFixtures.run("old", metrics: [RunFixtures.metric("train/loss", n: 400, seed: 98)])]
        let chart = try RunChart(runs: runs, options: RunPlotOptions(), baseline: baseline, baselineMatches: [1, nil]).make()
        let ax = try #require(chart.figure.axes.first { $0.title?.text == "train/loss" })
        let drawn = lines(ax)
        // The baseline first (behind), then the runs.
        #expect(drawn.map(\.label) == ["baseline: b", "baseline: old", "a", "b"])
        let (mutedB, mutedOld, a, b) = (drawn[0], drawn[1], drawn[2], drawn[3])
        #expect(mutedB.dash == .dashed && mutedB.alpha < 1 && mutedB.width < b.width)
        #expect(mutedB.color == b.color && mutedB.color != a.color)
        #expect(mutedOld.color == RunChart.unmatchedBaselineColor && mutedOld.dash == .dashed)
        #expect(a.dash == .solid && a.alpha == 1)
        // Marks (min/last) are the runs' only.
        #expect(ax.pointLabels.count == 4)
        let legend = try #require(chart.figure.legend)
        #expect(legend.entries.map(\.label) == ["a", "b", "baseline: b", "baseline: old"])
        #expect(legend.entries[2].dash == .dashed && legend.entries[0].dash == .solid)
        #expect(chart.figure.description.hasPrefix("2 runs beside 2 baseline runs (dashed and lighter)"))
    }

    @Test func eachMetricIsAFigureWithTheLegendOfItsOwnCurves() throws {
        let runs = RunFixtures.threeRuns()
        let baseline = [RunFixtures.run("a", metrics: [RunFixtures.metric("lr", n: 50, seed: 7)])]
        let figures = try RunChart(runs: runs, options: RunPlotOptions(), baseline: baseline, baselineMatches: [0]).makeEach()
        #expect(figures.map(\.figure.title) == ["train/loss", "val/loss", "train/acc", "lr"])
        #expect(figures.allSatisfy { $0.figure.axes.count == 1 && ($0.figure.rows, $0.figure.columns) == (1, 1) })
        #expect(figures[0].figure.legend?.entries.map(\.label) == ["a", "b", "c"])
        #expect(figures[3].figure.legend?.entries.map(\.label) == ["a", "b", "c", "baseline: a"])
        // The chart's warnings come once, with the first figure.
        #expect(!figures[0].warnings.isEmpty && figures.dropFirst().allSatisfy(\.warnings.isEmpty))
    }
}
