/// Class weighting for the classification losses.
public enum ClassWeights {
    /// scikit-learn's "balanced" rule: weight of class c = n / (C * count(c)), C the number of classes present.
    public static func balanced(classes: [Int]) -> [Int: Double] {
        var counts: [Int: Int] = [:]
        for c in classes { counts[c, default: 0] += 1 }
        let n = Double(classes.count), k = Double(counts.count)
        return counts.mapValues { n / (k * Double($0)) }
    }

    /// Per-sample weights: `base` (1 when nil) times the balanced weight of each sample's class.
    public static func balancedSampleWeights(classes: [Int], base: UnsafeBufferPointer<Double>?) -> [Double] {
        let table = balanced(classes: classes)
        return classes.enumerated().map { i, c in (base?[i] ?? 1) * (table[c] ?? 0) }
    }
}
