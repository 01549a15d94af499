import LossPlotCairo
@testable import LossPlotCharts
import Testing

/// Structure of drawn figures, checked on what a recording renderer saw.
@Suite struct LayoutTests {
    static let names = TestFigures.all.map(\.0)

    func record(_ name: String) -> (Figure, RecordingRenderer, [Rect]) {
        let figure = TestFigures.all.first { $0.0 == name }?.1() ?? Figure(widthInches: 1, heightInches: 1)
        let measurer = CairoTextMeasurer()
        let r = RecordingRenderer(measuringWith: measurer)
        figure.draw(on: r)
        let frames = FigureLayout(figure, measurer: measurer).placed.map(\.frame)
        return (figure, r, frames)
    }

    @Test(arguments: names)
    func noTwoTextBoxesOverlap(name: String) {
        let (_, r, _) = record(name)
        let texts = r.texts.filter { !($0.text ?? "").isEmpty }
        #expect(texts.count > 10)
        for i in texts.indices {
            for j in texts.indices where j > i {
                guard let a = texts[i].bounds, let b = texts[j].bounds else { continue }
                // Lines of one multi-line block touch but do not overlap by more than rounding.
                #expect(!a.insetBy(0.01).overlaps(b.insetBy(0.01)),
                        "'\(texts[i].text ?? "")' \(texts[i].groups) overlaps '\(texts[j].text ?? "")' \(texts[j].groups)")
            }
        }
    }

    @Test(arguments: names)
    func everythingIsInsideTheFigure(name: String) {
        let (figure, r, _) = record(name)
        let page = Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height)
        for rec in r.records {
            guard let b = rec.visibleBounds else { continue }
            #expect(b.minX >= page.minX - 0.01 && b.maxX <= page.maxX + 0.01 && b.minY >= page.minY - 0.01 && b.maxY <= page.maxY + 0.01,
                    "\(rec.groups) \(rec.text ?? "") at \(b) leaves the \(page)")
        }
    }

    @Test(arguments: names)
    func axisTextStaysOutOfEveryAxesFrame(name: String) {
        let (_, r, frames) = record(name)
        for rec in r.texts where !rec.isIn("legend") && !rec.groups.contains(where: { $0.hasPrefix("annotation") }) {
            guard let b = rec.bounds else { continue }
            for f in frames { #expect(!b.overlaps(f), "\(rec.groups) '\(rec.text ?? "")' is drawn over an axes frame") }
        }
    }

    @Test(arguments: names)
    func dataIsClippedToItsAxes(name: String) {
        let (_, r, frames) = record(name)
        for (i, frame) in frames.enumerated() {
            let data = r.records(in: "axes \(i)").filter { rec in
                rec.groups.contains { $0.hasPrefix("series") || $0.hasPrefix("reference line") || $0 == "grid" }
            }
            for rec in data {
                guard let b = rec.visibleBounds else { continue }
                #expect(b.minX >= frame.minX - 1e-9 && b.maxX <= frame.maxX + 1e-9 && b.minY >= frame.minY - 1e-9 && b.maxY <= frame.maxY + 1e-9,
                        "\(rec.groups) draws outside axes \(i)")
            }
        }
    }

    @Test func legendHasOneEntryPerLabelledSeriesWithItsSwatch() {
        let (figure, r, _) = record("regression-outliers")
        for i in 0..<3 {
            let legend = r.records(in: "axes \(i)").filter { $0.isIn("legend") }
            #expect(legend.compactMap(\.text) == figure.axes[i].series.compactMap(\.label))
            // Three scatters show their marker, the model line its line.
            let markers = legend.filter { if case .markers = $0.item { return true } else { return false } }
            #expect(markers.count == 3)
            let fontSizes = legend.compactMap { rec -> Double? in if case .text(_, _, let f, _, _) = rec.item { return f.size } else { return nil } }
            #expect(fontSizes.allSatisfy { $0 == 9 })
        }
    }

    @Test func outliersAreDrawnAfterTheModelLine() {
        let (_, r, _) = record("regression-outliers")
        let axes0 = r.records(in: "axes 0")
        let line = axes0.lastIndex { $0.isIn("series 3") }
        let outliers = axes0.firstIndex { $0.isIn("series 2") }
        let train = axes0.firstIndex { $0.isIn("series 0") }
        #expect(train != nil && line != nil && outliers != nil)
        if let line, let outliers, let train { #expect(train < line && line < outliers) }
    }

    @Test func multiLineTitleKeepsBothLinesAboveTheFrame() {
        let (_, r, frames) = record("regression-outliers")
        let title = r.records(in: "axes 1").filter { $0.isIn("title") }
        #expect(title.compactMap(\.text) == ["Huber Regressor", "MSE: 800.6 | MAE: 16.1"])
        for t in title { #expect((t.bounds?.maxY ?? .infinity) < frames[1].minY) }
    }

    @Test func suptitleSitsAboveTheGrid() {
        let (_, r, frames) = record("huber-deltas")
        let sup = r.records(in: "suptitle")
        #expect(sup.compactMap(\.text) == ["Huber Loss with Different δ"])
        let topTitles = r.records.filter { $0.isIn("title") && ($0.isIn("axes 0") || $0.isIn("axes 1")) }
        for t in topTitles { #expect((sup.first?.bounds?.maxY ?? .infinity) < (t.bounds?.minY ?? 0)) }
        // The four axes share one size, and the figure's width is used.
        #expect(Set(frames.map { Int($0.width.rounded()) }).count == 1)
        #expect(frames[1].maxX > 14 * 72 * 0.9)
    }

    @Test func logAxisLabelsArePowersOfTen() {
        let (_, r, _) = record("long-labels")
        let labels = r.records(in: "axes 1").filter { $0.isIn("y tick labels") }.compactMap(\.text)
        #expect(!labels.isEmpty)
        #expect(labels.allSatisfy { $0.hasPrefix("10") && $0.count > 2 })
    }

    @Test func bestLegendAvoidsTheData() {
        // A line from upper left to lower right and a cloud in the upper right leave the lower left free.
        var ax = Axes()
        let x = TestFigures.linspace(0, 1, 200)
        ax.plot(LineSeries(x: x, y: x.map { 1 - $0 }, label: "falling"))
        // A 10x10 grid over [0.55, 1]²; matplotlib 3.11 puts this legend lower left.
        let g = TestFigures.linspace(0.55, 1, 10)
        ax.scatter(ScatterSeries(x: g.flatMap { _ in g }, y: g.flatMap { v in g.map { _ in v } }, label: "cloud"))
        ax.legend = Legend(location: .best)
        let figure = Figure(widthInches: 6, heightInches: 4, axes: [ax])
        let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
        figure.draw(on: r)
        let frame = FigureLayout(figure, measurer: r).placed[0].frame
        guard let box = r.records(in: "legend").first?.bounds else { Issue.record("no legend"); return }
        #expect(box.minX < frame.midX && box.minY > frame.midY, "legend at \(box) should be lower left in \(frame)")
    }
}

/// Layout needs only a `TextMeasurer`: a measurer that is no renderer places a figure, and its
/// measurements are the ones the layout uses.
@Suite struct LayoutMeasurerTests {
    /// Every character `advance` font sizes wide, with DejaVu's typo ascent and descent.
    final class FixedAdvanceMeasurer: TextMeasurer {
        let advance: Double
        init(advance: Double) { self.advance = advance }
        func measureText(_ text: String, font: Font) -> TextExtents {
            TextExtents(width: Double(text.count) * advance * font.size,
                        ascent: FontMetrics.typoAscent * font.size, descent: FontMetrics.typoDescent * font.size)
        }
    }

    func figure() -> Figure {
        var ax = Axes()
        ax.plot(LineSeries(x: [0, 1, 2], y: [1000, 2500, 4000]))
        ax.yLabel = Label("loss")
        return Figure(widthInches: 6, heightInches: 4, axes: [ax])
    }

    @Test func widerTextMovesTheFrameRightByTheWiderTickLabels() {
        let narrow = FigureLayout(figure(), measurer: FixedAdvanceMeasurer(advance: 0.5)).placed[0].frame
        let wide = FigureLayout(figure(), measurer: FixedAdvanceMeasurer(advance: 1)).placed[0].frame
        // The widest y tick label ("4000", 4 characters of 10 points) grows by 4 x 0.5 x 10 points.
        #expect(abs((wide.minX - narrow.minX) - 20) < 1e-9, "\(narrow) \(wide)")
    }

    @Test func aRendererLaysOutAsTheMeasurerItWraps() {
        let measurer = CairoTextMeasurer()
        let direct = FigureLayout(TestFigures.mseVsMae(), measurer: measurer).placed.map(\.frame)
        let viaRenderer = FigureLayout(TestFigures.mseVsMae(), measurer: RecordingRenderer(measuringWith: measurer)).placed.map(\.frame)
        #expect(direct == viaRenderer)
    }
}
