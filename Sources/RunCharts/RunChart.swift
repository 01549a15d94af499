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
public struct RunChart {
    public let runs: [Run]
    public let options: RunPlotOptions

    /// The most panels drawn; past it the figure says how to pick fewer.
    public static let maximumPanels = 36
    /// Panels with more curves than this get no min/last marks (they would hide the data).
    public static let maximumMarkedCurves = 8
    /// A panel's size in inches when the figure's size is not given.
    static let panelWidth = 4.8, panelHeight = 3.4

    public init(runs: [Run], options: RunPlotOptions) {
        self.runs = runs
        self.options = options
    }

    public func make() throws(RunPlotError) -> RunFigure {
        try options.validate()
        guard !runs.isEmpty else { throw RunPlotError("no runs to draw") }
        var warnings: [RunPlotMessage] = []
        let metricNames = MetricSelection.metricNames(of: runs)
        let (selected, unmatched) = MetricSelection(patterns: options.metricPatterns).select(from: metricNames)
        guard !selected.isEmpty else {
            let list = metricNames.prefix(20).joined(separator: ", ") + (metricNames.count > 20 ? ", …" : "")
            throw RunPlotError("no metric matches \(option: .metricPatterns) '\(options.metricPatterns.joined(separator: ","))'; the runs hold: \(list)")
        }
        for p in unmatched { warnings.append("\(option: .metricPatterns) '\(p)' matches no metric") }
        var names = selected
        if names.count > Self.maximumPanels {
            warnings.append("\(names.count) metrics; drawing the first \(Self.maximumPanels) (pick others with \(option: .metricPatterns))")
            names = Array(names.prefix(Self.maximumPanels))
        }
        let identities = try RunIdentities(runs: runs, grouping: options.groupPattern.map { p throws(RunPlotError) in try RunGrouping(pattern: p) })
        warnings += identities.warnings

        let starts = options.x == .wall ? runs.map(MetricTrace.start) : []
        var panels: [RunPanel] = []
        var drawn = Set<RunIdentities.Identity>()
        var nonPositiveX = 0
        for name in names {
            var traces: [RunIdentities.Identity: [(run: String, trace: MetricTrace)]] = [:]
            var countsEpochs = true
            for (i, run) in runs.enumerated() {
                guard let metric = run.metric(named: name) else { continue }
                countsEpochs = countsEpochs && metric.axis == .epoch
                let trace = MetricTrace(metric, axis: options.x, start: options.x == .wall ? starts[i] : nil, logX: options.logX)
                nonPositiveX += trace.nonPositiveX
                warnings += notes(on: trace, run: run.name, metric: name)
                guard !trace.x.isEmpty || trace.missingX == 0 else { continue }
                traces[identities.identity[i], default: []].append((run.name, trace))
            }
            let builder = RunCurveBuilder(smoothing: options.smoothing, logY: options.logY)
            var curves: [RunCurve] = []
            for id in identities.order {
                guard let t = traces[id], let only = t.first else { continue }
                let label = identities.label(id), color = identities.color(id)
                curves.append(id.isGroup ? builder.groupCurve(t, label: label, color: color)
                                         : builder.curve(only.trace, label: label, run: only.run, color: color))
                drawn.insert(id)
            }
            if !curves.isEmpty { panels.append(RunPanel(metric: name, curves: curves, stepAxis: countsEpochs ? .epoch : .step)) }
        }
        if nonPositiveX > 0 {
            warnings.append("\(nonPositiveX) point\(nonPositiveX == 1 ? "" : "s") at \(options.x.rawValue) <= 0 not drawn on the log x axis")
        }
        guard panels.contains(where: { p in p.curves.contains { !$0.x.isEmpty || !$0.nonFiniteX.isEmpty } }) else {
            throw nothingToDraw(names)
        }
        let legend = FigureLegend(entries: identities.order.filter(drawn.contains).map { id in
            FigureLegend.Entry(identities.label(id), color: identities.color(id), width: 1.5, band: id.isGroup && identities.size(of: id) > 1)
        })
        return RunFigureLayout(options: options).figure(panels: panels, legend: legend, runCount: runs.count, warnings: warnings)
    }

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
