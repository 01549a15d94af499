import LossPlotCairo
@testable import LossPlotCharts
import Foundation
@testable import RunCharts
import RunLogs
import Testing

/// The run figure as drawn, checked on what a recording renderer saw: a grid of panels, each
/// run one colour everywhere, one legend, NaN marks at the edge, smoothing over faded raw
/// curves, min/last labels that stay inside their panel and clear of each other, log axes.
@Suite struct RunFigureTests {
    /// A measurer per use: one Cairo context must not be shared by tests running in parallel.
    static var measurer: CairoTextMeasurer { CairoTextMeasurer() }

    func draw(_ figure: Figure) -> (RecordingRenderer, [Rect]) {
        let r = RecordingRenderer(measuringWith: Self.measurer)
        figure.draw(on: r)
        let frames = FigureLayout(figure, measurer: Self.measurer).placed.map(\.frame)
        return (r, frames)
    }

    func strokeColors(_ records: [RecordingRenderer.Record]) -> Set<Color> {
        Set(records.compactMap { rec -> Color? in
            if case .path(_, let stroke?, _) = rec.item { return Color(red: stroke.color.red, green: stroke.color.green, blue: stroke.color.blue) }
            return nil
        })
    }

    @Test func fourMetricsOfThreeRunsMakeATwoByTwoGridWithOneLegend() throws {
        let chart = try RunChart(runs: RunFixtures.threeRuns(), options: RunPlotOptions()).make()
        let f = chart.figure
        #expect((f.rows, f.columns) == (2, 2))
        #expect(f.axes.map { $0.title?.text } == ["train/loss", "val/loss", "train/acc", "lr"])
        #expect(f.axes.allSatisfy { $0.legend == nil })
        let legend = try #require(f.legend)
        #expect(legend.entries.map(\.label) == ["a", "b", "c"])
        // Every run has its legend colour in every panel.
        for ax in f.axes {
            let lines = ax.series.compactMap { s -> LineSeries? in if case .line(let l) = s { l } else { nil } }
            #expect(lines.map(\.label) == ["a", "b", "c"])
            #expect(lines.map(\.color) == legend.entries.map(\.color))
        }
        let (r, frames) = draw(f)
        #expect(frames.count == 4)
        // The legend is drawn once, above every panel, and its labels are the runs.
        let legendTexts = r.records(in: "figure legend").compactMap(\.text)
        #expect(legendTexts == ["a", "b", "c"])
        let legendBottom = try #require(r.records(in: "figure legend").compactMap(\.bounds).map(\.maxY).max())
        let highestText = r.records.filter { $0.isIn("axes 0") && $0.isIn("title") }.compactMap(\.bounds).map(\.minY).min() ?? 0
        #expect(legendBottom <= highestText)
        let page = Rect(x: 0, y: 0, width: f.size.width, height: f.size.height)
        for rec in r.records {
            guard let b = rec.visibleBounds else { continue }
            #expect(b.minX >= -0.01 && b.maxX <= page.maxX + 0.01 && b.minY >= -0.01 && b.maxY <= page.maxY + 0.01, "\(rec.groups) leaves the page")
        }
    }

