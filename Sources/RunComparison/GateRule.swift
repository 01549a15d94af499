import RunLogs

/// One rule of the regression gate: a condition on the runs that fails the check when it holds
/// (`val_loss.final > baseline * 1.02`, `val_acc.min < 0.8`, `nonfinite`).
///
/// The language (`init(parsing:)` reads it; errors name the column):
/// ```
/// rule       = "nonfinite" | metric "." statistic comparison value
/// metric     = a name without spaces or < > = ! "   |   a "quoted name" (\" and \\ inside)
/// statistic  = "final" | "min" | "max" | "mean_last_" N | "nonfinite"
/// comparison = "<" | "<=" | ">" | ">=" | "==" | "!="
/// value      = number | "baseline" [ ("*" | "+" | "-") number ]
/// ```
/// The statistic follows the metric name's last `.` (`optimizer.lr.final` is `optimizer.lr`'s
/// final value). `final` is the last value as logged, `min` and `max` the smallest and largest
/// finite values, `mean_last_N` the mean of the last N points (`TrailingMean`), `nonfinite` the
/// number of NaN and infinite points. Numbers are decimal literals (`0.8`, `-1e-3`), finite.
/// `baseline` is the same statistic of the run's baseline run (`RunPairing`), times a factor
/// or plus or minus a delta. The bare `nonfinite` fails when any selected metric of any run
/// has a NaN or infinite point.
public struct GateRule: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// What the rule checks.
    public enum Condition: Sendable, Equatable {
        /// A NaN or infinite point in any selected metric of any run fails.
        case nonFinite
        /// A statistic of a metric compared with a threshold; holding fails.
        case metric(MetricCondition)
    }

    /// The rule as written, without the spaces around it.
    public let text: String
    public let condition: Condition

    public init(text: String, condition: Condition) {
        self.text = text
        self.condition = condition
    }

    /// Reads a rule; the error names the column (1-based, in characters of `text` as given).
    public init(parsing text: String) throws(RuleSyntaxError) {
        var parser = RuleParser(text)
        self.init(text: text.trimmingSpaces, condition: try parser.rule())
    }

    /// Whether the rule needs a baseline.
    public var comparesWithBaseline: Bool {
        if case .metric(let m) = condition, case .baseline = m.threshold { return true }
        return false
    }

    public var description: String { text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A statistic of a metric compared with a threshold.
public struct MetricCondition: Sendable, Equatable {
    /// The metric's exact name.
    public let metric: String
    public let statistic: RuleStatistic
    public let comparison: RuleComparison
    public let threshold: RuleThreshold

    public init(metric: String, statistic: RuleStatistic, comparison: RuleComparison, threshold: RuleThreshold) {
        self.metric = metric
        self.statistic = statistic
        self.comparison = comparison
        self.threshold = threshold
    }
}

/// What a rule reads of a metric.
public enum RuleStatistic: Sendable, Equatable, CustomStringConvertible {
    /// The last value as logged.
    case final
    /// The smallest finite value.
    case min
    /// The largest finite value.
    case max
    /// The mean of the last N points.
    case meanOfLast(Int)
    /// How many points are NaN or infinite.
    case nonFiniteCount

    /// The statistic as a rule spells it.
    public var description: String {
        switch self {
        case .final: "final"
        case .min: "min"
        case .max: "max"
        case .meanOfLast(let n): "mean_last_\(n)"
        case .nonFiniteCount: "nonfinite"
        }
    }

    /// The statistic of `metric`: nil when it has none (no points; for min and max, no finite
    /// point). `final` and `meanOfLast` may be NaN or infinite.
    public func value(of metric: Metric) -> Double? {
        switch self {
        case .final: metric.points.last?.value
        case .min: MetricSummary(metric).min?.value
        case .max: MetricSummary(metric).max?.value
        case .meanOfLast(let n): TrailingMean(metric, window: n)?.value
        case .nonFiniteCount: Double(metric.points.lazy.filter { !$0.value.isFinite }.count)
        }
    }
}

/// How a rule compares a statistic with its threshold.
public enum RuleComparison: String, Sendable, Equatable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    /// Whether `value` compared with `limit` holds (exactly, as Doubles compare).
    public func holds(_ value: Double, _ limit: Double) -> Bool {
        switch self {
        case .less: value < limit
        case .lessOrEqual: value <= limit
        case .greater: value > limit
        case .greaterOrEqual: value >= limit
        case .equal: value == limit
        case .notEqual: value != limit
        }
    }
}

/// What a rule compares with.
public enum RuleThreshold: Sendable, Equatable {
    /// A fixed, finite number.
    case number(Double)
    /// The same statistic of the run's baseline run, adjusted.
    case baseline(BaselineAdjustment)

    /// The limit for a run whose baseline statistic is `baseline` (nil without one).
    public func limit(baseline: Double?) -> Double? {
        switch self {
        case .number(let x): return x
        case .baseline(let adjustment):
            guard let baseline else { return nil }
            switch adjustment {
            case .none: return baseline
            case .times(let factor): return baseline * factor
            case .plus(let delta): return baseline + delta
            }
        }
    }
}

/// `baseline`, `baseline * FACTOR`, `baseline + DELTA` (`baseline - DELTA` is a negative delta).
public enum BaselineAdjustment: Sendable, Equatable {
    case none
    case times(Double)
    case plus(Double)
}

/// A rule that cannot be read: where (the 1-based column, in characters) and why.
public struct RuleSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule as given.
    public let rule: String
    public let column: Int
    public let message: String

    public init(rule: String, column: Int, _ message: String) {
        self.rule = rule
        self.column = column
        self.message = message
    }

    /// `column 17: expected a number or baseline after '>'`.
    public var description: String { "column \(column): \(message)" }
}

extension String {
    /// The text without the white space around it.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
