// lossplot-bench: in-process timings for `make bench` (Tests/Bench/bench.py reads its JSON line).
//   lossplot-bench kernel A.npy B.npy [--reps N]   MSE over two arrays vs a plain sum of their bytes
//   lossplot-bench csv FILE [--reps N]             CSV parsing throughput
//   lossplot-bench tfevents FILE [--reps N]        event file reading vs a plain sum of its bytes
//                                                  and vs swift-protobuf decoding its records
//   lossplot-bench tfevents FILE --once            one read, for timing the whole process
import DataFiles
import Evaluation
import Dispatch
import EventProto
import Foundation
import LossFunctions
import RunLogs
import SwiftProtobuf

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
        // Pointers are never Sendable. Safe here: both halves only read `a` and `b`, each writes
        // only its own slot, and concurrentPerform returns after both, with every buffer alive.
        nonisolated(unsafe) let a = a, b = b, out = slots.baseAddress
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

/// The memory-read floor for a file: every 8 bytes loaded and added, four sums at a time.
func byteSum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var s = SIMD4<UInt64>()
    var i = 0
    if let base = bytes.baseAddress {
        while i + 32 <= bytes.count {
            s &+= base.loadUnaligned(fromByteOffset: i, as: SIMD4<UInt64>.self)
            i += 32
        }
    }
    var rest: UInt64 = 0
    while i < bytes.count { rest &+= UInt64(bytes[i]); i += 1 }
    return s.wrappedSum() &+ rest
}

/// The data ranges of a TFRecord file's records (lengths checked, checksums not: this feeds only
/// swift-protobuf's decoder, to time it alone).
func recordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var offset = 0
    bytes.withUnsafeBytes { raw in
        while raw.count - offset >= 16 {
            let length = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            guard length <= UInt64(raw.count - offset - 16) else { break }
            ranges.append(offset + 12..<offset + 12 + Int(length))
            offset += 16 + Int(length)
        }
    }
    return ranges
}

/// The scalars of one event as swift-protobuf decodes it (simple values and float tensors).
func protobufScalars(_ event: Lossplot_Tfevents_Event) -> (count: Int, sum: Double) {
    var count = 0, sum = 0.0
    for value in event.summary.value {
        switch value.value {
        case .simpleValue(let v): count += 1; sum += Double(v)
        case .tensor(let t) where value.metadata.pluginData.pluginName == "scalars":
            if let v = t.floatVal.first { count += 1; sum += Double(v) } else if let v = t.doubleVal.first { count += 1; sum += v }
        default: break
        }
    }
    return (count, sum + event.wallTime + Double(event.step))
}

/// `tfevents`: reading an event file into a run as `lossplot runs` does (file read, every CRC,
/// decoding, gathering points), swift-protobuf's decoding of the same records alone (no CRCs, no
/// gathering), and the memory-read floor over the file's bytes.
func benchEventFile(_ path: String, reps: Int) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let ranges = recordRanges(bytes)
    var points = 0, sink = 0.0, floor: UInt64 = 0
    let times = try alternatingMedians(reps, [
        {
            let set = try RunLoader.load([path])
            points = set.runs.reduce(0) { $0 + $1.metrics.reduce(0) { $0 + $1.points.count } }
            sink += set.runs.first?.metrics.first?.points.last?.value ?? 0
        },
        {
            let span = bytes.span.bytes
            var count = 0
            for range in ranges {
                let scalars = protobufScalars(try Lossplot_Tfevents_Event(serializedBytes: span.extracting(range)))
                count += scalars.count
                sink += scalars.sum
            }
            if count != points { fail("swift-protobuf found \(count) scalars, lossplot \(points)") }
        },
        { floor &+= bytes.withUnsafeBytes { byteSum($0) } },
    ])
    let mb = Double(bytes.count) / 1e6
    print("{\"bytes\": \(bytes.count), \"records\": \(ranges.count), \"points\": \(points), "
          + "\"read_seconds\": \(times[0]), \"read_mb_per_s\": \(mb / times[0]), "
          + "\"protobuf_decode_seconds\": \(times[1]), \"protobuf_decode_mb_per_s\": \(mb / times[1]), "
          + "\"protobuf_ns_per_event\": \(times[1] * 1e9 / Double(max(1, ranges.count))), "
          + "\"read_ns_per_event\": \(times[0] * 1e9 / Double(max(1, ranges.count))), "
          + "\"sum_seconds\": \(times[2]), \"sum_mb_per_s\": \(mb / times[2]), "
          + "\"checksum\": \(sink.isFinite ? sink : 0), \"sum_checksum\": \(floor % 1000)}")
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
    case "tfevents" where args.count == 2: try benchEventFile(args[1], reps: reps)
    case "tfevents" where args.count == 3 && args[2] == "--once":
        // One read and its point counts: the whole process, to time with hyperfine or perf stat.
        let set = try RunLoader.load([args[1]])
        print("{\"points\": \(set.runs.reduce(0) { $0 + $1.metrics.reduce(0) { $0 + $1.points.count } })}")
    default: fail("usage: lossplot-bench kernel A.npy B.npy [--reps N] | csv FILE [--reps N] | tfevents FILE [--reps N | --once]")
    }
} catch {
    fail("\(error)")
}
