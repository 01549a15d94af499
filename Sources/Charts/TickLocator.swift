import Foundation

/// Chooses tick positions for a view interval: matplotlib's MaxNLocator as AutoLocator configures
/// it (steps 1, 2, 2.5, 5, 10; at least two ticks inside the view).
public struct TickLocator: Equatable, Sendable {
    /// The largest number of intervals wanted; AutoLocator derives it from the axis length.
    public var maxBins: Int
    public var steps: [Double]
    public var minTicks: Int

    public init(maxBins: Int = 9, steps: [Double] = [1, 2, 2.5, 5, 10], minTicks: Int = 2) {
        self.maxBins = maxBins; self.steps = steps; self.minTicks = minTicks
    }

    /// AutoLocator's bin count for an axis `length` points long with tick labels of `fontSize`:
    /// one bin per three label heights on x, two on y, clipped to 1...9 (matplotlib's get_tick_space).
    public static func auto(axisLength length: Double, fontSize: Double, vertical: Bool) -> TickLocator {
        let space = Int((length / (fontSize * (vertical ? 2 : 3))).rounded(.down))
        return TickLocator(maxBins: min(max(space, 1), 9))
    }

    /// Tick values covering [vmin, vmax]; may include one tick beyond each end, as matplotlib's do.
    ///
    /// Always a short, finite, ascending list: empty for a non-finite end; near the ends of Float64,
    /// where a step or the tick past an end would overflow (matplotlib fails there: "arange: cannot
    /// compute length"), the ticks of the interval divided by its power of ten, scaled back, with
    /// those beyond Float64 left out.
    public func ticks(_ vmin: Double, _ vmax: Double) -> [Double] {
        guard vmin.isFinite, vmax.isFinite else { return [] }
        var (lo, hi) = TickLocator.nonsingular(min(vmin, vmax), max(vmin, vmax))
        lo = max(lo, -Double.greatestFiniteMagnitude)
        hi = min(hi, Double.greatestFiniteMagnitude)
        if let ticks = maxNTicks(lo, hi) { return ticks }
        let power = pow(10, floor(log10(max(abs(lo), abs(hi)))))
        guard power.isFinite, power > 0, let scaled = maxNTicks(lo / power, hi / power) else { return [] }
        return scaled.map { $0 * power }.filter { $0.isFinite }
    }

    /// The largest number of tick steps a candidate step may make (matplotlib's come to about
    /// 100 x maxBins at most): beyond it the interval is not one this arithmetic can tick.
    static let stepLimit = 10_000.0

