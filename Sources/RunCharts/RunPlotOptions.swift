import LossPlotCharts
import Phrasing

/// What the x axis of a run chart counts.
public enum RunXAxis: String, Sendable, CaseIterable {
    /// The logger's step (the epoch for loggers that count only epochs, as Keras' CSVLogger).
    case step
    /// The epoch: the points' logged epoch, or the step of a metric that counts epochs.
    case epoch
    /// Wall time since the run's first logged point.
    case wall
}

/// How a long curve is thinned for drawing.
public enum DownsamplingMethod: String, Sendable, CaseIterable {
    /// The lowest and highest point of each pixel column, in their order: every spike kept,
    /// the drawn line as dense as the full one. The default.
    case minMax = "minmax"
    /// Largest-Triangle-Three-Buckets: one point per bucket, the one making the largest
    /// triangle with its neighbours. Kept for comparison; it can drop a spike (see `Downsampling`).
    case lttb
}

/// How `RunChart` draws runs: which metrics, against what, smoothed, grouped, how big.
public struct RunPlotOptions: Sendable, Equatable {
    /// Glob patterns (`*loss*`, `val_?cc`, `train/[lr]*`); a metric is drawn when one matches.
    /// Empty: every metric.
    public var metricPatterns: [String] = []
    public var x: RunXAxis = .step
    /// TensorBoard's smoothing weight in [0, 1); 0 draws the raw curves only.
    public var smoothing: Double = 0
    public var logX = false
    public var logY = false
    /// Runs whose names give the same match (first capture group, else the whole match) are
    /// drawn as one mean curve with a min-max band. Nil: every run on its own.
    public var groupPattern: String?
    /// The most points drawn per curve; nil gives about two per pixel column of a panel.
    public var maxPoints: Int?
    public var downsampling: DownsamplingMethod = .minMax
    /// The figure's size in pixels at `dpi`; nil sizes it from the panel grid.
    public var widthPixels: Double?
    public var heightPixels: Double?
    public var dpi: Double = 100
    /// The raster multiplier the figure will be drawn at (more pixel columns to fill).
    public var scale: Double = 1
    /// A title over the whole figure.
    public var title: String?

    public init() {}

    /// The smoothing weights accepted: TensorBoard's slider range, 1 excluded (it would stop
    /// the curve at its first value).
    public static let smoothingRange = 0.0..<1.0
    /// The point budgets accepted per curve.
    public static let maxPointsRange = 4...10_000_000

    /// Checks every value against its range; the error mentions the option (`RunPlotOption`).
    public func validate() throws(RunPlotError) {
        guard smoothing.isFinite, Self.smoothingRange.contains(smoothing) else {
            throw RunPlotError("\(option: .smoothing) must be in [0, 1), got \(smoothing)")
        }
        if let maxPoints, !Self.maxPointsRange.contains(maxPoints) {
            throw RunPlotError("\(option: .maxPoints) must be in \(Self.maxPointsRange.lowerBound)...\(Self.maxPointsRange.upperBound), got \(maxPoints)")
        }
        for p in metricPatterns where p.isEmpty {
            throw RunPlotError("\(option: .metricPatterns) needs glob patterns separated by commas, e.g. '*loss*,val_*'")
        }
        if let groupPattern { _ = try RunGrouping(pattern: groupPattern) }
        guard dpi.isFinite, dpi >= 1, dpi <= 1000 else { throw RunPlotError("dpi must be in [1, 1000], got \(dpi)") }
        do { try PixelScale.check(scale) } catch { throw RunPlotError("\(option: .scale) \(error)") }
        for v in [widthPixels, heightPixels].compactMap({ $0 }) where !(v.isFinite && v >= 100 && v <= 20000) {
            throw RunPlotError("\(option: .widthAndHeight) must be between 100 and 20000 pixels")
        }
    }
}

/// Why runs cannot be drawn: one line for the user.
public struct RunPlotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, options mentioned as terms.
    public let message: RunPlotMessage
    public init(_ message: RunPlotMessage) { self.message = message }
    /// The message with options under their `RunPlotOptions` names.
    public var description: String { message.description }
}

/// An option of a run chart as messages mention it, by its `RunPlotOptions` name; a caller names
/// it its own way (the command line as a flag).
public enum RunPlotOption: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case metricPatterns, x, smoothing, groupPattern, maxPoints, scale
    /// `widthPixels` and `heightPixels`, named together.
    case widthAndHeight

    public var description: String { self == .widthAndHeight ? "widthPixels and heightPixels" : rawValue }
}

/// A message or warning about a run chart, options left for the caller to name.
public typealias RunPlotMessage = Phrase<RunPlotOption>

extension Phrase.StringInterpolation where Term == RunPlotOption {
    /// A mention of an option.
    public mutating func appendInterpolation(option: RunPlotOption) { append(.term(option)) }
}
