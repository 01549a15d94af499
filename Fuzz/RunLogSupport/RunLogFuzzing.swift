import FuzzSupport
@testable import RunLogs

/// What every RunLogs harness does with its input, so a new reader's harness is one call.
public enum RunLogFuzzing {
    /// Writes `input` at `relative` in `folder` and loads it three ways: the file named with its
    /// `format`, the file named with the format left to detection, and the folder walked. A file
    /// named with its format that reads is one run whose metrics all have points and distinct
    /// names; the walk, which gives the file to the same reader, reads the same metrics or fails
    /// with the same error.
    public static func load(_ input: UnsafeRawBufferPointer, as relative: String, format: LogFormat, in folder: ScratchFolder) {
        folder.reset()
        let file = folder.write(input, to: relative)
        let named = Result { () throws(RunLogError) in try RunLoader.load([file], format: format) }
        _ = try? RunLoader.load([file])
        let walked = Result { () throws(RunLogError) in try RunLoader.load([folder.path], format: format) }
        // A file named directly is recognised from its first bytes, a file met in a walk from its
        // path (a `.tsv` under `plots/metrics/` is DVCLive's whatever its header): when the bytes
        // alone do not say the format ("cannot tell the format"), the walk may still read it, or
        // refuse it with the reader's own error. Either is a right answer.
        if case .failure(let a) = named, a.message.hasPrefix("cannot tell the format") { return }
        if case .failure(let b) = walked, b.message.hasPrefix("no training logs"), case .failure = named { return }
        FuzzInput.requireAgreement(named, walked, "the file named", "the walk") { one, all in
            guard one.runs.count == 1 else { return "the file read as \(one.runs.count) runs" }
            guard all.runs.count == 1 else { return "a folder of one file walked as \(all.runs.count) runs" }
            return sameMetrics(one.runs[0].metrics, all.runs[0].metrics) ? nil : "the metrics"
        }
        guard case .success(let one) = named, let run = one.runs.first else { return }
        FuzzInput.require(run.metrics.allSatisfy { !$0.points.isEmpty }, "a metric without points")
        FuzzInput.require(Set(run.metrics.map(\.name)).count == run.metrics.count, "a metric name twice")
    }

    /// Equal metrics, NaN values counting as equal to NaN.
    static func sameMetrics(_ a: [Metric], _ b: [Metric]) -> Bool {
        func same(_ x: Double?, _ y: Double?) -> Bool { x == y || (x?.isNaN == true && y?.isNaN == true) }
        return a.count == b.count && zip(a, b).allSatisfy { m, n in
            m.name == n.name && m.axis == n.axis && m.points.count == n.points.count
                && zip(m.points, n.points).allSatisfy { p, q in
                    p.step == q.step && same(p.value, q.value) && same(p.wallTime, q.wallTime) && same(p.epoch, q.epoch)
                }
        }
    }
}
