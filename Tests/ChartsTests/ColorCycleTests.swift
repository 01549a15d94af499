import LossPlotCairo
import LossPlotCharts
import Testing

/// matplotlib's property cycle: a series that names its colour does not use up a cycle colour.
@Suite struct ColorCycleTests {
    func strokeColors(_ axes: Axes) -> [Color] {
        let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
        Figure(widthInches: 4, heightInches: 3, axes: [axes]).draw(on: r)
        return r.records.compactMap { rec -> Color? in
            guard case .path(_, let stroke, _) = rec.item, let s = stroke, s.width == 1.5 else { return nil }
            return s.color
        }
    }

    @Test func explicitColoursDoNotAdvanceTheCycle() {
        var ax = Axes()
        ax.plot(LineSeries(x: [0, 1], y: [0, 1], color: Color(hex: 0x00FF00)))
        ax.plot(LineSeries(x: [0, 1], y: [1, 0]))
        ax.plot(LineSeries(x: [0, 1], y: [0.5, 0.5]))
        let colors = strokeColors(ax)
        #expect(colors == [Color(hex: 0x00FF00), Color.tab10[0], Color.tab10[1]])
    }
}
