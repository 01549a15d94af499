import Foundation

/// One axis as drawn: its view interval, scale, ticks and tick labels.
public struct AxisView: Equatable, Sendable {
    public var scale: AxisScale
    public var lower: Double
    public var upper: Double
    /// Ticks inside the view interval.
    public var ticks: [Double]
    /// Unlabelled minor ticks inside the view: on a log axis spanning at most ten decades,
    /// 2...9 times each power of ten (matplotlib's `LogLocator(subs='auto')`); none on linear axes.
    public var minorTicks: [Double] = []
    public var labels: [String]
    /// "1e6" when labels are scaled by a power of ten.
    public var offsetLabel: String?

    /// The view for `data` (finite values only) on an axis `length` points long, ticked and
    /// labelled by its scale's strategies. Fixed limits win; otherwise matplotlib's 5% margins
    /// around the data.
    public init(data: [Double], fixed: ClosedRange<Double>?, scale: AxisScale, length: Double, fontSize: Double, vertical: Bool) {
        let (lo, hi) = fixed.map { ($0.lowerBound, $0.upperBound) } ?? AxisView.autoLimits(data, scale: scale)
        self.init(lower: lo, upper: hi, scale: scale, space: TickSpace(length: length, fontSize: fontSize, vertical: vertical),
                  locator: scale.tickLocator, formatter: scale.tickFormatter)
    }

    /// The view [lower, upper] mapped by `scale`, its ticks from `locator` and their labels from
    /// `formatter`: any strategies, the scale's own or a chart's.
    public init(lower: Double, upper: Double, scale: AxisScale, space: TickSpace, locator: any TickLocating, formatter: any TickFormatting) {
        self.scale = scale
        self.lower = lower
        self.upper = upper
        let located = locator.locate(lower: lower, upper: upper, space: space)
        let text = formatter.labels(for: located, lower: lower, upper: upper)
        ticks = located.major
        minorTicks = located.minor
        labels = text.labels
        offsetLabel = text.offset
    }

    /// Where `value` falls along the axis, 0 at `lower` and 1 at `upper` (NaN when it cannot be shown).
    public func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear:
            let span = upper - lower
            if span.isFinite { return (value - lower) / span }
            // Wider than Float64 can hold (e.g. -1e308...1e308): the same in halves.
            return (value / 2 - lower / 2) / (upper / 2 - lower / 2)
        case .log:
            guard value > 0 else { return .nan }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// Data limits widened by 5% on each side (in log space on a log axis), never empty, always
    /// finite: data within 2.2e-288 of 0 gets matplotlib's [-0.05, 0.05] (its `nonsingular`), and
    /// margins that would pass Float64's limits stop at them (the range itself is halved first
    /// when it is wider than Float64: -1e308...1e308).
    public static func autoLimits(_ data: [Double], scale: AxisScale) -> (Double, Double) {
        let values = scale == .log ? data.filter { $0 > 0 && $0.isFinite }.map(log10) : data.filter { $0.isFinite }
        guard var lo = values.min(), var hi = values.max() else {
            return scale == .log ? (1, 10) : (0, 1)
        }
        if max(abs(lo), abs(hi)) < 1e20 * Double.leastNormalMagnitude {
            (lo, hi) = (-0.05, 0.05)
        } else if hi - lo <= max(abs(lo), abs(hi)) * 1e-14 {
            let d = lo == 0 ? 0.05 : abs(lo) * 0.05
            lo = finite(lo - d); hi = finite(hi + d)
        }
        let m = part(0.05, of: lo, hi)
        lo = finite(lo - m); hi = finite(hi + m)
        guard scale == .log else { return (lo, hi) }
        return (max(pow(10, lo), Double.leastNonzeroMagnitude), min(pow(10, hi), Double.greatestFiniteMagnitude))
    }

    /// `fraction` x (hi - lo) for a fraction below 1/2, finite for any finite ends: through the
    /// half-span when the span itself overflows, the usual product (bit for bit) otherwise.
    static func part(_ fraction: Double, of lo: Double, _ hi: Double) -> Double {
        let d = hi - lo
        return d.isFinite ? d * fraction : (hi / 2 - lo / 2) * (2 * fraction)
    }

    /// `x` clamped to the finite numbers.
    static func finite(_ x: Double) -> Double {
        min(max(x, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
    }
}

/// Maps data coordinates into the figure rectangle of one axes.
public struct DataTransform: Sendable {
    public var frame: Rect
    public var x: AxisView
    public var y: AxisView

    public func point(_ dx: Double, _ dy: Double) -> Point {
        Point(frame.minX + x.fraction(dx) * frame.width, frame.maxY - y.fraction(dy) * frame.height)
    }
}
