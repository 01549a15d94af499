import LossPlotCairo
@testable import LossPlotCharts
import Testing

/// Ticks are placed and written by strategies: a locator and a formatter per axis, linear and log
/// behind the same two protocols, on x as on y.
@Suite struct TickStrategyTests {
    let space = TickSpace(length: 400, fontSize: 10, vertical: false)

    @Test func linearAndLogAreTheSameKindOfStrategy() {
        let scales: [(AxisScale, Double, Double, [String])] = [
            (.linear, 0, 1, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
            (.log, 0.05, 2000, ["10⁻¹", "10⁰", "10¹", "10²", "10³"]),
        ]
        for (scale, lower, upper, expected) in scales {
            let locator: any TickLocating = scale.tickLocator, formatter: any TickFormatting = scale.tickFormatter
            let located = locator.locate(lower: lower, upper: upper, space: space)
            #expect(formatter.labels(for: located, lower: lower, upper: upper).labels == expected, "\(scale)")
        }
    }

    @Test func theAutoLocatorTakesAsManyBinsAsLabelsFit() {
        // 60 points of x axis with 10-point labels: two labels fit, so two bins.
        let short = AutoTickLocator().locate(lower: 0, upper: 10, space: TickSpace(length: 60, fontSize: 10, vertical: false))
        #expect(short.major == TickLocator(maxBins: 2).ticks(0, 10))
        let long = AutoTickLocator().locate(lower: 0, upper: 10, space: space)
        #expect(long.major == TickLocator(maxBins: 9).ticks(0, 10).filter { $0 >= 0 && $0 <= 10 })
        // No room, no font size, a nonsense length: one bin, never a trap.
        for bad in [TickSpace(length: 400, fontSize: 0, vertical: true), TickSpace(length: .nan, fontSize: 10, vertical: false),
                    TickSpace(length: -5, fontSize: 10, vertical: false), TickSpace(length: .infinity, fontSize: 10, vertical: true)] {
            #expect(!AutoTickLocator().locate(lower: 0, upper: 10, space: bad).major.isEmpty, "\(bad)")
        }
    }

    @Test func anAxisViewWithNoFontSizeStillGetsTicks() {
        let view = AxisView(data: [0, 1], fixed: nil, scale: .linear, length: 300, fontSize: 0, vertical: false)
        #expect(view.ticks.count >= 2)
    }

    @Test func theLogLocatorLabelsMultiplesWhenLessThanADecadeShows() {
        let located = LogTickLocator().locate(lower: 0.25, upper: 0.9, space: space)
        #expect(located.major == [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        #expect(LogTickFormatter().labels(for: located, lower: 0.25, upper: 0.9).labels.first == "3×10⁻¹")
        let decades = LogTickLocator().locate(lower: 0.5, upper: 200, space: space)
        #expect(decades.major == [1, 10, 100])
        #expect(decades.minor.contains(2) && decades.minor.contains(90) && !decades.minor.contains(10))
    }

    /// Steps of a training run: every 250, written "250 steps" at the axis' end.
    struct StepLocator: TickLocating {
        func locate(lower: Double, upper: Double, space: TickSpace) -> LocatedTicks {
            let ticks = stride(from: (lower / 250).rounded(.up) * 250, through: upper, by: 250).map { $0 }
            return LocatedTicks(all: ticks, major: ticks)
        }
    }
    struct StepFormatter: TickFormatting {
        func labels(for ticks: LocatedTicks, lower: Double, upper: Double) -> TickLabels {
            TickLabels(labels: ticks.major.map { String(Int($0)) }, offset: "steps")
        }
    }

    @Test func anAxisTakesAnyStrategy() {
        let view = AxisView(lower: 0, upper: 1000, scale: .linear, space: space, locator: StepLocator(), formatter: StepFormatter())
        #expect(view.ticks == [0, 250, 500, 750, 1000])
        #expect(view.labels == ["0", "250", "500", "750", "1000"])
        #expect(view.offsetLabel == "steps")
    }

    @Test func aLogXAxisIsTickedByTheLogStrategiesAndYStaysLinear() {
        var ax = Axes()
        ax.plot(LineSeries(x: [1, 10, 100, 1000], y: [4, 3, 2, 1]))
        ax.xScale = .log
        let figure = Figure(widthInches: 6, heightInches: 4, axes: [ax])
        let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
        figure.draw(on: r)
        let x = r.records(in: "x tick labels").compactMap(\.text), y = r.records(in: "y tick labels").compactMap(\.text)
        #expect(x == ["10⁰", "10¹", "10²", "10³"])
        #expect(y.first == "1.0" && y.last == "4.0")
        let minor = r.records(in: "minor ticks")
        #expect(minor.count == 1, "the log x axis has minor ticks")
        let t = FigureLayout(figure, measurer: CairoTextMeasurer()).placed[0].transform
        #expect(t.x.scale == .log && t.y.scale == .linear)
        // 10^-0.15 ... 10^3.15 in view: 0.8, 0.9, then 2...9 times 1, 10 and 100.
        #expect(t.x.minorTicks.count == 2 + 3 * 8 && t.x.minorTicks.first == 0.8 && t.x.minorTicks.last == 900)
    }
}
