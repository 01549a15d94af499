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

    /// The view for `data` (finite values only) on an axis `length` points long.
    /// Fixed limits win; otherwise matplotlib's 5% margins around the data.
    public init(data: [Double], fixed: ClosedRange<Double>?, scale: AxisScale, length: Double, fontSize: Double, vertical: Bool) {
        self.scale = scale
        let (lo, hi) = fixed.map { ($0.lowerBound, $0.upperBound) } ?? AxisView.autoLimits(data, scale: scale)
        lower = lo; upper = hi
        switch scale {
        case .linear:
            let all = TickLocator.auto(axisLength: length, fontSize: fontSize, vertical: vertical).ticks(lo, hi)
            let fmt = TickFormatter(ticks: all, viewMin: lo, viewMax: hi)
            let eps = (hi - lo) * 1e-10
            ticks = all.filter { $0 >= lo - eps && $0 <= hi + eps }
            labels = ticks.map(fmt.label)
            offsetLabel = fmt.offsetLabel
        case .log:
            let inView = { (v: Double) in v >= lo * (1 - 1e-10) && v <= hi * (1 + 1e-10) }
            ticks = LogTickLocator().ticks(lo, hi).filter(inView)
            labels = ticks.map(TickFormatter.logLabel)
            if ticks.count < 2 {
                // Less than a decade in view: label the in-between multiples, as matplotlib labels
                // its minor log ticks ("3×10⁻¹"), thinned to 1, 2, 5 when there are many.
                var subs = LogTickLocator.multiples(lo, hi, mantissas: Array(1...9)).filter(inView)
                if subs.count > 8 { subs = LogTickLocator.multiples(lo, hi, mantissas: [1, 2, 5]).filter(inView) }
                if subs.count >= 2 {
                    ticks = subs
                    labels = subs.map(TickFormatter.logLabel)
                }
            }
            if log10(hi / lo) <= 10 {
                let major = Set(ticks)
                minorTicks = LogTickLocator.multiples(lo, hi, mantissas: Array(2...9)).filter { inView($0) && !major.contains($0) }
            }
            offsetLabel = nil
        }
    }

    /// Where `value` falls along the axis, 0 at `lower` and 1 at `upper` (NaN when it cannot be shown).
    public func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear:
            return (value - lower) / (upper - lower)
        case .log:
            guard value > 0 else { return .nan }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// Data limits widened by 5% on each side (in log space on a log axis), never empty.
    public static func autoLimits(_ data: [Double], scale: AxisScale) -> (Double, Double) {
        let values = scale == .log ? data.filter { $0 > 0 }.map(log10) : data.filter { $0.isFinite }
        guard var lo = values.min(), var hi = values.max() else {
            return scale == .log ? (1, 10) : (0, 1)
        }
        if hi - lo <= max(abs(lo), abs(hi)) * 1e-14 {
            let d = lo == 0 ? 0.05 : abs(lo) * 0.05
            lo -= d; hi += d
        }
        let m = (hi - lo) * 0.05
        lo -= m; hi += m
        return scale == .log ? (pow(10, lo), pow(10, hi)) : (lo, hi)
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
