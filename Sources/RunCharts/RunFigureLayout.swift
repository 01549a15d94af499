import LossPlotCharts
import Foundation

/// Turns a chart's panels into a figure: the grid and its size, each panel's limits, thinned
/// curves, bands, marks and labels.
struct RunFigureLayout {
    let options: RunPlotOptions

    /// Columns and rows for `count` panels: one row up to three, then as square as can be.
    static func grid(_ count: Int) -> (rows: Int, columns: Int) {
        let n = max(1, count)
        let columns = n <= 3 ? n : Int(Double(n).squareRoot().rounded(.up))
        return ((n + columns - 1) / columns, columns)
    }

    func figure(panels: [RunPanel], legend: FigureLegend, runCount: Int, baselineCount: Int = 0, warnings: [RunPlotMessage]) -> RunFigure {
        let (rows, columns) = Self.grid(panels.count)
        let widthInches = options.widthPixels.map { $0 / options.dpi } ?? Double(columns) * RunChart.panelWidth
        // Room for the legend's rows (estimated: the layout measures them) and the title.
        let longest = legend.entries.map(\.label.count).max() ?? 0
        let perRow = max(1, Int((widthInches * 72 - 20) / (30 + 6.2 * Double(longest))))
        let legendRows = min(legend.maximumRows, (legend.entries.count + perRow - 1) / perRow)
        let extra = (Double(legendRows) * 17 + 14 + (options.title == nil ? 0 : 24)) / 72
        let heightInches = options.heightPixels.map { $0 / options.dpi } ?? Double(rows) * RunChart.panelHeight + extra
        let columnPixels = widthInches * options.dpi * options.scale / Double(columns)
        let budget = options.maxPoints ?? max(RunPlotOptions.maxPointsRange.lowerBound, Int(2 * columnPixels))
        let unit = WallUnit(panels: panels, axis: options.x)
        let axes = panels.map { panel(for: $0, budget: budget, unit: unit) }
        var figure = Figure(widthInches: widthInches, heightInches: heightInches, dpi: options.dpi, rows: rows, columns: columns, axes: axes,
                            suptitle: options.title.map { Label($0, fontSize: 13, bold: true) },
                            title: options.title ?? "Training runs", description: description(panels: panels, runCount: runCount, baselineCount: baselineCount))
        figure.legend = legend
        return RunFigure(figure: figure, panels: panels, maxPoints: budget, warnings: warnings)
    }

    func description(panels: [RunPanel], runCount: Int, baselineCount: Int = 0) -> String {
        let baseline = baselineCount == 0 ? "" : " beside \(baselineCount) baseline run\(baselineCount == 1 ? "" : "s") (dashed and lighter)"
        var parts = ["\(runCount) run\(runCount == 1 ? "" : "s")\(baseline), one panel per metric (\(panels.map(\.metric).joined(separator: ", "))) against \(xLabel)"]
        if options.smoothing > 0 { parts.append("smoothed as TensorBoard does with weight \(options.smoothing) over the raw curves, faded") }
        if let g = options.groupPattern { parts.append("runs grouped by /\(g)/ as their mean with a min-max band") }
        if options.logY { parts.append("log y") }
        if options.logX { parts.append("log x") }
        parts.append("the lowest and the last value of each curve marked (up to \(RunChart.maximumMarkedCurves) curves a panel); NaN and Inf marked at the top edge")
        return parts.joined(separator: "; ") + "."
    }

    /// What x counts, as the axes say it.
    var xLabel: String {
        switch options.x {
        case .step: "step"
        case .epoch: "epoch"
        case .wall: "wall time"
        }
    }

