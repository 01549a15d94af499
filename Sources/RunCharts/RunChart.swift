import LossPlotCharts
import Foundation
import RunLogs

/// One panel: a metric and its curves.
public struct RunPanel: Sendable, Equatable {
    public var metric: String
    public var curves: [RunCurve]
    /// What the steps of this panel's metrics count: `.epoch` when every run logged it by epoch
    /// only (Keras' CSVLogger), so that the axis says so.
    public var stepAxis: StepAxis = .step
}

/// A drawn chart of runs: the figure, what it shows, and what the user should hear about.
public struct RunFigure: Sendable {
    public var figure: Figure
    public var panels: [RunPanel]
    /// The most points drawn per curve (downsampling budget).
    public var maxPoints: Int
    /// One line each: non-finite values, metrics without the chosen x, patterns that matched nothing.
    public var warnings: [RunPlotMessage]
}

/// Runs drawn as TensorBoard's scalars page draws them: one panel per metric in a grid, every
/// run (or group of runs) in the same colour in every panel, one legend for the figure.
///
/// A baseline's runs (the base branch's, in a comparison) are drawn muted behind them: thinner,
/// dashed and lighter, each in the colour of the run it is compared with (grey when none), with
/// no min/last marks, and labelled `baseline: NAME` in the legend.
public struct RunChart {
    public let runs: [Run]
    public let options: RunPlotOptions
    /// Runs drawn muted behind `runs`; never grouped.
    public let baseline: [Run]
    /// For each baseline run, by index, the index in `runs` of the run it is compared with, whose
    /// colour it takes; nil (or missing) draws it grey.
    public let baselineMatches: [Int?]

    /// The most panels drawn; past it the figure says how to pick fewer.
    public static let maximumPanels = 36
    /// Panels with more curves than this get no min/last marks (they would hide the data).
    public static let maximumMarkedCurves = 8
    /// A panel's size in inches when the figure's size is not given.
    static let panelWidth = 4.8, panelHeight = 3.4
    /// The colour of a baseline run compared with no run.
    static let unmatchedBaselineColor = Color(gray: 0.45)
    /// How a baseline curve is muted: its alpha, width and dash.
    static let baselineAlpha = 0.6, baselineWidth = 1.2, baselineDash = LineDash.dashed

    public init(runs: [Run], options: RunPlotOptions, baseline: [Run] = [], baselineMatches: [Int?] = []) {
        self.runs = runs
        self.options = options
        self.baseline = baseline
        self.baselineMatches = baselineMatches
    }

    /// Every selected metric as a panel of one figure.
    public func make() throws(RunPlotError) -> RunFigure {
        let drawn = try drawPanels()
        return RunFigureLayout(options: options).figure(panels: drawn.panels, legend: drawn.legend(), runCount: runs.count,
                                                        baselineCount: baseline.count, warnings: drawn.warnings)
    }

    /// Every selected metric as a figure of its own (one panel, the legend of its own curves),
    /// titled by the metric, in the order of `make()`'s panels; the warnings are the chart's,
    /// given once, with the first figure.
    public func makeEach() throws(RunPlotError) -> [RunFigure] {
        let drawn = try drawPanels()
        let layout = RunFigureLayout(options: options)
        return drawn.panels.enumerated().map { i, panel in
            var each = layout.figure(panels: [panel], legend: drawn.legend(only: drawn.keys[i]), runCount: runs.count,
                                     baselineCount: baseline.count, warnings: i == 0 ? drawn.warnings : [])
            each.figure.title = panel.metric
            return each
        }
    }

    /// Who a curve stands for: a run (or group) of `runs`, or a baseline run by its index.
    enum CurveKey: Hashable {
        case run(RunIdentities.Identity)
        case baseline(Int)
    }

    /// The panels with, for each, the curves it holds; the legend's entries in order.
    struct DrawnPanels {
        var panels: [RunPanel] = []
        var keys: [Set<CurveKey>] = []
        var entries: [(key: CurveKey, entry: FigureLegend.Entry)] = []
        var warnings: [RunPlotMessage] = []

        /// The legend of every curve drawn, or of those in `only`.
        func legend(only: Set<CurveKey>? = nil) -> FigureLegend {
            let drawn = only ?? keys.reduce(into: Set<CurveKey>()) { $0.formUnion($1) }
            return FigureLegend(entries: entries.filter { drawn.contains($0.key) }.map(\.entry))
        }
    }

