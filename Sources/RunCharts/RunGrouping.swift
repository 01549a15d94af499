/// Which runs are drawn together: runs whose names give the same match of a regular
/// expression (its first capture group, else the whole match) form one group, such as the
/// seeds of one configuration (`--group 'lr=[^/]*'` or `--group '(.*)/seed'`). A run whose
/// name does not match stays on its own.
public struct RunGrouping {
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>

    public init(pattern: String) throws(RunPlotError) {
        self.pattern = pattern
        do { regex = try Regex(pattern) } catch {
            throw RunPlotError("\(option: .groupPattern) '\(pattern)' is not a regular expression: \(error)")
        }
    }

    /// The group `name` belongs to, nil when the pattern does not match it.
    public func key(for name: String) -> String? {
        guard let match = try? regex.firstMatch(in: name) else { return nil }
        if match.output.count > 1, let group = match.output[1].substring { return String(group) }
        return match.output[0].substring.map(String.init)
    }
}

/// Several curves combined pointwise: their mean and their lowest and highest value at each x.
public struct GroupAggregate: Sendable, Equatable {
    public var x: [Double]
    public var mean: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// How many curves gave a value at each x.
    public var count: [Int]

    /// Combines curves given as (x non-decreasing, finite y). At each x of their union a curve
    /// contributes its value there, or the straight line between its neighbouring points; it
    /// contributes nothing outside its own x range. A repeated x counts with its last value.
    /// When the union is much longer than the longest curve (members logged at different x),
    /// an evenly spaced grid of the longest curve's length is used instead.
    public init(curves: [(x: [Double], y: [Double])]) {
        let members = curves.map(Self.lastPerX).filter { !$0.x.isEmpty }
        let longest = members.map(\.x.count).max() ?? 0
        var grid = Array(Set(members.flatMap(\.x))).sorted()
        if grid.count > 2 * longest, let lo = grid.first, let hi = grid.last, longest > 1 {
            // Weighted ends, not lo + (hi - lo) * t: hi - lo overflows for a wide enough range.
            grid = (0..<longest).map { i in
                let t = Double(i) / Double(longest - 1)
                return i == longest - 1 ? hi : (1 - t) * lo + t * hi
            }
        }
        var mean = [Double](repeating: 0, count: grid.count)
        var lower = [Double](repeating: .infinity, count: grid.count)
        var upper = [Double](repeating: -.infinity, count: grid.count)
        var count = [Int](repeating: 0, count: grid.count)
        for m in members {
            var j = 0
            for (g, gx) in grid.enumerated() {
                guard let first = m.x.first, let last = m.x.last, gx >= first, gx <= last else { continue }
                while j + 1 < m.x.count, m.x[j + 1] <= gx { j += 1 }
                let v: Double
                if m.x[j] == gx || j + 1 >= m.x.count {
                    v = m.y[j]
                } else {
                    // Halves first: the differences of finite x can overflow.
                    let t = (gx / 2 - m.x[j] / 2) / (m.x[j + 1] / 2 - m.x[j] / 2)
                    // Weighted, not a + t * (b - a): b - a overflows for finite values of opposite signs.
                    v = (1 - t) * m.y[j] + t * m.y[j + 1]
                }
                count[g] += 1
                // A running mean: a plain sum of large finite values could overflow.
                let k = Double(count[g])
                mean[g] += v / k - mean[g] / k
                lower[g] = min(lower[g], v)
                upper[g] = max(upper[g], v)
            }
        }
        let keep = count.indices.filter { count[$0] > 0 }
        x = keep.map { grid[$0] }
        self.mean = keep.map { mean[$0] }
        self.lower = keep.map { lower[$0] }
        self.upper = keep.map { upper[$0] }
        self.count = keep.map { count[$0] }
    }

    /// The curve with each run of equal x reduced to its last point.
    static func lastPerX(_ c: (x: [Double], y: [Double])) -> (x: [Double], y: [Double]) {
        var x: [Double] = [], y: [Double] = []
        x.reserveCapacity(c.x.count); y.reserveCapacity(c.y.count)
        for (a, b) in zip(c.x, c.y) {
            if let last = x.last, last == a { y[y.count - 1] = b } else { x.append(a); y.append(b) }
        }
        return (x, y)
    }
}
