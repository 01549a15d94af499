import Foundation

/// Thinning a long curve for drawing without losing what the eye would see.
///
/// `minMax` splits the x range into pixel columns and keeps, in each, the lowest and the
/// highest point in their order. A line through all the points of a column covers exactly
/// that span, so the thinned line fills the same pixels as the full one: every spike and dip
/// stays, and so do the global minimum and maximum. This is what `RunChart` draws with.
///
/// `lttb` (Steinarsson's Largest-Triangle-Three-Buckets) keeps one point per bucket of equal
/// point counts: the one making the largest triangle with the previous kept point and the
/// next bucket's mean. It draws a thinner, calmer line, but two spikes in one bucket (or a
/// spike and a dip) come out as one, and the noise band of a long noisy run shrinks to a
/// single path through it: the curve reads smoother than it was logged. Kept to compare.
public enum Downsampling {
    /// The indices to keep (ascending) of a curve with non-decreasing `x`, for `budget`
    /// points at most (plus the first and last). Shorter curves are kept whole.
    public static func indices(x: [Double], y: [Double], budget: Int, method: DownsamplingMethod, range: ClosedRange<Double>? = nil, logX: Bool = false) -> [Int] {
        let n = min(x.count, y.count)
        guard n > max(budget, 2) else { return Array(0..<n) }
        switch method {
        case .minMax: return minMax(x: x, y: y, columns: max(1, budget / 2), range: range, logX: logX)
        case .lttb: return lttb(x: x, y: y, threshold: max(3, budget))
        }
    }

    /// The column of `value` among `columns` equal columns over `lo...hi` (clamped; the first
    /// when the position cannot be told, as when the range overflows to infinity).
    @inline(__always)
    static func column(_ value: Double, lo: Double, width: Double, columns: Int) -> Int {
        let r = width > 0 ? (value - lo) / width : 0
        guard r >= 0 else { return 0 }  // also NaN
        return r >= Double(columns) ? columns - 1 : Int(r)
    }

    /// The x range split into columns, in log space on a log axis.
    static func columnScale(x: [Double], range: ClosedRange<Double>?, logX: Bool, columns: Int) -> (lo: Double, width: Double, map: (Double) -> Double) {
        let map: (Double) -> Double = logX ? { log10($0) } : { $0 }
        let lo = map(range?.lowerBound ?? x.first ?? 0), hi = map(range?.upperBound ?? x.last ?? 1)
        return (lo, (hi - lo) / Double(columns), map)
    }

    /// Per pixel column, the indices of its lowest and highest point (first occurrence), in
    /// index order; the curve's first and last points are always kept.
    public static func minMax(x: [Double], y: [Double], columns: Int, range: ClosedRange<Double>? = nil, logX: Bool = false) -> [Int] {
        let n = min(x.count, y.count)
        guard n > 2 else { return Array(0..<n) }
        let (lo, width, map) = columnScale(x: x, range: range, logX: logX, columns: columns)
        var kept: [Int] = [0]
        kept.reserveCapacity(2 * columns + 2)
        var current = -1, low = 0, high = 0
        func flush() {
            guard current >= 0 else { return }
            let a = min(low, high), b = max(low, high)
            if a != kept[kept.count - 1] { kept.append(a) }
            if b != a { kept.append(b) }
        }
        for i in 0..<n {
            let c = column(map(x[i]), lo: lo, width: width, columns: columns)
            if c != current {
                flush()
                current = c; low = i; high = i
            } else {
                if y[i] < y[low] { low = i }
                if y[i] > y[high] { high = i }
            }
        }
        flush()
        if kept[kept.count - 1] != n - 1 { kept.append(n - 1) }
        return kept
    }

    /// Largest-Triangle-Three-Buckets to `threshold` points (the first and last included).
    public static func lttb(x: [Double], y: [Double], threshold: Int) -> [Int] {
        let n = min(x.count, y.count)
        guard threshold >= 3, n > threshold else { return Array(0..<n) }
        let every = Double(n - 2) / Double(threshold - 2)
        var kept = [0]
        kept.reserveCapacity(threshold)
        var a = 0
        for bucket in 0..<(threshold - 2) {
            let start = Int(Double(bucket) * every) + 1
            let end = min(Int(Double(bucket + 1) * every) + 1, n - 1)
            // The next bucket's mean (the last point for the last bucket).
            let nextStart = end, nextEnd = min(Int(Double(bucket + 2) * every) + 1, n)
            var mx = 0.0, my = 0.0
            for j in nextStart..<max(nextEnd, nextStart + 1) { mx += x[j]; my += y[j] }
            let count = Double(max(nextEnd - nextStart, 1))
            mx /= count; my /= count
            var best = start, bestArea = -1.0
            for j in start..<max(end, start + 1) {
                let area = abs((x[a] - mx) * (y[j] - y[a]) - (x[a] - x[j]) * (my - y[a]))
                if area > bestArea { bestArea = area; best = j }
            }
            kept.append(best)
            a = best
        }
        kept.append(n - 1)
        return kept
    }

    /// A band thinned per pixel column: each column's first and last x, with the lowest lower
    /// and the highest upper value of the column at both, so the drawn band covers every
    /// point's spread.
    public static func envelope(x: [Double], lower: [Double], upper: [Double], columns: Int, range: ClosedRange<Double>? = nil, logX: Bool = false) -> (x: [Double], lower: [Double], upper: [Double]) {
        let n = min(x.count, lower.count, upper.count)
        guard n > 2 * columns else { return (Array(x.prefix(n)), Array(lower.prefix(n)), Array(upper.prefix(n))) }
        let (lo, width, map) = columnScale(x: x, range: range, logX: logX, columns: columns)
        var ox: [Double] = [], ol: [Double] = [], ou: [Double] = []
        var current = -1, first = 0, last = 0, low = Double.infinity, high = -Double.infinity
        func flush() {
            guard current >= 0 else { return }
            for i in first == last ? [first] : [first, last] { ox.append(x[i]); ol.append(low); ou.append(high) }
        }
        for i in 0..<n {
            let c = column(map(x[i]), lo: lo, width: width, columns: columns)
            if c != current {
                flush()
                current = c; first = i; low = lower[i]; high = upper[i]
            } else {
                low = min(low, lower[i]); high = max(high, upper[i])
            }
            last = i
        }
        flush()
        return (ox, ol, ou)
    }
}
