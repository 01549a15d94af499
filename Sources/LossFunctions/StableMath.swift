#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numerically stable building blocks shared by the from-logits losses.
@usableFromInline
enum StableMath {
    /// softplus(x) = log(1 + exp(x)), exact and finite for every finite x.
    @inlinable @inline(__always)
    static func softplus(_ x: Double) -> Double {
        max(x, 0) + log1p(exp(-abs(x)))
    }

    /// The logistic sigmoid 1 / (1 + exp(-x)) without overflow.
    @inlinable @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// log(sum(exp(x_j))) over `count` values from `base`, shifted by the maximum.
    @inlinable
    static func logSumExp(_ base: UnsafePointer<Double>, _ count: Int) -> Double {
        var m = -Double.infinity
        for j in 0..<count { m = max(m, base[j]) }
        var s = 0.0
        for j in 0..<count { s += exp(base[j] - m) }
        return m + log(s)
    }

    /// Euclidean norm of a - b over `count` coordinates, scaled so no square overflows.
    @inlinable
    static func distance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
        var largest = 0.0
        for j in 0..<count { largest = max(largest, abs(a[j] - b[j])) }
        guard largest > 0, largest.isFinite else { return largest }
        var s = 0.0
        for j in 0..<count {
            let r = (a[j] - b[j]) / largest
            s += r * r
        }
        return largest * s.squareRoot()
    }
}
