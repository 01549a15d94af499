import Foundation

/// Tick positions for a log axis: every power of ten in view, thinned when there are many.
public struct LogTickLocator: Equatable, Sendable {
    public var maxTicks: Int
    public init(maxTicks: Int = 9) { self.maxTicks = maxTicks }

    /// Every mantissa x 10^k for the decades that [vmin, vmax] touches, ascending.
    public static func multiples(_ vmin: Double, _ vmax: Double, mantissas: [Int]) -> [Double] {
        guard vmin > 0, vmax > 0, vmin.isFinite, vmax.isFinite else { return [] }
        let lo = Int(floor(log10(min(vmin, vmax)))), hi = Int(ceil(log10(max(vmin, vmax))))
        guard hi - lo < 400 else { return [] }
        // Dividing by a power of ten keeps 3e-1 exactly 0.3 (3 * 0.1 is not).
        let all: [Double] = (lo...hi).flatMap { k in mantissas.map { k < 0 ? Double($0) / pow(10, Double(-k)) : Double($0) * pow(10, Double(k)) } }
        return all.filter { $0.isFinite && $0 > 0 }
    }

    /// Powers of ten covering [vmin, vmax], every `stride`-th when more than `maxTicks` decades.
    public func ticks(_ vmin: Double, _ vmax: Double) -> [Double] {
        guard vmin > 0, vmax > 0, vmin.isFinite, vmax.isFinite else { return [] }
        let lo = floor(log10(min(vmin, vmax))), hi = ceil(log10(max(vmin, vmax)))
        let decades = Int(hi - lo)
        let stride = max(1, Int((Double(decades) / Double(max(1, maxTicks))).rounded(.up)))
        // 10^309 overflows and 10^-324 underflows: those decades have no tick.
        return Swift.stride(from: Int(lo), through: Int(hi), by: stride).map { pow(10, Double($0)) }.filter { $0.isFinite && $0 > 0 }
    }
}

extension LogTickLocator: TickLocating {
    /// The powers of ten in view. Less than a decade in view (fewer than two of them): the
    /// multiples 1...9 of each power in view instead, as matplotlib labels its minor log ticks
    /// ("3×10⁻¹"), thinned to 1, 2, 5 when there are more than 8. Minor ticks, when the view spans
    /// at most ten decades: 2...9 times each power of ten (matplotlib's `LogLocator(subs='auto')`).
    public func locate(lower lo: Double, upper hi: Double, space: TickSpace) -> LocatedTicks {
        let inView = { (v: Double) in v >= lo * (1 - 1e-10) && v <= hi * (1 + 1e-10) }
        var all = ticks(lo, hi)
        var major = all.filter(inView)
        if major.count < 2 {
            var subs = LogTickLocator.multiples(lo, hi, mantissas: Array(1...9))
            if subs.filter(inView).count > 8 { subs = LogTickLocator.multiples(lo, hi, mantissas: [1, 2, 5]) }
            if subs.filter(inView).count >= 2 {
                all = subs
                major = subs.filter(inView)
            }
        }
        var minor: [Double] = []
        if log10(hi / lo) <= 10 {
            let majors = Set(major)
            minor = LogTickLocator.multiples(lo, hi, mantissas: Array(2...9)).filter { inView($0) && !majors.contains($0) }
        }
        return LocatedTicks(all: all, major: major, minor: minor)
    }
}