    func drawPanels() throws(RunPlotError) -> DrawnPanels {
        try options.validate()
        guard !runs.isEmpty else { throw RunPlotError("no runs to draw") }
        var out = DrawnPanels()
        let metricNames = MetricSelection.metricNames(of: runs)
        let (selected, unmatched) = MetricSelection(patterns: options.metricPatterns).select(from: metricNames)
        guard !selected.isEmpty else {
            let list = metricNames.prefix(20).joined(separator: ", ") + (metricNames.count > 20 ? ", …" : "")
            throw RunPlotError("no metric matches \(option: .metricPatterns) '\(options.metricPatterns.joined(separator: ","))'; the runs hold: \(list)")
        }
        for p in unmatched { out.warnings.append("\(option: .metricPatterns) '\(p)' matches no metric") }
        var names = selected
        if names.count > Self.maximumPanels {
            out.warnings.append("\(names.count) metrics; drawing the first \(Self.maximumPanels) (pick others with \(option: .metricPatterns))")
            names = Array(names.prefix(Self.maximumPanels))
        }
        let identities = try RunIdentities(runs: runs, grouping: options.groupPattern.map { p throws(RunPlotError) in try RunGrouping(pattern: p) })
        out.warnings += identities.warnings
        let baselineColors = baseline.indices.map { j -> Color in
            guard j < baselineMatches.count, let i = baselineMatches[j], runs.indices.contains(i) else { return Self.unmatchedBaselineColor }
            return identities.color(identities.identity[i])
        }

        let starts = options.x == .wall ? runs.map(MetricTrace.start) : []
        let baselineStarts = options.x == .wall ? baseline.map(MetricTrace.start) : []
        var nonPositiveX = 0
        let builder = RunCurveBuilder(smoothing: options.smoothing, logY: options.logY)
        for name in names {
            var traces: [RunIdentities.Identity: [(run: String, trace: MetricTrace)]] = [:]
            var countsEpochs = true
            var curves: [RunCurve] = []
            var keys = Set<CurveKey>()
            // The baseline first: drawn behind this branch's runs.
            for (j, run) in baseline.enumerated() {
                guard let metric = run.metric(named: name) else { continue }
                let trace = MetricTrace(metric, axis: options.x, start: options.x == .wall ? baselineStarts[j] : nil, logX: options.logX)
                nonPositiveX += trace.nonPositiveX
                out.warnings += notes(on: trace, run: "baseline " + run.name, metric: name)
                guard !trace.x.isEmpty || trace.missingX == 0 else { continue }
                var curve = builder.curve(trace, label: Self.baselineLabel(run.name), run: run.name, color: baselineColors[j])
                curve.muted = true
                curves.append(curve)
                keys.insert(.baseline(j))
            }
            for (i, run) in runs.enumerated() {
                guard let metric = run.metric(named: name) else { continue }
                countsEpochs = countsEpochs && metric.axis == .epoch
                let trace = MetricTrace(metric, axis: options.x, start: options.x == .wall ? starts[i] : nil, logX: options.logX)
                nonPositiveX += trace.nonPositiveX
                out.warnings += notes(on: trace, run: run.name, metric: name)
                guard !trace.x.isEmpty || trace.missingX == 0 else { continue }
                traces[identities.identity[i], default: []].append((run.name, trace))
            }
            for id in identities.order {
                guard let t = traces[id], let only = t.first else { continue }
                let label = identities.label(id), color = identities.color(id)
                curves.append(id.isGroup ? builder.groupCurve(t, label: label, color: color)
                                         : builder.curve(only.trace, label: label, run: only.run, color: color))
                keys.insert(.run(id))
            }
            guard curves.contains(where: { !$0.muted }) else { continue }
            out.panels.append(RunPanel(metric: name, curves: curves, stepAxis: countsEpochs ? .epoch : .step))
            out.keys.append(keys)
        }
        if nonPositiveX > 0 {
            out.warnings.append("\(nonPositiveX) point\(nonPositiveX == 1 ? "" : "s") at \(options.x.rawValue) <= 0 not drawn on the log x axis")
        }
        guard out.panels.contains(where: { p in p.curves.contains { !$0.muted && (!$0.x.isEmpty || !$0.nonFiniteX.isEmpty) } }) else {
            throw nothingToDraw(names)
        }
        out.entries = identities.order.map { id in
            (.run(id), FigureLegend.Entry(identities.label(id), color: identities.color(id), width: 1.5, band: id.isGroup && identities.size(of: id) > 1))
        } + baseline.indices.map { j in
            (.baseline(j), FigureLegend.Entry(Self.baselineLabel(baseline[j].name), color: baselineColors[j].withAlpha(Self.baselineAlpha),
                                               width: Self.baselineWidth, dash: Self.baselineDash))
        }
        return out
    }

    /// A baseline run's legend name.
    static func baselineLabel(_ run: String) -> String { "baseline: " + run }

    /// What the user should hear about one run's metric: no x to draw it against, NaN and
    /// Inf (where), values a log y axis cannot show.
    func notes(on trace: MetricTrace, run: String, metric: String) -> [RunPlotMessage] {
        if trace.x.isEmpty && trace.missingX > 0 {
            let what = options.x == .epoch ? "no epochs" : "no wall times"
            return ["run \(run): metric \(metric) has \(what); not drawn against \(options.x.rawValue)"]
        }
        var notes: [RunPlotMessage] = []
        let bad = zip(trace.steps, trace.values).filter { !$0.1.isFinite }
        if !bad.isEmpty {
            let listed = bad.prefix(5).map { "\(Self.name(of: $0.1)) at step \($0.0)" }.joined(separator: ", ")
            notes.append("run \(run): metric \(metric) has \(bad.count) non-finite value\(bad.count == 1 ? "" : "s") (\(listed)\(bad.count > 5 ? ", …" : "")); marked at the panel's top edge")
        }
        if options.logY {
            let nonPositive = trace.values.filter { $0.isFinite && $0 <= 0 }.count
            if nonPositive > 0 {
                notes.append("run \(run): metric \(metric) has \(nonPositive) value\(nonPositive == 1 ? "" : "s") <= 0, not drawn on the log y axis")
            }
        }
        return notes
    }

    /// The error when no panel has a point to show, saying what was missing.
    func nothingToDraw(_ names: [String]) -> RunPlotError {
        let list = names.joined(separator: ", ")
        let why: RunPlotMessage
        switch options.x {
        case .step: why = options.logX || options.logY ? "no point of \(list) can be shown on a log axis" : "no run has a point of \(list)"
        case .epoch: why = "no point of \(list) has an epoch (try \(option: .x) step)"
        case .wall: why = "no point of \(list) has a wall time (try \(option: .x) step)"
        }
        return RunPlotError("nothing to draw against \(options.x.rawValue): \(why)")
    }

    static func name(of value: Double) -> String {
        value.isNaN ? "NaN" : value > 0 ? "+Inf" : "-Inf"
    }
}
