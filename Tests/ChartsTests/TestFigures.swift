import LossPlotCharts
import Foundation
import TestSupport

/// Figures shaped like the document's, built from its matplotlib code, with deterministic data.
enum TestFigures {
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        (0..<n).map { i in i == n - 1 ? b : a + Double(i) * (b - a) / Double(n - 1) }
    }

    /// Scatter data: uniform in [0, 1) and normal draws from the tests' shared generator.
    struct Random {
        var source: SplitMix64
        init(state: UInt64) { source = SplitMix64(state: state) }
        mutating func next() -> Double { source.unit() }
        mutating func normal() -> Double { source.normal() }
    }

    static func huber(_ e: Double, _ d: Double) -> Double { abs(e) <= d ? 0.5 * e * e : d * (abs(e) - 0.5 * d) }

    /// 'mse-vs-mae': 10x6 in, two lines, reference lines, an annotation, 'best' legend.
    static func mseVsMae() -> Figure {
        let e = linspace(-5, 5, 100)
        var ax = Axes()
        ax.plot(LineSeries(x: e, y: e.map { $0 * $0 }, label: "MSE (L2)", color: .named["blue"], width: 2))
        ax.plot(LineSeries(x: e, y: e.map(abs), label: "MAE (L1)", color: .named["red"], width: 2))
        ax.xLabel = Label("Error (y_true - y_pred)", fontSize: 12)
        ax.yLabel = Label("Loss", fontSize: 12)
        ax.title = Label("MSE vs MAE Loss Functions", fontSize: 14, bold: true)
        ax.legend = Legend(fontSize: 11)
        ax.gridAlpha = 0.3
        ax.referenceLines = [.vertical(0, color: .black, dash: .dashed, alpha: 0.3), .horizontal(0, color: .black, dash: .dashed, alpha: 0.3)]
        ax.annotate(Annotation("MSE карає великі помилки\nсильніше (квадратично)", point: (3, 9), textPosition: (1, 15),
                               box: TextBox(fill: Color.named["lightblue"] ?? .white, alpha: 0.7), arrow: Arrow(color: Color.named["blue"] ?? .black, width: 2)))
        return Figure(widthInches: 10, heightInches: 6, axes: [ax], title: "MSE vs MAE", description: "test")
    }

    /// 'huber-deltas': 2x2 at 14x10 in with a suptitle.
    static func huberDeltas() -> Figure {
        let e = linspace(-5, 5, 1000)
        let axes: [Axes] = [0.5, 1.0, 2.0, 5.0].map { d in
            var ax = Axes()
            ax.plot(LineSeries(x: e, y: e.map { huber($0, d) }, color: .named["green"], width: 2))
            ax.referenceLines = [.vertical(d, color: .named["red"] ?? .black, dash: .dashed, alpha: 0.5),
                                 .vertical(-d, color: .named["red"] ?? .black, dash: .dashed, alpha: 0.5)]
            ax.title = Label("δ = \(d)", fontSize: 12, bold: true)
            ax.xLabel = Label("Error"); ax.yLabel = Label("Loss")
            ax.gridAlpha = 0.3
            ax.yLimits = 0...10
            return ax
        }
        return Figure(widthInches: 14, heightInches: 10, rows: 2, columns: 2, axes: axes,
                      suptitle: Label("Huber Loss with Different δ", fontSize: 14, bold: true), title: "Huber deltas")
    }

    /// 'regression-outliers': 1x3 at 18x5 in, scatters, x markers on top, two-line titles.
    static func regressionOutliers() -> Figure {
        var rng = Random(state: 42)
        let x = (0..<100).map { _ in rng.normal() * 2 }
        var y = x.map { 3 * $0 + 2 + rng.normal() * 2 }
        let outliers = [3, 17, 40, 66, 90]
        for i in outliers { y[i] += 60 + 20 * rng.next() }
        let axes: [Axes] = ["Linear Regression (MSE)", "Huber Regressor", "Lasso (L1)"].enumerated().map { k, name in
            var ax = Axes()
            ax.scatter(ScatterSeries(x: Array(x[..<80]), y: Array(y[..<80]), label: "Train", size: 50, alpha: 0.6))
            ax.scatter(ScatterSeries(x: Array(x[80...]), y: Array(y[80...]), label: "Test", color: .named["orange"], size: 50, alpha: 0.6))
            ax.scatter(ScatterSeries(x: outliers.map { x[$0] }, y: outliers.map { y[$0] }, label: "Outliers", color: .named["red"],
                                     marker: .x, size: 200, lineWidth: 3, onTop: true))
            let xp = linspace(x.min() ?? 0, x.max() ?? 1, 300)
            ax.plot(LineSeries(x: xp, y: xp.map { (3 + Double(k) * 0.3) * $0 + 5 }, label: "Model", color: .named["g"], width: 2))
            ax.title = Label("\(name)\nMSE: 800.6 | MAE: 16.1", fontSize: 11, bold: true)
            ax.xLabel = Label("X"); ax.yLabel = Label("y")
            ax.legend = Legend(fontSize: 9)
            ax.gridAlpha = 0.3
            return ax
        }
        return Figure(widthInches: 18, heightInches: 5, rows: 1, columns: 3, axes: axes, title: "Outliers")
    }

    /// A 2x2 with long labels, big numbers, negative values and a log axis.
    static func longLabels() -> Figure {
        let x = linspace(-3e6, 2e6, 50)
        var a = Axes()
        a.plot(LineSeries(x: x, y: x.map { $0 * 1e-3 }, label: "a rather long legend label for a line"))
        a.xLabel = Label("A long x axis label that goes on and on, in units of something", fontSize: 12)
        a.yLabel = Label("Y with a long label (мм, δ, γ, α, ±)", fontSize: 12)
        a.title = Label("Title\nwith a second line", fontSize: 14, bold: true)
        a.legend = Legend(location: .lowerRight)
        var b = Axes()
        b.plot(LineSeries(x: linspace(1, 100, 100), y: linspace(1, 100, 100).map { exp(-$0 / 10) }, label: "decay"))
        b.yScale = .log
        b.title = Label("Log scale"); b.yLabel = Label("loss")
        b.legend = Legend()
        var c = Axes()
        c.plot(LineSeries(x: linspace(1_000_000, 1_000_001, 20), y: linspace(-0.001, 0.002, 20)))
        c.xLabel = Label("offset axis"); c.title = Label("Offsets")
        var d = Axes()
        d.scatter(ScatterSeries(x: [1, 2, 3], y: [3, 1, 2], label: "pts", marker: .square))
        d.scatter(ScatterSeries(x: [1.5, 2.5], y: [2, 2.5], label: "tri", marker: .triangle))
        d.scatter(ScatterSeries(x: [2], y: [1.5], label: "plus", marker: .plus))
        d.xLimits = 0...2.5
        d.legend = Legend(location: .upperLeft, fontSize: 12)
        d.title = Label("Clipped at x = 2.5")
        return Figure(widthInches: 12, heightInches: 9, rows: 2, columns: 2, axes: [a, b, c, d],
                      suptitle: Label("Suptitle: long labels\nand two lines", fontSize: 16, bold: true), title: "Long labels")
    }

    static let all: [(String, @Sendable () -> Figure)] = [
        ("mse-vs-mae", mseVsMae), ("huber-deltas", huberDeltas), ("regression-outliers", regressionOutliers), ("long-labels", longLabels),
    ]
}