    /// matplotlib's MaxNLocator._raw_ticks, bit for bit; nil when some step, edge or tick of
    /// [lo, hi] is not a finite number (the interval is too close to Float64's limits).
    func maxNTicks(_ vmin: Double, _ vmax: Double) -> [Double]? {
        let bins = Double(max(1, maxBins))
        let (scale, offset) = TickLocator.scaleRange(vmin, vmax, bins: bins)
        let lo = vmin - offset, hi = vmax - offset
        let rawStep = (hi - lo) / bins
        guard scale.isFinite, scale > 0, rawStep.isFinite, lo.isFinite, hi.isFinite else { return nil }
        let steps = usableSteps
        let extended = steps.dropLast().map { $0 * 0.1 } + steps + [10 * steps[min(1, steps.count - 1)]]
        let scaled = extended.map { $0 * scale }
        let firstLarge = scaled.firstIndex(where: { $0 >= rawStep }) ?? (scaled.count - 1)
        var ticks: [Double] = []
        for step in scaled[...firstLarge].reversed() {
            let bestMin = pythonDivmod(lo, step).quotient * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.le(lo - bestMin)
            let high = edge.ge(hi - bestMin)
            guard step.isFinite, bestMin.isFinite, high >= low, high - low <= TickLocator.stepLimit else { return nil }
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + bestMin }
            let inside = ticks.filter { $0 <= hi && $0 >= lo }.count
            if inside >= minTicks { break }
        }
        let located = ticks.map { $0 + offset }
        return located.allSatisfy(\.isFinite) ? located : nil
    }

    /// `steps` as the locator can use them: finite, positive, ascending; matplotlib's default when
    /// none is.
    var usableSteps: [Double] {
        let valid = steps.filter { $0.isFinite && $0 > 0 }.sorted()
        return valid.isEmpty ? [1, 2, 2.5, 5, 10] : valid
    }

    /// matplotlib's scale_range: the power of ten of one bin, and an offset for far-from-zero ranges.
    static func scaleRange(_ vmin: Double, _ vmax: Double, bins: Double) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if abs(meanv) / dv >= 100 {
            offset = (meanv < 0 ? -1 : 1) * pow(10, floor(log10(abs(meanv))))
        }
        let scale = pow(10, floor(log10(dv / bins)))
        return (scale, offset)
    }

    /// matplotlib's nonsingular: widen a zero-width or denormal interval.
    static func nonsingular(_ vmin: Double, _ vmax: Double, expander: Double = 1e-13, tiny: Double = 1e-14) -> (Double, Double) {
        let maxabs = max(abs(vmin), abs(vmax))
        if maxabs < (1e6 / tiny) * Double.leastNormalMagnitude { return (-expander, expander) }
        if vmax - vmin <= maxabs * tiny {
            if vmax == 0 && vmin == 0 { return (-expander, expander) }
            return (vmin - expander * abs(vmin), vmax + expander * abs(vmax))
        }
        return (vmin, vmax)
    }

    /// matplotlib's _Edge_integer: floor/ceil of x/step that forgives float noise.
    struct EdgeInteger {
        let step: Double
        let offset: Double
        init(step: Double, offset: Double) { self.step = step; self.offset = abs(offset) }

        func closeTo(_ ms: Double, _ edge: Double) -> Bool {
            var tol = 1e-10
            if offset > 0 {
                let digits = log10(offset / step)
                tol = min(0.4999, max(1e-10, pow(10, digits - 12)))
            }
            return abs(ms - edge) < tol
        }
        func divmod(_ x: Double) -> (Double, Double) {
            let r = pythonDivmod(x, step)
            return (r.quotient, r.remainder)
        }
        func le(_ x: Double) -> Double {
            let (d, m) = divmod(x)
            return closeTo(m / step, 1) ? d + 1 : d
        }
        func ge(_ x: Double) -> Double {
            let (d, m) = divmod(x)
            return closeTo(m / step, 0) ? d : d + 1
        }
    }
}

/// Python's float `divmod(x, y)` (floor quotient, remainder with y's sign), bit for bit: the
/// locator's edges depend on its rounding.
func pythonDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var mod = fmod(x, y)
    var div = (x - mod) / y
    if mod != 0 {
        if (y < 0) != (mod < 0) { mod += y; div -= 1 }
    } else {
        mod = copysign(0, y)
    }
    var floorDiv: Double
    if div != 0 {
        floorDiv = floor(div)
        if div - floorDiv > 0.5 { floorDiv += 1 }
    } else {
        floorDiv = copysign(0, x / y)
    }
    return (floorDiv, mod)
}

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

    public func ticks(_ vmin: Double, _ vmax: Double) -> [Double] {
        guard vmin > 0, vmax > 0, vmin.isFinite, vmax.isFinite else { return [] }
        let lo = floor(log10(min(vmin, vmax))), hi = ceil(log10(max(vmin, vmax)))
        let decades = Int(hi - lo)
        let stride = max(1, Int((Double(decades) / Double(max(1, maxTicks))).rounded(.up)))
        // 10^309 overflows and 10^-324 underflows: those decades have no tick.
        return Swift.stride(from: Int(lo), through: Int(hi), by: stride).map { pow(10, Double($0)) }.filter { $0.isFinite && $0 > 0 }
    }
}
