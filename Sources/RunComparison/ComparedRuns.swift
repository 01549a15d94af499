import RunLogs

/// This branch's runs beside the baseline's, metric by metric: each run's statistics, its
/// matched baseline run's (`RunPairing`), the change and whether it is better
/// (`MetricDirection`), and what was noticed on the way (`ComparisonWarning`). What the job
/// summary, the gate and a report of runs are made from.
public struct ComparedRuns: Sendable {
    /// This branch's runs, as read.
    public let runs: RunSet
    /// The baseline's runs, when there is a baseline.
    public let baseline: RunSet?
    /// Which baseline run each run is compared with (all nil without a baseline).
    public let pairing: RunPairing
    public let options: ComparisonOptions
    /// The selected metrics, in the order first met across the runs.
    public let metrics: [MetricComparison]
    /// Selected metrics that only baseline runs have (no longer logged?).
    public let metricsOnlyInBaseline: [String]
    /// Patterns of `ComparisonOptions.metricPatterns` that matched no metric on either side.
    public let unmatchedPatterns: [String]
    public let warnings: [ComparisonWarning]

    /// Compares `runs` with `baseline`. Throws when there are no runs, when no metric is
    /// selected, and when a metric's direction is claimed both ways (`DirectionRules`).
    public init(runs: RunSet, baseline: RunSet? = nil, options: ComparisonOptions = ComparisonOptions()) throws(ComparisonError) {
        try options.validate()
        guard !runs.runs.isEmpty else { throw .data("no runs to compare") }
        self.runs = runs
        self.baseline = baseline
        self.options = options
        let baselineRuns = baseline?.runs ?? []
        pairing = RunPairing(runs: runs.runs, baseline: baselineRuns)

        let names = MetricSelection.metricNames(of: runs.runs)
        let baselineNames = MetricSelection.metricNames(of: baselineRuns)
        let selection = MetricSelection(patterns: options.metricPatterns)
        let (selected, unmatched) = selection.select(from: names)
        let known = Set(names)
        let (selectedInBaseline, unmatchedInBaseline) = selection.select(from: baselineNames.filter { !known.contains($0) })
        metricsOnlyInBaseline = selectedInBaseline
        unmatchedPatterns = unmatched.filter(Set(unmatchedInBaseline).contains)
        guard !selected.isEmpty else {
            let list = names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : "")
            throw .data("no metric matches \(option: .metricPatterns) '\(options.metricPatterns.joined(separator: ","))'; the runs hold: \(list)")
        }

        let directions = DirectionRules(higherIsBetter: options.higherIsBetter, lowerIsBetter: options.lowerIsBetter)
        let runIndexes = runs.runs.map(Self.metricsByName)
        let baselineIndexes = baselineRuns.map(Self.metricsByName)
        var metrics: [MetricComparison] = []
        var nonFinite: [ComparisonWarning] = []
        for name in selected {
            let direction = try directions.direction(of: name)
            var rows: [RunMetricComparison] = []
            for (i, run) in runs.runs.enumerated() {
                guard let metric = runIndexes[i][name] else { continue }
                let statistics = MetricStatistics(metric, meanWindow: options.meanWindow)
                var against: BaselineStatistics?
                if let b = pairing.baselineIndex[i], let baseMetric = baselineIndexes[b][name] {
                    against = BaselineStatistics(run: baselineRuns[b].name, runIndex: b,
                                                 statistics: MetricStatistics(baseMetric, meanWindow: options.meanWindow))
                }
                rows.append(RunMetricComparison(run: run.name, runIndex: i, statistics: statistics, baseline: against, direction: direction))
                if statistics.summary.nonFinite.count > 0 {
                    nonFinite.append(.nonFinite(run: run.name, metric: name, statistics.summary.nonFinite))
                }
            }
            metrics.append(MetricComparison(name: name, direction: direction, rows: rows))
        }
        self.metrics = metrics
        warnings = nonFinite + runs.warnings.map { .log(.runs, $0) } + (baseline?.warnings ?? []).map { .log(.baseline, $0) }
    }

    /// A run's metrics by name (the first of a repeated name, as `Run.metric(named:)` finds it).
    static func metricsByName(_ run: Run) -> [String: Metric] {
        var index: [String: Metric] = [:]
        for m in run.metrics where index[m.name] == nil { index[m.name] = m }
        return index
    }

    /// The names of the baseline runs no run is matched with, in their order.
    public var unmatchedBaselineRuns: [String] { pairing.unmatchedBaseline.compactMap { baseline?.runs[$0].name } }
}

