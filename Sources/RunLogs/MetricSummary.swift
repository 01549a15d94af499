/// What one metric holds, at a glance: how many points, the first and last as the logger wrote
/// them, the smallest and largest finite values (their first occurrence), and where the values
/// were NaN or infinite (left out of the extremes).
///
/// Encodes as `{"name", "x", "points", "first": {"step", "value"}, "last", "min", "max",
/// "nonFinite": {"count", "steps"}}`. A non-finite value is written as the string `"NaN"`,
/// `"Infinity"` or `"-Infinity"` (so the JSON stays valid and still says which it was); `min`
/// and `max` are `null` when no value is finite, `first` and `last` when there are no points.
public struct MetricSummary: Sendable, Equatable, Encodable {
    /// A value and the step it was logged at.
    public struct StepValue: Sendable, Equatable, Encodable {
        /// The logger's x (the epoch when the metric counts epochs).
        public var step: Int64
        /// The value as logged.
        public var value: Double

        public init(step: Int64, value: Double) {
            self.step = step
            self.value = value
        }

        public static func == (a: StepValue, b: StepValue) -> Bool {
            a.step == b.step && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
        }

        private enum CodingKeys: String, CodingKey { case step, value }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(step, forKey: .step)
            try c.encodeLoggedValue(value, forKey: .value)
        }
    }

    /// The NaN and infinite values: how many, and at which steps (in the order written).
    public struct NonFinite: Sendable, Equatable, Encodable {
        public var count: Int
        public var steps: [Int64]

        public init(count: Int = 0, steps: [Int64] = []) {
            self.count = count
            self.steps = steps
        }
    }

    /// The metric's name.
    public var name: String
    /// What its steps count.
    public var x: StepAxis
    /// How many points it has, non-finite ones included.
    public var points: Int
    /// The first and last points in the order the logger wrote them (steps may go back between).
    public var first: StepValue?
    public var last: StepValue?
    /// The smallest and largest finite values, each at its first occurrence.
    public var min: StepValue?
    public var max: StepValue?
    public var nonFinite: NonFinite

    /// Summarises `metric` in one pass over its points.
    public init(_ metric: Metric) {
        name = metric.name
        x = metric.axis
        points = metric.points.count
        first = metric.points.first.map { StepValue(step: $0.step, value: $0.value) }
        last = metric.points.last.map { StepValue(step: $0.step, value: $0.value) }
        var lowest: MetricPoint?, highest: MetricPoint?
        var nonFinite = NonFinite()
        for p in metric.points {
            guard p.value.isFinite else {
                nonFinite.count += 1
                nonFinite.steps.append(p.step)
                continue
            }
            // Strict comparisons keep the first occurrence of a repeated extreme.
            if lowest.map({ p.value < $0.value }) ?? true { lowest = p }
            if highest.map({ p.value > $0.value }) ?? true { highest = p }
        }
        min = lowest.map { StepValue(step: $0.step, value: $0.value) }
        max = highest.map { StepValue(step: $0.step, value: $0.value) }
        self.nonFinite = nonFinite
    }

    private enum CodingKeys: String, CodingKey { case name, x, points, first, last, min, max, nonFinite }

    /// Every key is written, `null` for what is absent, so the shape never changes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(x, forKey: .x)
        try c.encode(points, forKey: .points)
        try c.encode(first, forKey: .first)
        try c.encode(last, forKey: .last)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
        try c.encode(nonFinite, forKey: .nonFinite)
    }
}

/// One run as `lossplot runs` reports it: `{"name", "format", "paths", "params", "metrics"}`.
public struct RunSummary: Sendable, Equatable, Encodable {
    public var name: String
    public var format: LogFormat
    public var paths: [String]
    public var params: [String: String]
    public var metrics: [MetricSummary]

    /// Summarises every metric of `run`, in the run's order.
    public init(_ run: Run) {
        name = run.name
        format = run.format
        paths = run.paths
        params = run.params
        metrics = run.metrics.map(MetricSummary.init)
    }
}

/// Every run found, as `lossplot runs --format json` writes it: `{"runs": [...]}`.
public struct RunSetSummary: Sendable, Equatable, Encodable {
    public var runs: [RunSummary]

    public init(_ set: RunSet) { runs = set.runs.map(RunSummary.init) }
}

extension KeyedEncodingContainer {
    /// `value` as a JSON number when it is finite, else as the string `"NaN"`, `"Infinity"` or
    /// `"-Infinity"`: how every summary of logged values writes a number, so that the JSON stays
    /// valid and still says which non-finite value it was.
    public mutating func encodeLoggedValue(_ value: Double, forKey key: Key) throws {
        if value.isFinite {
            try encode(value, forKey: key)
        } else {
            try encode(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity", forKey: key)
        }
    }

    /// `value` as `encodeLoggedValue` writes it, or `null` when absent.
    public mutating func encodeLoggedValue(_ value: Double?, forKey key: Key) throws {
        if let value { try encodeLoggedValue(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