    @Test func nanAndInfAreMarkedAtThePanelsTopEdgeAndNamedInAWarning() throws {
        let chart = try RunChart(runs: RunFixtures.threeRuns(), options: RunPlotOptions()).make()
        #expect(chart.warnings.contains("run b: metric train/loss has 2 non-finite values (NaN at step 133, +Inf at step 200); marked at the panel's top edge"))
        let b = try #require(chart.panels[0].curves.first { $0.label == "b" })
        #expect(b.nonFiniteX == [133, 200])
        let (r, frames) = draw(chart.figure)
        let marks = r.records(in: "axes 0").compactMap { rec -> [Point]? in
            if case .markers(_, let at, _, _, _) = rec.item, at.count == 2, rec.isIn("series 7") || true { return at }
            return nil
        }
        // The triangles: two points, both within the top tenth of the frame, at x 133 and 200.
        let frame = frames[0]
        let edge = try #require(marks.first { pts in pts.allSatisfy { $0.y < frame.minY + 0.1 * frame.height } })
        #expect(edge.allSatisfy { frame.contains($0) })
        let t = FigureLayout(chart.figure, measurer: Self.measurer).placed[0].transform
        #expect(abs(edge[0].x - t.point(133, 1).x) < 1e-9 && abs(edge[1].x - t.point(200, 1).x) < 1e-9)
        // The raw line skips them: none of its y values is non-finite.
        for s in chart.figure.axes[0].series { if case .line(let l) = s { #expect(l.y.allSatisfy { $0.isFinite }) } }
    }

    @Test func smoothingDrawsTheSmoothedCurveOverTheFadedRawOne() throws {
        var o = RunPlotOptions()
        o.smoothing = 0.9
        let runs = RunFixtures.threeRuns()
        let chart = try RunChart(runs: runs, options: o).make()
        let lines = chart.figure.axes[1].series.compactMap { s -> LineSeries? in if case .line(let l) = s { l } else { nil } }
        #expect(lines.count == 6)
        #expect(lines.prefix(3).allSatisfy { $0.alpha < 0.5 && $0.label == nil })
        #expect(lines.suffix(3).allSatisfy { $0.alpha == 1 && $0.label != nil })
        // The bold curve is TensorBoard's smoothing of the raw values.
        let raw = runs[0].metric(named: "val/loss")?.points.map(\.value) ?? []
        #expect(lines[3].y == Smoothing.tensorBoard(raw, weight: 0.9))
        #expect(lines[0].y == raw)
    }

    @Test func minAndLastAreMarkedAndLabelledInsideThePanelWithoutOverlap() throws {
        let chart = try RunChart(runs: RunFixtures.threeRuns(), options: RunPlotOptions()).make()
        let ax = chart.figure.axes[1]
        let curves = chart.panels[1].curves
        // One label for each end, or one for both when the last value is the lowest.
        #expect(ax.pointLabels.count == curves.map { $0.minimum == $0.last ? 1 : 2 }.reduce(0, +))
        for c in curves {
            let minimum = try #require(c.minimum)
            #expect(minimum.y == c.y.min())
            #expect(minimum.x == c.x[c.y.firstIndex(of: minimum.y) ?? -1])
            let both = c.last == minimum
            #expect(ax.pointLabels.contains { $0.text == "\(both ? "min, last" : "min") \(RunFigureLayout.format(minimum.y))" && $0.x == minimum.x })
            if !both { #expect(ax.pointLabels.contains { $0.text.hasPrefix("last ") && $0.x == c.last?.x }) }
        }
        let (r, frames) = draw(chart.figure)
        for (i, frame) in frames.enumerated() {
            let labels = r.records(in: "axes \(i)").filter { $0.isIn("point labels") && $0.text != nil }.compactMap(\.bounds)
            #expect(labels.count >= 3, "panel \(i) drew \(labels.count) labels")
            for (j, a) in labels.enumerated() {
                #expect(a.minX >= frame.minX && a.maxX <= frame.maxX && a.minY >= frame.minY && a.maxY <= frame.maxY)
                for b in labels[(j + 1)...] { #expect(!a.insetBy(0.01).overlaps(b.insetBy(0.01))) }
            }
        }
    }

    @Test func manyCurvesGetNoMarks() throws {
        let runs = (0..<12).map { RunFixtures.run("r\($0)", metrics: [RunFixtures.metric("loss", n: 50, seed: UInt64($0))]) }
        let chart = try RunChart(runs: runs, options: RunPlotOptions()).make()
        #expect(chart.figure.axes[0].pointLabels.isEmpty)
        // Twelve runs, twelve different colours.
        #expect(Set(chart.figure.legend?.entries.map(\.color) ?? []).count == 12)
    }

    @Test func logAxesUseLogViewsAndDropWhatTheyCannotShow() throws {
        var o = RunPlotOptions()
        o.logX = true
        o.logY = true
        o.metricPatterns = ["train/loss"]
        var runs = RunFixtures.threeRuns()
        runs[0].metrics[0].points[5].value = -1
        let chart = try RunChart(runs: runs, options: o).make()
        let ax = chart.figure.axes[0]
        #expect(ax.xScale == .log && ax.yScale == .log)
        for s in ax.series { #expect(s.x.allSatisfy { $0 > 0 } && s.y.allSatisfy { $0 > 0 }) }
        #expect(chart.warnings.contains("3 points at step <= 0 not drawn on the log x axis"))
        #expect(chart.warnings.contains("run a: metric train/loss has 1 value <= 0, not drawn on the log y axis"))
        let (r, _) = draw(chart.figure)
        let labels = r.records(in: "axes 0").filter { $0.isIn("x tick labels") }.compactMap(\.text)
        #expect(labels.contains("10¹") || labels.contains("10²"), "x tick labels \(labels)")
    }

    @Test func aMetricLoggedByEpochOnlySaysEpochOnItsAxis() throws {
        let keras = RunFixtures.run("keras", metrics: [Metric(name: "loss", axis: .epoch, points: [MetricPoint(step: 0, value: 2), MetricPoint(step: 1, value: 1)])])
        let steps = RunFixtures.run("steps", metrics: [Metric(name: "loss", points: [MetricPoint(step: 0, value: 2)])])
        #expect(try RunChart(runs: [keras], options: RunPlotOptions()).make().figure.axes[0].xLabel?.text == "epoch")
        // Mixed with a run that counts steps, the axis counts what each run's logger counted: "step".
        #expect(try RunChart(runs: [keras, steps], options: RunPlotOptions()).make().figure.axes[0].xLabel?.text == "step")
    }

    @Test func epochAndWallTimeAxes() throws {
        var o = RunPlotOptions()
        o.x = .epoch
        o.metricPatterns = ["lr"]
        let byEpoch = try RunChart(runs: RunFixtures.threeRuns(n: 100), options: o).make()
        #expect(byEpoch.figure.axes[0].series.first?.x.last == 9.9)
        #expect(byEpoch.figure.axes[0].xLabel?.text == "epoch")
        o.x = .wall
        let byWall = try RunChart(runs: RunFixtures.threeRuns(n: 1000), options: o).make()
        // 1000 points a second apart: 999 s, shown in minutes from the run's start.
        #expect(byWall.figure.axes[0].xLabel?.text == "wall time (min)")
        #expect(byWall.panels[0].curves[0].x.first == 0)
        let last = try #require(byWall.figure.axes[0].series.first?.x.last)
        #expect(abs(last - 999 / 60) < 1e-9)
        // A run without wall times is named, not drawn.
        let bare = RunFixtures.run("bare", metrics: [Metric(name: "lr", points: [MetricPoint(step: 0, value: 1)])])
        let mixed = try RunChart(runs: RunFixtures.threeRuns(n: 100) + [bare], options: o).make()
        #expect(mixed.warnings.contains("run bare: metric lr has no wall times; not drawn against wall"))
        // With none at all, the one error says what is missing.
        #expect(throws: RunPlotError("nothing to draw against wall: no point of lr has a wall time (try \(option: .x) step)")) {
            try RunChart(runs: [bare], options: o).make()
        }
        o.x = .step
        o.logY = true
        let negative = RunFixtures.run("neg", metrics: [Metric(name: "lr", points: [MetricPoint(step: 1, value: -1)])])
        #expect(throws: RunPlotError("nothing to draw against step: no point of lr can be shown on a log axis")) {
            try RunChart(runs: [negative], options: o).make()
        }
    }

    @Test func longRunsAreThinnedToTheBudgetKeepingTheirExtremes() throws {
        let runs = [RunFixtures.run("long", metrics: [RunFixtures.metric("loss", n: 200_000, seed: 3)])]
        let chart = try RunChart(runs: runs, options: RunPlotOptions()).make()
        // One panel 4.8 in wide at 100 dpi: two points a pixel column.
        #expect(chart.maxPoints == 960)
        let line = try #require(chart.figure.axes[0].series.first?.y)
        #expect(line.count <= chart.maxPoints + 2)
        let values = runs[0].metrics[0].points.map(\.value)
        #expect(line.min() == values.min() && line.max() == values.max())
        var o = RunPlotOptions()
        o.maxPoints = 100
        #expect(try RunChart(runs: runs, options: o).make().figure.axes[0].series.first?.y.count ?? 0 <= 102)
    }

    /// Each refusal mentions the option at fault, as a term the caller names (the CLI as its flag).
    @Test func optionsOutOfRangeAreRefused() {
        for (o, option) in [
            ({ var o = RunPlotOptions(); o.smoothing = 1; return o }(), .smoothing),
            ({ var o = RunPlotOptions(); o.smoothing = -0.1; return o }(), .smoothing),
            ({ var o = RunPlotOptions(); o.smoothing = .nan; return o }(), .smoothing),
            ({ var o = RunPlotOptions(); o.maxPoints = 3; return o }(), .maxPoints),
            ({ var o = RunPlotOptions(); o.groupPattern = "([a-z"; return o }(), .groupPattern),
            ({ var o = RunPlotOptions(); o.metricPatterns = ["a", ""]; return o }(), .metricPatterns),
            ({ var o = RunPlotOptions(); o.dpi = 1e-300; return o }(), nil),
            ({ var o = RunPlotOptions(); o.scale = 1e300; return o }(), .scale),
        ] as [(RunPlotOptions, RunPlotOption?)] {
            #expect(throws: RunPlotError.self) { try o.validate() }
            #expect((try? o.validate()) == nil)
            do { try o.validate() } catch {
                if let option {
                    #expect(error.message.parts.contains(.term(option)), "\(error)")
                } else {
                    #expect(error.description.hasPrefix("dpi"), "\(error)")
                }
            }
        }
    }
}

extension RunFigureTests {
    @Test func aRunNameWiderThanTheFigureLosesItsMiddleInTheLegend() throws {
        let long = "sweeps/2024-05-01_12-00-00/" + String(repeating: "lr=0.001_batch=256_", count: 8) + "seed=3"
        let runs = [RunFixtures.run(long, metrics: [RunFixtures.metric("loss", n: 20, seed: 1)]),
                    RunFixtures.run("short", metrics: [RunFixtures.metric("loss", n: 20, seed: 2)])]
        let chart = try RunChart(runs: runs, options: RunPlotOptions()).make()
        let (r, _) = draw(chart.figure)
        let texts = r.records(in: "figure legend").filter { $0.text != nil }
        let shown = try #require(texts.first?.text)
        #expect(shown.hasPrefix("sweeps/2024") && shown.hasSuffix("seed=3") && shown.contains("…"))
        #expect(texts.last?.text == "short")
        let page = chart.figure.size.width
        for rec in r.records(in: "figure legend") {
            let b = try #require(rec.bounds)
            #expect(b.minX >= 0 && b.maxX <= page, "\(rec.text ?? "box") reaches \(b.maxX) of \(page)")
        }
    }
}
