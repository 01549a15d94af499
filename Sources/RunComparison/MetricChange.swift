/// How a run's final value moved from its baseline run's, and whether that is better.
///
/// Encodes as `{"absolute", "relative", "verdict"}`; `relative` is `null` when the baseline's
/// value is 0, and a value too large for a Double is written as `MetricSummary` writes infinities.
public struct MetricChange: Sendable, Equatable, Encodable {
    /// Whether the change is an improvement, by the metric's `MetricDirection`.
    public enum Verdict: String, Sendable, Equatable, Encodable {
        case better, worse
        /// The values are equal.
        case unchanged
        /// The direction is unknown: the change is shown, not judged.
        case unjudged
    }

    /// The final value minus the baseline's.
    public let absolute: Double
    /// `absolute` over the baseline value's magnitude (0.05 is 5% up); nil when that is 0.
    public let relative: Double?
    public let verdict: Verdict

    /// The change from `baseline` to `value`; nil unless both are finite (a NaN final is shown
    /// as the value it is, not as a change).
    public init?(from baseline: Double, to value: Double, direction: MetricDirection) {
        guard baseline.isFinite, value.isFinite else { return nil }
        absolute = value - baseline
        relative = baseline == 0 ? nil : absolute / baseline.magnitude
        if value == baseline {
            verdict = .unchanged
        } else {
            switch direction {
            case .lowerIsBetter: verdict = value < baseline ? .better : .worse
            case .higherIsBetter: verdict = value > baseline ? .better : .worse
            case .unknown: verdict = .unjudged
            }
        }
    }

    private enum CodingKeys: String, CodingKey { case absolute, relative, verdict }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeLoggedValue(absolute, forKey: .absolute)
        try c.encodeLoggedValue(relative, forKey: .relative)
        try c.encode(verdict, forKey: .verdict)
    }
}
