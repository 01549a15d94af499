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

extension TickLocator: TickLocating {
    /// This locator's ticks with its own bin count (`space` is not consulted), those within
    /// 1e-10 of the view's span outside it left out of the major ticks.
    public func locate(lower: Double, upper: Double, space: TickSpace) -> LocatedTicks {
        let all = ticks(lower, upper)
        let eps = AxisView.part(1e-10, of: lower, upper)
        return LocatedTicks(all: all, major: all.filter { $0 >= lower - eps && $0 <= upper + eps })
    }
}

/// matplotlib's AutoLocator: a `TickLocator` with one bin per tick label that fits along the
/// axis (`TickSpace.labelCount`), 1 to `maxBins` of them.
public struct AutoTickLocator: TickLocating, Equatable {
    public var maxBins: Int

    public init(maxBins: Int = 9) { self.maxBins = maxBins }

    public func locate(lower: Double, upper: Double, space: TickSpace) -> LocatedTicks {
        TickLocator(maxBins: min(max(space.labelCount, 1), max(maxBins, 1))).locate(lower: lower, upper: upper, space: space)
    }
}
