import Foundation
@testable import RunCharts
import TestSupport
import Testing

/// Thinning for drawing keeps the global min and max and every spike; LTTB does not, which is
/// why the charts use min/max per column.
@Suite struct DownsamplingTests {
    /// A noisy decaying loss of 100 000 points with 40 one-point spikes (up and down), some in
    /// adjacent pairs so two fall in one column.
    static func spikyCurve() -> (x: [Double], y: [Double], spikes: [Int]) {
        var rng = SplitMix64(state: 99)
        let n = 100_000
        let x = (0..<n).map(Double.init)
        var y = x.map { 1 + exp(-$0 / 20_000) + 0.05 * rng.normal() }
        var spikes: [Int] = []
        for k in 0..<20 {
            let i = 2_000 + k * 4_900 + Int(rng.below(100))
            y[i] += 3 + Double(k % 3)          // up
            y[i + 1] -= 2.5                    // and straight down again, beside it
            spikes += [i, i + 1]
        }
        return (x, y, spikes)
    }

    @Test func minMaxKeepsTheGlobalExtremesAndEverySpike() throws {
        let (x, y, spikes) = Self.spikyCurve()
        let keep = Downsampling.indices(x: x, y: y, budget: 1_000, method: .minMax)
        #expect(keep.count <= 1_002)
        #expect(keep == keep.sorted() && Set(keep).count == keep.count)
        #expect(keep.first == 0 && keep.last == x.count - 1)
        let kept = Set(keep)
        let argmin = try #require(y.indices.min { y[$0] < y[$1] }), argmax = try #require(y.indices.max { y[$0] < y[$1] })
        #expect(kept.contains(argmin) && kept.contains(argmax))
        let lost = spikes.filter { !kept.contains($0) }
        #expect(lost.isEmpty, "min/max per column lost spikes at \(lost)")
    }

    @Test func lttbCanLoseASpikeThatMinMaxKeeps() {
        // The measurement behind the choice: with the same budget, LTTB keeps one point per
        // bucket, so a spike and the dip beside it cannot both survive.
        let (x, y, spikes) = Self.spikyCurve()
        let kept = Set(Downsampling.indices(x: x, y: y, budget: 1_000, method: .lttb))
        let lost = spikes.filter { !kept.contains($0) }
        #expect(lost.count >= 10, "LTTB lost \(lost.count) of \(spikes.count) spikes")
    }

    @Test func shortCurvesAreKeptWhole() {
        let x = [0.0, 1, 2, 3], y = [1.0, 0, 1, 0]
        #expect(Downsampling.indices(x: x, y: y, budget: 4, method: .minMax) == [0, 1, 2, 3])
        #expect(Downsampling.indices(x: x, y: y, budget: 4, method: .lttb) == [0, 1, 2, 3])
    }

    @Test func logColumnsAreEvenInLogSpace() {
        // 1...10^6 on a log axis: the first decade gets as many columns as the last.
        let x = (1...1_000_000).map(Double.init), y = x.map { sin($0) }
        let keep = Downsampling.minMax(x: x, y: y, columns: 60, logX: true)
        let firstDecade = keep.filter { x[$0] < 10 }.count
        #expect(firstDecade >= 9, "only \(firstDecade) points kept below 10")
        #expect(keep.count <= 122)
    }

    @Test func theEnvelopeCoversEveryPointsSpread() {
        var rng = SplitMix64(state: 5)
        let n = 20_000
        let x = (0..<n).map(Double.init)
        let lower = x.map { _ in rng.normal() - 2 }, upper = x.map { _ in rng.normal() + 2 }
        let e = Downsampling.envelope(x: x, lower: lower, upper: upper, columns: 100)
        #expect(e.x.count <= 200)
        #expect(e.lower.min() == lower.min() && e.upper.max() == upper.max())
        // Each original point lies inside the envelope drawn over its x.
        var j = 0
        for i in stride(from: 0, to: n, by: 37) {
            while j + 1 < e.x.count, e.x[j + 1] <= x[i] { j += 1 }
            let low = min(e.lower[j], e.lower[min(j + 1, e.x.count - 1)]), high = max(e.upper[j], e.upper[min(j + 1, e.x.count - 1)])
            #expect(lower[i] >= low - 1e-12 && upper[i] <= high + 1e-12, "point \(i)")
        }
    }
}

extension DownsamplingTests {
    @Test func xSpanningTheWholeDoubleRangeNeitherTrapsNorMakesNaN() {
        // Epochs a logger could write: the range hi - lo overflows to infinity.
        let big = Double.greatestFiniteMagnitude
        let x = (0..<1_000).map { big * (2 * Double($0) / 999 - 1) }, y = x.indices.map { sin(Double($0)) }
        #expect(x.allSatisfy { $0.isFinite })
        let keep = Downsampling.indices(x: x, y: y, budget: 100, method: .minMax)
        #expect(keep.first == 0 && keep.last == x.count - 1 && keep == keep.sorted())
        let e = Downsampling.envelope(x: x, lower: y, upper: y, columns: 10)
        #expect(e.x.allSatisfy { $0.isFinite })
        let g = GroupAggregate(curves: [(x: [-big, big], y: [0, 1]), (x: [-big, 0, big], y: [1, 2, 3])])
        #expect(g.mean.allSatisfy { $0.isFinite } && g.x.allSatisfy { $0.isFinite })
        #expect(g.mean.count == 3 && abs(g.mean[1] - 1.25) < 1e-12)
    }
}
