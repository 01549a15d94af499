import RunLogs

/// What one run's metric is at a glance, for comparing: `MetricSummary` (first, last, min and max
/// with their steps, the non-finite points) and the mean of its last points.
///
/// Encodes as `{"summary": MetricSummary, "trailingMean": TrailingMean | null}`.
public struct MetricStatistics: Sendable, Equatable, Encodable {
    public let summary: MetricSummary
    /// The mean of the last `window` points; nil when the metric has no points.
    public let trailingMean: TrailingMean?

    public init(_ metric: Metric, meanWindow: Int) {
        summary = MetricSummary(metric)
        trailingMean = TrailingMean(metric, window: meanWindow)
    }

    /// The last value as the logger wrote it (it may be NaN or infinite); nil without points.
    public var final: Double? { summary.last?.value }

    private enum CodingKeys: String, CodingKey { case summary, trailingMean }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary, forKey: .summary)
        try c.encode(trailingMean, forKey: .trailingMean)
    }
}

/// The mean of a metric's last points as the logger wrote them (after a restart, the points
/// of the last part): the level a noisy curve ended at.
///
/// Encodes as `{"window", "points", "value"}`, a non-finite value as `MetricSummary` writes it.
public struct TrailingMean: Sendable, Equatable, Encodable {
    /// How many last points were asked for.
    public let window: Int
    /// How many were averaged: `window`, or all of them when the metric has fewer.
    public let points: Int
    /// Their mean: NaN when one of them is NaN, infinite when one is (and none is NaN or the
    /// opposite infinity); finite points never give an infinite or NaN mean.
    public let value: Double

    /// Nil when the metric has no points or `window` is not positive.
    public init?(_ metric: Metric, window: Int) {
        guard window > 0, !metric.points.isEmpty else { return nil }
        let last = metric.points.suffix(window)
        self.window = window
        points = last.count
        value = Self.mean(last.lazy.map(\.value), count: last.count)
    }

    /// The mean of `values`: the plain sum over the count, or, when that sum overflows though
    /// every value is finite, the sum of each value over the count (which cannot overflow).
    static func mean(_ values: some Collection<Double>, count: Int) -> Double {
        let n = Double(count)
        let sum = values.reduce(0, +)
        if sum.isFinite || !values.allSatisfy(\.isFinite) { return sum / n }
        return values.reduce(0) { $0 + $1 / n }
    }

    private enum CodingKeys: String, CodingKey { case window, points, value }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(window, forKey: .window)
        try c.encode(points, forKey: .points)
        try c.encodeLoggedValue(value, forKey: .value)
    }
}
