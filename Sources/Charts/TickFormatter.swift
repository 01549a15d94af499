import Foundation

/// Tick labels as matplotlib's ScalarFormatter writes them: one number of decimals for the whole
/// axis (as few as keep every tick exact), a real minus sign, and a power of ten moved to the
/// axis corner when the numbers are very large or very small.
public struct TickFormatter: Equatable, Sendable {
    public var decimals: Int
    /// Labels show value / 10^orderOfMagnitude; the axis shows "1eN" when it is not 0.
    public var orderOfMagnitude: Int

    /// The format for `ticks` (all of the locator's ticks) on an axis viewing [vmin, vmax].
    public init(ticks: [Double], viewMin vmin: Double, viewMax vmax: Double, powerLimits: (Int, Int) = (-5, 6)) {
        let lo = min(vmin, vmax), hi = max(vmin, vmax)
        let visible = ticks.filter { $0 >= lo && $0 <= hi }.map(abs)
        var oom = 0
        if let top = visible.max(), top > 0 {
            let o = Int(floor(log10(top)))
            if o <= powerLimits.0 || o >= powerLimits.1 { oom = o }
        }
        orderOfMagnitude = oom
        var locs = (ticks.count < 2 ? ticks + [vmin, vmax] : ticks).map { $0 / pow(10, Double(oom)) }
        var range = (locs.max() ?? 0) - (locs.min() ?? 0)
        if range == 0 { range = locs.map(abs).max() ?? 0 }
        if range == 0 { range = 1 }
        if ticks.count < 2 { locs = Array(locs.dropLast(2)) }
        let rangeOom = Int(floor(log10(range)))
        var sigfigs = max(0, 3 - rangeOom)
        let thresh = 1e-3 * pow(10, Double(rangeOom))
        while sigfigs >= 0 {
            let p = pow(10, Double(sigfigs))
            let err = locs.map { abs($0 - ($0 * p).rounded(.toNearestOrEven) / p) }.max() ?? 0
            if err < thresh { sigfigs -= 1 } else { break }
        }
        decimals = sigfigs + 1
    }

    /// The label of one tick: "0.5", "−2", "25".
    public func label(_ value: Double) -> String {
        var v = value / pow(10, Double(orderOfMagnitude))
        if abs(v) < 1e-8 { v = 0 }
        let s = String(format: "%.\(decimals)f", v)
        return s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
    }

    /// The power of ten shown at the axis corner ("1e6"), nil when labels are plain.
    public var offsetLabel: String? {
        guard orderOfMagnitude != 0 else { return nil }
        return "1e" + (orderOfMagnitude < 0 ? "\u{2212}\(-orderOfMagnitude)" : "\(orderOfMagnitude)")
    }

    /// A log axis label: "10ⁿ" with the exponent in superscript digits.
    public static func logLabel(_ value: Double) -> String {
        let e = Int(log10(value).rounded())
        let sup: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var digits = String(abs(e)).compactMap { c in c.wholeNumberValue.map { sup[$0] } }
        if e < 0 { digits.insert("⁻", at: 0) }
        return "10" + String(digits)
    }
}
