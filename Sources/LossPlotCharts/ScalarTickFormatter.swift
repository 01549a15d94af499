import Foundation

/// The labels of a linear axis as matplotlib's ScalarFormatter writes them.
public struct ScalarTickFormatter: TickFormatting, Equatable {
    /// Labels scaled by a power of ten below 10^powerLimits.0 or from 10^powerLimits.1
    /// (matplotlib's `axes.formatter.limits`).
    public var powerLimits: (Int, Int)
    /// matplotlib's `axes.formatter.offset_threshold` (nil: never an offset).
    public var offsetThreshold: Int?

    public init(powerLimits: (Int, Int) = (-5, 6), offsetThreshold: Int? = 4) {
        self.powerLimits = powerLimits; self.offsetThreshold = offsetThreshold
    }

    public static func == (a: ScalarTickFormatter, b: ScalarTickFormatter) -> Bool {
        a.powerLimits == b.powerLimits && a.offsetThreshold == b.offsetThreshold
    }

    /// One format chosen from all the located ticks, then each major tick written in it.
    public func labels(for ticks: LocatedTicks, lower: Double, upper: Double) -> TickLabels {
        let format = ScalarTickFormat(ticks: ticks.all, viewMin: lower, viewMax: upper, powerLimits: powerLimits, offsetThreshold: offsetThreshold)
        return TickLabels(labels: ticks.major.map(format.label), offset: format.offsetLabel)
    }
}

/// The format of one linear axis' labels, as matplotlib's ScalarFormatter chooses it: one number
/// of decimals for the whole axis (as few as keep every tick exact), a real minus sign, an offset
/// subtracted from every tick when the ticks share their leading digits ("+1e6"), and a power of
/// ten moved to the axis corner when the numbers are very large or very small ("1e−9").
public struct ScalarTickFormat: Equatable, Sendable {
    public var decimals: Int
    /// Labels show (value − offset) / 10^orderOfMagnitude; the axis corner says both.
    public var orderOfMagnitude: Int
    /// Subtracted from every tick before it is written (0: none).
    public var offset: Double = 0

    /// The format for `ticks` (all of the locator's ticks) on an axis viewing [vmin, vmax].
    /// `offsetThreshold` is matplotlib's `axes.formatter.offset_threshold` (nil: never offset).
    public init(ticks: [Double], viewMin vmin: Double, viewMax vmax: Double, powerLimits: (Int, Int) = (-5, 6),
                offsetThreshold: Int? = 4) {
        let lo = min(vmin, vmax), hi = max(vmin, vmax)
        let visible = ticks.filter { $0 >= lo && $0 <= hi }
        offset = offsetThreshold.map { ScalarTickFormat.offset(visible: visible, threshold: $0) } ?? 0
        var oom = 0
        if !visible.isEmpty {
            let o: Int
            if offset != 0 {
                // The view is wider than the visible ticks' spread, so positive; halved when it
                // overflows (a view across all of Float64).
                let width = hi - lo
                o = Int(floor(width.isFinite ? log10(width) : log10(hi / 2 - lo / 2) + log10(2.0)))
            } else if let top = visible.map(abs).max(), top > 0 {
                o = Int(floor(log10(top)))
            } else {
                o = 0
            }
            if o <= powerLimits.0 || o >= powerLimits.1 { oom = o }
        }
        orderOfMagnitude = oom
        let off = offset
        var locs = (ticks.count < 2 ? ticks + [vmin, vmax] : ticks).map { ($0 - off) / pow(10, Double(oom)) }
        var range = (locs.max() ?? 0) - (locs.min() ?? 0)
        if range == 0 { range = locs.map(abs).max() ?? 0 }
        if range == 0 || !range.isFinite { range = 1 }
        if ticks.count < 2 { locs = Array(locs.dropLast(2)) }
        let rangeOom = Int(floor(log10(range)))
        var sigfigs = max(0, 3 - rangeOom)
        let thresh = 1e-3 * pow(10, Double(rangeOom))
        while sigfigs >= 0 {
            let err = locs.map { abs($0 - ScalarTickFormat.numpyRound($0, decimals: sigfigs)) }.max() ?? 0
            if err < thresh { sigfigs -= 1 } else { break }
        }
        decimals = sigfigs + 1
    }

    /// numpy's `round(x, decimals)`: scale, round half to even, scale back.
    static func numpyRound(_ x: Double, decimals: Int) -> Double {
        let p = pow(10, Double(decimals))
        return (x * p).rounded(.toNearestOrEven) / p
    }

    /// matplotlib's `_compute_offset`: the shared leading digits of the visible ticks, when they
    /// all have one sign and sharing saves at least `threshold` digits.
    static func offset(visible locs: [Double], threshold: Int) -> Double {
        guard let lmin = locs.min(), let lmax = locs.max(), lmin != lmax, !(lmin <= 0 && 0 <= lmax) else { return 0 }
        let absMin = min(abs(lmin), abs(lmax)), absMax = max(abs(lmin), abs(lmax))
        let sign: Double = lmin < 0 ? -1 : 1
        let oomMax = ceil(log10(absMax))
        guard oomMax.isFinite else { return 0 }
        func floorDiv(_ a: Double, _ oom: Double) -> Double { pythonDivmod(a, pow(10, oom)).quotient }
        var oom = oomMax
        // The smallest power of ten at which the two ends still differ, plus one.
        while floorDiv(absMin, oom) == floorDiv(absMax, oom) && oom > oomMax - 400 { oom -= 1 }
        oom += 1
        if (absMax - absMin) / pow(10, oom) <= 1e-2 {
            // Straddling a multiple of a large power of ten: ends no more than 1 apart at that precision.
            oom = oomMax
            while !(floorDiv(absMax, oom) - floorDiv(absMin, oom) > 1) && oom > oomMax - 400 { oom -= 1 }
            oom += 1
        }
        let lead = floorDiv(absMax, oom)
        return lead >= pow(10, Double(threshold - 1)) ? sign * lead * pow(10, oom) : 0
    }

    /// The label of one tick: "0.5", "−2", "25".
    public func label(_ value: Double) -> String {
        var v = (value - offset) / pow(10, Double(orderOfMagnitude))
        if abs(v) < 1e-8 { v = 0 }
        let s = String(format: "%.\(decimals)f", v)
        return ScalarTickFormat.realMinus(s)
    }

    /// The text at the axis corner: "1e6", "+1e6", "1e−5+1.2345e5"; nil when labels are plain.
    public var offsetLabel: String? {
        guard orderOfMagnitude != 0 || offset != 0 else { return nil }
        var s = ""
        if orderOfMagnitude != 0 { s += "1e\(orderOfMagnitude)" }
        if offset != 0 { s += (offset > 0 ? "+" : "") + ScalarTickFormat.formatData(offset) }
        return ScalarTickFormat.realMinus(s)
    }

    /// matplotlib's `format_data`: a short significand and a power of ten ("1.2345e5").
    static func formatData(_ value: Double) -> String {
        let e = Int(floor(log10(abs(value))))
        let s = (value / pow(10, Double(e)) * 1e10).rounded(.toNearestOrEven) / 1e10
        let significand = s.truncatingRemainder(dividingBy: 1) == 0 ? String(Int(s)) : String(format: "%1.10g", s)
        return e == 0 ? significand : "\(significand)e\(e)"
    }

    /// ASCII hyphen-minus signs replaced by U+2212, as matplotlib's `axes.unicode_minus`.
    static func realMinus(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "\u{2212}") }
}
