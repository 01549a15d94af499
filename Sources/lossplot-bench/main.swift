// lossplot-bench: in-process timings for `make bench` (Tests/Bench/bench.py reads its JSON line).
//   lossplot-bench kernel A.npy B.npy [--reps N]   MSE over two arrays vs a plain sum of their bytes
//   lossplot-bench csv FILE [--reps N]             CSV parsing throughput
import DataFiles
import Evaluation
import Dispatch
import Foundation
import LossFunctions

/// Seconds taken by one run of `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median of each workload over `reps` rounds, the workloads taking turns within a round
/// (after one warm-up round), so that a burst of load from other processes hits them all alike.
func alternatingMedians(_ reps: Int, _ workloads: [() throws -> Void]) throws -> [Double] {
    for body in workloads { try body() }
    var times = Array(repeating: [Double](), count: workloads.count)
    for _ in 0..<max(1, reps) {
        for (k, body) in workloads.enumerated() { times[k].append(try seconds(body)) }
    }
    return times.map { $0.sorted()[$0.count / 2] }
}

/// The memory-bandwidth floor: every double of both arrays read once and added, split in two halves
/// over two cores as the loss kernels are. Four independent sums per array keep the adds off the
/// critical path, so memory, not the adder's latency, sets the pace.
func plainSum(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    var partial = [0.0, 0.0]
    let n = min(a.count, b.count), half = n / 2
    partial.withUnsafeMutableBufferPointer { slots in
        let out = slots.baseAddress
        DispatchQueue.concurrentPerform(iterations: 2) { chunk in
            let range = chunk == 0 ? 0..<half : half..<n
            var s = SIMD4<Double>(), t = SIMD4<Double>()
            var i = range.lowerBound
            if let pa = a.baseAddress, let pb = b.baseAddress {
                while i + 4 <= range.upperBound {
                    s += UnsafeRawPointer(pa + i).loadUnaligned(as: SIMD4<Double>.self)
                    t += UnsafeRawPointer(pb + i).loadUnaligned(as: SIMD4<Double>.self)
                    i += 4
                }
            }
            var rest = 0.0
            while i < range.upperBound { rest += a[i] + b[i]; i += 1 }
            out?[chunk] = (s + t).sum() + rest
        }
    }
    return partial[0] + partial[1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lossplot-bench: \(message)\n".utf8))
    exit(64)
}

/// `kernel`: MSE as `lossplot eval` computes it (the catalog's entry point), MSE through the public
/// generic API a library user calls, and the plain-sum floor, over the same mapped arrays.
func benchKernel(_ pathA: String, _ pathB: String, reps: Int) throws {
    let a = try NumpyArray(contentsOfFile: pathA), b = try NumpyArray(contentsOfFile: pathB)
    guard a.values.count == b.values.count, a.columns == 1, b.columns == 1 else {
        fail("the two arrays must be vectors of the same length")
    }
    var sink = 0.0
    let inputs = LossInputs.predictions(yTrue: MatrixView(vector: a.values), yPred: MatrixView(vector: b.values))
    let times = try withExtendedLifetime((a, b)) {
        try alternatingMedians(reps, [
            { sink += try evaluateLoss(.mse, options: LossOptions(), inputs: inputs, weights: nil,
                                       balancedClassWeights: false, reduction: .mean, gradient: false).value },
            { sink += try MeanSquaredError().evaluate(yTrue: a.values, yPred: b.values) },
            { sink += plainSum(a.values, b.values) },
        ])
    }
    print("{\"n\": \(a.values.count), \"mse_seconds\": \(times[0]), \"mse_api_seconds\": \(times[1]), "
          + "\"sum_seconds\": \(times[2]), \"checksum\": \(sink.isFinite ? sink : 0)}")
}

/// `csv`: reading a file into columns of numbers, as `lossplot plot` does.
func benchCSV(_ path: String, reps: Int) throws {
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var rows = 0
    let times = try alternatingMedians(reps, [{
        let table = try CSVTable(contentsOfFile: path)
        for index in 0..<table.columnCount { rows = try table.column(index).count }
    }])
    print("{\"bytes\": \(bytes), \"rows\": \(rows), \"seconds\": \(times[0]), \"mb_per_s\": \(Double(bytes) / 1e6 / times[0])}")
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
    case "kernel" where args.count == 3: try benchKernel(args[1], args[2], reps: reps)
    case "csv" where args.count == 2: try benchCSV(args[1], reps: reps)
    default: fail("usage: lossplot-bench kernel A.npy B.npy [--reps N] | csv FILE [--reps N]")
    }
} catch {
    fail("\(error)")
}
