import CairoBackend
import Charts
import Dispatch
import Foundation
import Scenarios

/// One scenario's chart: the figure and its bytes in each requested format (in the options' order).
struct RenderedChart: Sendable {
    let scenario: Scenario
    let figure: Figure
    let files: [(format: ChartFormat, bytes: [UInt8])]

    func bytes(_ format: ChartFormat) -> [UInt8]? { files.first { $0.format == format }?.bytes }
}

/// Builds every figure and encodes it in every format, spread over the cores with
/// `DispatchQueue.concurrentPerform`. Each job writes only its own slot, so the result is the same
/// whatever order the jobs finish in.
enum ChartRendering {
    static func render(_ scenarios: [Scenario], options: ReportOptions) throws -> [RenderedChart] {
        let charted = scenarios.filter { $0.figure != nil }
        let language = options.language
        let figures = Slots<Figure>(count: charted.count)
        DispatchQueue.concurrentPerform(iterations: charted.count) { i in
            if let make = charted[i].figure { figures.set(i, make(language)) }
        }
        let formats = options.orderedFormats
        let jobs = charted.indices.flatMap { s in formats.map { (s, $0) } }
        let encoded = Slots<Result<[UInt8], Error>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { j in
            let (s, format) = jobs[j]
            guard let figure = figures.get(s) else { return }
            let encodingOptions = ChartEncodingOptions(scale: options.scale, idPrefix: charted[s].id,
                                                       sourceDateEpoch: options.sourceDateEpoch)
            encoded.set(j, Result { try ChartEncoder.encode(figure, as: format, options: encodingOptions) })
        }
        var out: [RenderedChart] = []
        for (s, scenario) in charted.enumerated() {
            guard let figure = figures.get(s) else { throw ReportError("chart \(scenario.id) was not drawn") }
            var files: [(ChartFormat, [UInt8])] = []
            for (f, format) in formats.enumerated() {
                switch encoded.get(s * formats.count + f) {
                case .success(let bytes): files.append((format, bytes))
                case .failure(let error): throw ReportError("chart \(scenario.id).\(format.fileExtension): \(error)")
                case nil: throw ReportError("chart \(scenario.id).\(format.fileExtension) was not encoded")
                }
            }
            out.append(RenderedChart(scenario: scenario, figure: figure, files: files))
        }
        return out
    }

    /// Every scenario's printed results, computed concurrently, keyed by scenario id.
    static func results(_ scenarios: [Scenario]) -> [String: PrintedResults] {
        let printing = scenarios.filter { $0.results != nil }
        let slots = Slots<PrintedResults>(count: printing.count)
        DispatchQueue.concurrentPerform(iterations: printing.count) { i in
            if let compute = printing[i].results { slots.set(i, compute()) }
        }
        var out: [String: PrintedResults] = [:]
        for (i, scenario) in printing.enumerated() { out[scenario.id] = slots.get(i) }
        return out
    }
}

/// A fixed number of slots filled from several threads.
final class Slots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> T? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
