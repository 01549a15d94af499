// lossplot-bench: in-process timings for `make bench` (Tests/Bench/bench.py reads its JSON).
//   lossplot-bench kernel A.npy B.npy [--reps N]   MSE over two arrays vs a plain sum of their bytes
//   lossplot-bench csv FILE [--reps N]             CSV parsing throughput
import DataFiles
import Dispatch
import Foundation
import LossFunctions

/// Median wall time of `reps` runs of `body`, after one warm-up run.
func medianSeconds(_ reps: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<max(1, reps) {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return times[times.count / 2]
}

/// The memory-bandwidth floor: every double of both arrays read once and added, split over two
/// cores as the loss kernels are.
func plainSum(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    var partial = [0.0, 0.0]
    let n = min(a.count, b.count), half = n / 2
    partial.withUnsafeMutableBufferPointer { slots in
        let out = slots.baseAddress
        DispatchQueue.concurrentPerform(iterations: 2) { chunk in
            var s0 = 0.0, s1 = 0.0
            for i in chunk == 0 ? 0..<half : half..<n { s0 += a[i]; s1 += b[i] }
            out?[chunk] = s0 + s1
        }
    }
    return partial[0] + partial[1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lossplot-bench: \(message)\n".utf8))
    exit(64)
}

var args = Array(CommandLine.arguments.dropFirst())
var reps = 5
if let i = args.firstIndex(of: "--reps") {
    guard i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { fail("--reps takes a positive whole number") }
    reps = n
    args.removeSubrange(i...(i + 1))
}

do {
    switch args.first {
    case "kernel" where args.count == 3:
        let a = try NumpyArray(contentsOfFile: args[1]), b = try NumpyArray(contentsOfFile: args[2])
        guard a.values.count == b.values.count else { fail("the two arrays differ in length") }
        var sink = 0.0
        let mse = try medianSeconds(reps) { sink += try MeanSquaredError().evaluate(yTrue: a.values, yPred: b.values) }
        let floor = medianSeconds(reps) { sink += plainSum(a.values, b.values) }
        withExtendedLifetime((a, b)) {}
        print("{\"n\": \(a.values.count), \"mse_seconds\": \(mse), \"sum_seconds\": \(floor), \"checksum\": \(sink.isFinite ? sink : 0)}")
    case "csv" where args.count == 2:
        let bytes = (try FileManager.default.attributesOfItem(atPath: args[1])[.size] as? Int) ?? 0
        var rows = 0
        let seconds = try medianSeconds(reps) {
            let table = try CSVTable(contentsOfFile: args[1])
            for name in table.columnNames ?? [] { rows = try table.column(named: name).count }
        }
        print("{\"bytes\": \(bytes), \"rows\": \(rows), \"seconds\": \(seconds), \"mb_per_s\": \(Double(bytes) / 1e6 / seconds)}")
    default:
        fail("usage: lossplot-bench kernel A.npy B.npy [--reps N] | csv FILE [--reps N]")
    }
} catch {
    fail("\(error)")
}