/// One metric across the runs.
public struct MetricComparison: Sendable, Equatable, Encodable {
    public let name: String
    public let direction: MetricDirection
    /// One row per run that has the metric, in the runs' order.
    public let rows: [RunMetricComparison]
}

/// One run's value of a metric beside its baseline run's.
///
/// Encodes as `{"run", "runIndex", "statistics", "baseline": {"run", "runIndex", "statistics"} |
/// null, "change": MetricChange | null}`.
public struct RunMetricComparison: Sendable, Equatable, Encodable {
    public let run: String
    /// Its index in `ComparedRuns.runs.runs`.
    public let runIndex: Int
    public let statistics: MetricStatistics
    /// The matched baseline run's statistics of the same metric; nil when the run has no
    /// baseline run or that run lacks the metric.
    public let baseline: BaselineStatistics?
    /// From the baseline's final value to this run's; nil without a baseline or when either
    /// final value is not finite.
    public let change: MetricChange?

    public init(run: String, runIndex: Int, statistics: MetricStatistics, baseline: BaselineStatistics?, direction: MetricDirection) {
        self.run = run
        self.runIndex = runIndex
        self.statistics = statistics
        self.baseline = baseline
        if let from = baseline?.statistics.final, let to = statistics.final {
            change = MetricChange(from: from, to: to, direction: direction)
        } else {
            change = nil
        }
    }

    private enum CodingKeys: String, CodingKey { case run, runIndex, statistics, baseline, change }

    /// Every key is written, `null` for what is absent, so the shape never changes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encode(runIndex, forKey: .runIndex)
        try c.encode(statistics, forKey: .statistics)
        try c.encode(baseline, forKey: .baseline)
        try c.encode(change, forKey: .change)
    }
}

/// The baseline run a row is compared with, and its statistics of the row's metric.
public struct BaselineStatistics: Sendable, Equatable, Encodable {
    public let run: String
    /// Its index in `ComparedRuns.baseline.runs`.
    public let runIndex: Int
    public let statistics: MetricStatistics
}

/// Which side of a comparison something comes from.
public enum RunSide: String, Sendable, Equatable, Encodable {
    /// This branch's runs.
    case runs
    case baseline
}

/// Something a summary tells beside its tables: a reader's warning (a truncated event file, an
/// epoch that went back) or a metric of this branch's runs with NaN or infinite points.
///
/// Encodes as `{"kind": "log", "side", "path", "line" | "byteOffset", "message"}` or
/// `{"kind": "nonFinite", "run", "metric", "count", "steps"}`.
public enum ComparisonWarning: Sendable, Equatable, Encodable, CustomStringConvertible {
    case log(RunSide, RunLogWarning)
    case nonFinite(run: String, metric: String, MetricSummary.NonFinite)

    /// The most steps a warning lists.
    static let listedSteps = 5

    /// One line, unescaped: `baseline: path:6: message`, `seed0: train/loss is NaN or infinite
    /// at 2 points (steps 4, 7)`.
    public var description: String {
        switch self {
        case let .log(side, warning):
            return (side == .baseline ? "baseline: " : "") + warning.description
        case let .nonFinite(run, metric, points):
            let steps = points.steps.prefix(Self.listedSteps).map(String.init).joined(separator: ", ")
            let more = points.steps.count > Self.listedSteps ? ", …" : ""
            let noun = points.count == 1 ? "point (step" : "points (steps"
            return "\(run): \(metric) is NaN or infinite at \(points.count) \(noun) \(steps)\(more))"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, side, path, line, byteOffset, message, run, metric, count, steps }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .log(side, warning):
            try c.encode("log", forKey: .kind)
            try c.encode(side, forKey: .side)
            try c.encode(warning.path, forKey: .path)
            switch warning.location {
            case .line(let line)?: try c.encode(line, forKey: .line)
            case .byteOffset(let offset)?: try c.encode(offset, forKey: .byteOffset)
            case nil: break
            }
            try c.encode(warning.message, forKey: .message)
        case let .nonFinite(run, metric, points):
            try c.encode("nonFinite", forKey: .kind)
            try c.encode(run, forKey: .run)
            try c.encode(metric, forKey: .metric)
            try c.encode(points.count, forKey: .count)
            try c.encode(points.steps, forKey: .steps)
        }
    }
}
