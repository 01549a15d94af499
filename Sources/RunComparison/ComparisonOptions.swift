import Phrasing

/// How `ComparedRuns` compares this branch's runs with the baseline's: which metrics, which way
/// each is better, and how many last points the trailing mean averages.
public struct ComparisonOptions: Sendable, Equatable {
    /// Glob patterns (`MetricSelection`) of the metrics to tabulate. Empty: every metric.
    public var metricPatterns: [String] = []
    /// Glob patterns of metrics where a larger value is better, whatever their names say.
    public var higherIsBetter: [String] = []
    /// Glob patterns of metrics where a smaller value is better, whatever their names say.
    public var lowerIsBetter: [String] = []
    /// How many last points `MetricStatistics.trailingMean` averages.
    public var meanWindow: Int = ComparisonOptions.defaultMeanWindow

    public static let defaultMeanWindow = 5
    /// The largest trailing window, for the statistics and for rules (`mean_last_N`).
    public static let meanWindowRange = 1...1_000_000

    public init(metricPatterns: [String] = [], higherIsBetter: [String] = [], lowerIsBetter: [String] = [],
                meanWindow: Int = ComparisonOptions.defaultMeanWindow) {
        self.metricPatterns = metricPatterns
        self.higherIsBetter = higherIsBetter
        self.lowerIsBetter = lowerIsBetter
        self.meanWindow = meanWindow
    }

    /// Checks every value against its range; the error mentions the option.
    public func validate() throws(ComparisonError) {
        for (patterns, option) in [(metricPatterns, ComparisonOption.metricPatterns), (higherIsBetter, .higherIsBetter), (lowerIsBetter, .lowerIsBetter)]
        where patterns.contains(where: \.isEmpty) {
            throw .usage("\(option: option) needs glob patterns separated by commas, e.g. '*loss*,val_*'")
        }
        guard Self.meanWindowRange.contains(meanWindow) else {
            throw .usage("\(option: .meanWindow) must be in \(Self.meanWindowRange.lowerBound)...\(Self.meanWindowRange.upperBound), got \(meanWindow)")
        }
    }
}

/// An option of a comparison, a gate or a summary as messages mention it; a caller names it its
/// own way (the command line as a flag).
public enum ComparisonOption: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case metricPatterns, higherIsBetter, lowerIsBetter, meanWindow
    /// The baseline's runs.
    case baseline
    /// The gate's rules.
    case rules
    /// `SummaryMarkdown`'s bound on its length.
    case maxCharacters
    /// The summary's link line.
    case artifactLink
    /// The summary as JSON (`SummaryDocument`), which is never cut: what the Markdown's note
    /// points to for the rows it left out.
    case jsonForm

    public var description: String { rawValue }
}

/// A message about a comparison, a gate or a summary, options left for the caller to name.
public typealias ComparisonMessage = Phrase<ComparisonOption>

extension Phrase.StringInterpolation where Term == ComparisonOption {
    /// A mention of an option.
    public mutating func appendInterpolation(option: ComparisonOption) { append(.term(option)) }
}

/// Why runs cannot be compared or summarised: the request is wrong (usage: a bad pattern, a rule
/// against a baseline that was not given, a bound too small to hold the gate), or the runs are
/// (data: no metric selected).
public struct ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whose fault it is.
    public enum Kind: Sendable, Equatable {
        case usage
        case data
    }

    public let kind: Kind
    public let message: ComparisonMessage

    public init(_ kind: Kind, _ message: ComparisonMessage) {
        self.kind = kind
        self.message = message
    }

    public static func usage(_ message: ComparisonMessage) -> ComparisonError { ComparisonError(.usage, message) }
    public static func data(_ message: ComparisonMessage) -> ComparisonError { ComparisonError(.data, message) }

    /// The message with options under their own names.
    public var description: String { message.description }
}
