import Foundation
import RunCharts
import TestSupport
import Testing

/// `--smooth` against TensorBoard's formula, computed here another way: the debiased EMA after
/// n finite values is the weighted mean sum (1-w) w^(n-k) y_k / (1 - w^n), each value weighted
/// by its age, with NaN and Inf skipped.
@Suite struct SmoothingTests {
    static func reference(_ ys: [Double], _ w: Double) -> [Double] {
        var out: [Double] = []
        var finite: [Double] = []
        for y in ys {
            guard y.isFinite else { out.append(y); continue }
            finite.append(y)
            let n = finite.count
            var sum = 0.0
            for (k, v) in finite.enumerated() { sum += (1 - w) * pow(w, Double(n - 1 - k)) * v }
            out.append(sum / (1 - pow(w, Double(n))))
        }
        return out
    }

    @Test(arguments: [0.1, 0.6, 0.9, 0.99])
    func matchesTensorBoardsDebiasedEMA(weight: Double) {
        var rng = SplitMix64(state: 14)
        var ys = (0..<300).map { i in 2 * exp(-Double(i) / 80) + 0.3 * rng.normal() }
        ys[17] = .nan; ys[40] = .infinity; ys[41] = -.infinity
        let got = Smoothing.tensorBoard(ys, weight: weight)
        let want = Self.reference(ys, weight)
        #expect(got.count == ys.count)
        for i in ys.indices {
            if ys[i].isFinite {
                #expect(abs(got[i] - want[i]) <= 1e-12 * max(1, abs(want[i])), "at \(i): \(got[i]) vs \(want[i])")
            } else {
                // Passed through, and the average is not moved.
                #expect(got[i].isNaN == ys[i].isNaN && (ys[i].isNaN || got[i] == ys[i]))
            }
        }
        // The first value is unbiased: exactly itself.
        #expect(got[0] == ys[0])
    }

    @Test func aConstantSeriesIsKeptAsItIsAndWeightZeroIsTheRawCurve() {
        let c = Array(repeating: 0.1, count: 50)
        #expect(Smoothing.tensorBoard(c, weight: 0.95) == c)
        let ys = [3.0, 1, 4, 1, 5]
        #expect(Smoothing.tensorBoard(ys, weight: 0) == ys)
        #expect(Smoothing.tensorBoard([], weight: 0.6).isEmpty)
    }
}