    func panel(for panel: RunPanel, budget: Int, unit: WallUnit) -> Axes {
        var ax = Axes()
        ax.title = Label(panel.metric, fontSize: 11)
        ax.tickFontSize = 9
        ax.gridAlpha = 0.3
        ax.xScale = options.logX ? .log : .linear
        ax.yScale = options.logY ? .log : .linear
        let label = options.x == .wall ? "wall time (\(unit.name))" : options.x == .step && panel.stepAxis == .epoch ? "epoch" : xLabel
        ax.xLabel = Label(label, fontSize: 10)
        let curves = panel.curves.map { unit.scaled($0) }

        // Limits over everything drawn, so thinning and the edge marks use the panel's own view.
        var xr = Extent(), yr = Extent()
        for c in curves {
            xr.add(c.x); xr.add(c.nonFiniteX)
            yr.add(c.y, positive: options.logY)
            if let s = c.smoothed { yr.add(s.y, positive: options.logY) }
            if let b = c.band { yr.add(b.lower, positive: options.logY); yr.add(b.upper, positive: options.logY) }
        }
        let xl = AxisView.autoLimits(xr.values, scale: ax.xScale), yl = AxisView.autoLimits(yr.values, scale: ax.yScale)
        ax.xLimits = xl.0...xl.1
        ax.yLimits = yl.0...yl.1
        let columns = max(1, budget / 2)
        let range = xr.range

        let faded = options.smoothing > 0
        for c in curves where faded && !c.muted {
            let (x, y) = thin(c.x, c.y, budget: budget, range: range)
            ax.plot(LineSeries(x: x, y: y, color: c.color, width: 1, alpha: 0.25))
        }
        for c in curves {
            if let b = c.band {
                let e = Downsampling.envelope(x: b.x, lower: b.lower, upper: b.upper, columns: columns, range: range, logX: options.logX)
                ax.bands.append(BandSeries(x: e.x, lower: e.lower, upper: e.upper, color: c.color, alpha: 0.2))
            }
            let main = c.smoothed.map { ($0.x, $0.y) } ?? (c.x, c.y)
            let (x, y) = thin(main.0, main.1, budget: budget, range: range)
            ax.plot(c.muted ? LineSeries(x: x, y: y, label: c.label, color: c.color, width: RunChart.baselineWidth, dash: RunChart.baselineDash, alpha: RunChart.baselineAlpha)
                            : LineSeries(x: x, y: y, label: c.label, color: c.color, width: 1.5))
        }
        // NaN and Inf: a triangle at the top edge where each occurred.
        let edge = options.logY ? pow(10, log10(yl.0) + 0.965 * (log10(yl.1) - log10(yl.0))) : yl.0 + 0.965 * (yl.1 - yl.0)
        for c in curves where !c.nonFiniteX.isEmpty {
            ax.scatter(ScatterSeries(x: c.nonFiniteX, y: Array(repeating: edge, count: c.nonFiniteX.count), color: c.color,
                                     marker: .triangle, size: 30, alpha: c.muted ? RunChart.baselineAlpha : 1, edgeColor: .white, lineWidth: 0.6, onTop: true))
        }
        let marked = curves.filter { !$0.muted }
        if marked.count <= RunChart.maximumMarkedCurves { mark(marked, on: &ax) }
        return ax
    }

    /// The lowest and the last value of each curve: a dot and a label.
    func mark(_ curves: [RunCurve], on ax: inout Axes) {
        var labels: [PointLabel] = []
        for c in curves {
            var xs: [Double] = [], ys: [Double] = []
            if let m = c.minimum {
                xs.append(m.x); ys.append(m.y)
                let same = c.last == m
                labels.append(PointLabel("\(same ? "min, last" : "min") \(Self.format(m.y))", x: m.x, y: m.y, color: c.color.darker))
            }
            if let l = c.last, l != c.minimum {
                xs.append(l.x); ys.append(l.y)
                labels.append(PointLabel("last \(Self.format(l.y))", x: l.x, y: l.y, color: c.color.darker))
            }
            ax.scatter(ScatterSeries(x: xs, y: ys, color: c.color, size: 18, edgeColor: .white, lineWidth: 0.8, onTop: true))
        }
        ax.pointLabels = labels
    }

    func thin(_ x: [Double], _ y: [Double], budget: Int, range: ClosedRange<Double>?) -> ([Double], [Double]) {
        let keep = Downsampling.indices(x: x, y: y, budget: budget, method: options.downsampling, range: range, logX: options.logX)
        guard keep.count < x.count else { return (x, y) }
        return (keep.map { x[$0] }, keep.map { y[$0] })
    }

    /// Four significant digits, as a label reads best.
    static func format(_ v: Double) -> String { String(format: "%.4g", v) }
}

/// The smallest and largest value of everything added.
struct Extent {
    var lo = Double.infinity, hi = -Double.infinity

    mutating func add(_ values: [Double], positive: Bool = false) {
        for v in values where v.isFinite && (!positive || v > 0) {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
    }

    var values: [Double] { lo <= hi ? [lo, hi] : [] }
    var range: ClosedRange<Double>? { lo <= hi ? lo...hi : nil }
}

/// Seconds, minutes or hours for wall time, chosen from the longest run of the figure.
struct WallUnit {
    let name: String
    let seconds: Double

    init(panels: [RunPanel], axis: RunXAxis) {
        var longest = 0.0
        if axis == .wall { for p in panels { for c in p.curves { longest = max(longest, c.x.last ?? 0, c.nonFiniteX.max() ?? 0) } } }
        (name, seconds) = longest > 5 * 3600 ? ("h", 3600) : longest > 300 ? ("min", 60) : ("s", 1)
    }

    func scaled(_ c: RunCurve) -> RunCurve {
        guard seconds != 1 else { return c }
        var c = c
        let f = { (v: Double) in v / seconds }
        c.x = c.x.map(f)
        c.nonFiniteX = c.nonFiniteX.map(f)
        if let s = c.smoothed { c.smoothed?.x = s.x.map(f) }
        if let b = c.band { c.band?.x = b.x.map(f) }
        if let m = c.minimum { c.minimum?.x = f(m.x) }
        if let l = c.last { c.last?.x = f(l.x) }
        return c
    }
}

extension Color {
    /// The colour darkened a third, for text in it on white.
    var darker: Color { Color(red: red * 0.7, green: green * 0.7, blue: blue * 0.7, alpha: alpha) }
}
