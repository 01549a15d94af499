import Charts
import Foundation
import RunLogs

/// One panel: a metric and its curves.
public struct RunPanel: Sendable, Equatable {
    public var metric: String
    public var curves: [RunCurve]
}

/// A drawn chart of runs: the figure, what it shows, and what the user should hear about.
public struct RunFigure: Sendable {
    public var figure: Figure
    public var panels: [RunPanel]
    /// The most points drawn per curve (downsampling budget).
    public var maxPoints: Int
    /// One line each: non-finite values, metrics without the chosen x, patterns that matched nothing.
    public var warnings: [String]
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

    /// Who a run is drawn as: its own curve, or its group's.
    struct Identity: Hashable {
        let key: String
        let isGroup: Bool
    }

    public func make() throws(RunPlotError) -> RunFigure {
        try options.validate()
        guard !runs.isEmpty else { throw RunPlotError("no runs to draw") }
        var warnings: [String] = []
        let metricNames = orderedMetricNames()
        let (selected, unmatched) = MetricSelection(patterns: options.metricPatterns).select(from: metricNames)
        guard !selected.isEmpty else {
            let list = metricNames.prefix(20).joined(separator: ", ") + (metricNames.count > 20 ? ", …" : "")
            throw RunPlotError("no metric matches --metric '\(options.metricPatterns.joined(separator: ","))'; the runs hold: \(list)")
        }
        for p in unmatched { warnings.append("--metric '\(p)' matches no metric") }
        var names = selected
        if names.count > Self.maximumPanels {
            warnings.append("\(names.count) metrics; drawing the first \(Self.maximumPanels) (pick others with --metric)")
            names = Array(names.prefix(Self.maximumPanels))
        }

        // Identities in run order; a group stands where its first member does.
        let grouping = try options.groupPattern.map { p throws(RunPlotError) in try RunGrouping(pattern: p) }
        var identityOf: [Identity] = []
        var order: [Identity] = []
        var members: [Identity: [String]] = [:]
        var ungrouped: [String] = []
        for run in runs {
            let id: Identity
            if let grouping, let key = grouping.key(for: run.name) {
                id = Identity(key: key, isGroup: true)
            } else {
                if grouping != nil { ungrouped.append(run.name) }
                id = Identity(key: run.name, isGroup: false)
            }
            identityOf.append(id)
            if members[id] == nil { order.append(id) }
            members[id, default: []].append(run.name)
        }
        if let grouping, !ungrouped.isEmpty {
            let some = ungrouped.prefix(3).joined(separator: ", ") + (ungrouped.count > 3 ? ", …" : "")
            warnings.append("--group '\(grouping.pattern)' matches no part of \(ungrouped.count) run name(s) (\(some)); they are drawn on their own")
        }
        let colors = RunColors.palette(count: order.count)
        let colorOf = Dictionary(uniqueKeysWithValues: zip(order, colors))
        func label(_ id: Identity) -> String {
            guard id.isGroup else { return id.key }
            let n = members[id]?.count ?? 0
            return "\(id.key) (\(n) run\(n == 1 ? "" : "s"))"
        }

        let starts = options.x == .wall ? runs.map(MetricTrace.start) : []
        let builder = RunCurveBuilder(smoothing: options.smoothing, logY: options.logY)
        var panels: [RunPanel] = []
        var nonPositiveX = 0
        for name in names {
            var traces: [Identity: [(run: String, trace: MetricTrace)]] = [:]
            for (i, run) in runs.enumerated() {
                guard let metric = run.metric(named: name) else { continue }
                let trace = MetricTrace(metric, axis: options.x, start: options.x == .wall ? starts[i] : nil, logX: options.logX)
                nonPositiveX += trace.nonPositiveX
                if trace.x.isEmpty && trace.missingX > 0 {
                    let what = options.x == .epoch ? "no epochs" : "no wall times"
                    warnings.append("run \(run.name): metric \(name) has \(what); not drawn against \(options.x.rawValue)")
                    continue
                }
                let bad = zip(trace.steps, trace.values).filter { !$0.1.isFinite }
                if !bad.isEmpty {
                    let listed = bad.prefix(5).map { "\(Self.name(of: $0.1)) at step \($0.0)" }.joined(separator: ", ")
                    warnings.append("run \(run.name): metric \(name) has \(bad.count) non-finite value\(bad.count == 1 ? "" : "s") (\(listed)\(bad.count > 5 ? ", …" : "")); marked at the panel's top edge")
                }
                if options.logY {
                    let nonPositive = trace.values.filter { $0.isFinite && $0 <= 0 }.count
                    if nonPositive > 0 {
                        warnings.append("run \(run.name): metric \(name) has \(nonPositive) value\(nonPositive == 1 ? "" : "s") <= 0, not drawn on the log y axis")
                    }
                }
                traces[identityOf[i], default: []].append((run.name, trace))
            }
            var curves: [RunCurve] = []
            for id in order {
                guard let t = traces[id], let color = colorOf[id] else { continue }
                if id.isGroup {
                    curves.append(builder.groupCurve(t, label: label(id), color: color))
                } else if let only = t.first {
                    curves.append(builder.curve(only.trace, label: label(id), run: only.run, color: color))
                }
            }
            if !curves.isEmpty { panels.append(RunPanel(metric: name, curves: curves)) }
        }
        if nonPositiveX > 0 {
            warnings.append("\(nonPositiveX) point\(nonPositiveX == 1 ? "" : "s") at \(options.x.rawValue) <= 0 not drawn on the log x axis")
        }
        guard panels.contains(where: { p in p.curves.contains { !$0.x.isEmpty || !$0.nonFiniteX.isEmpty } }) else {
            throw RunPlotError("nothing to draw: no run has a point of \(names.joined(separator: ", ")) against \(options.x.rawValue)")
        }
        let drawn = Set(panels.flatMap { $0.curves.map(\.label) })
        let legend = FigureLegend(entries: order.filter { drawn.contains(label($0)) }.compactMap { id in
            colorOf[id].map { FigureLegend.Entry(label(id), color: $0, width: 1.5, band: id.isGroup && (members[id]?.count ?? 0) > 1) }
        })
        return RunFigureLayout(options: options).figure(panels: panels, legend: legend, runCount: runs.count, warnings: warnings)
    }

    /// Every metric name, in the order first met across the runs.
    func orderedMetricNames() -> [String] {
        var seen = Set<String>(), names: [String] = []
        for run in runs {
            for m in run.metrics where seen.insert(m.name).inserted { names.append(m.name) }
        }
        return names
    }

    static func name(of value: Double) -> String {
        value.isNaN ? "NaN" : value > 0 ? "+Inf" : "-Inf"
    }
}
