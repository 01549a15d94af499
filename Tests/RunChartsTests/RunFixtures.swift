import Foundation
import RunLogs
import TestSupport

/// Runs built in code: decaying losses with noise, seeded.
enum RunFixtures {
    /// A metric of `n` points at steps 0, stride, 2 stride, ... with wall times a second apart.
    static func metric(_ name: String, n: Int, stride: Int64 = 1, seed: UInt64, scale: Double = 1, start: Double = 1_700_000_000) -> Metric {
        var rng = SplitMix64(state: seed)
        let points = (0..<n).map { i -> MetricPoint in
            let step = Int64(i) * stride
            let v = scale * (2 * exp(-Double(step) / Double(max(1, Int64(n) * stride / 4))) + 0.2 + 0.05 * rng.normal())
            return MetricPoint(step: step, value: v, wallTime: start + Double(i), epoch: Double(i) / 10)
        }
        return Metric(name: name, points: points)
    }

    static func run(_ name: String, metrics: [Metric]) -> Run {
        Run(name: name, format: .jsonl, paths: ["/runs/\(name)/log.jsonl"], metrics: metrics)
    }

    /// Three runs with four metrics each; run `b`'s train/loss has a NaN and an Inf.
    static func threeRuns(n: Int = 400) -> [Run] {
        ["a", "b", "c"].enumerated().map { k, name in
            var loss = metric("train/loss", n: n, seed: UInt64(10 + k))
            if name == "b" {
                loss.points[n / 3].value = .nan
                loss.points[n / 2].value = .infinity
            }
            return run(name, metrics: [
                loss,
                metric("val/loss", n: n / 10, stride: 10, seed: UInt64(20 + k), scale: 1.1),
                metric("train/acc", n: n, seed: UInt64(30 + k), scale: 0.3),
                metric("lr", n: n, seed: UInt64(40 + k), scale: 0.01),
            ])
        }
    }
}
