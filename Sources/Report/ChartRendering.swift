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

/// Builds every figure and encodes it in every format, and computes every scenario's printed
/// results, as one set of jobs spread over the cores with `DispatchQueue.concurrentPerform` (one
/// job a chart, one a printing scenario), so no core waits at a barrier between phases. Each job
/// writes only its own slot, so the result is the same whatever order the jobs finish in.
enum ChartRendering {
    static func render(_ scenarios: [Scenario], options: ReportOptions) throws -> (charts: [RenderedChart], results: [String: PrintedResults]) {
        let charted = scenarios.filter { $0.figure != nil }
        let printing = scenarios.filter { $0.results != nil }
        let language = options.language
        let formats = options.orderedFormats
        let charts = Slots<Result<RenderedChart, Error>>(count: charted.count)
        let results = Slots<PrintedResults>(count: printing.count)
        DispatchQueue.concurrentPerform(iterations: charted.count + printing.count) { job in
            guard job < charted.count else {
                let i = job - charted.count
                if let compute = printing[i].results { results.set(i, compute()) }
                return
            }
            let scenario = charted[job]
            guard let make = scenario.figure else { return }
            let figure = make(language)
            let encodingOptions = ChartEncodingOptions(scale: options.scale, idPrefix: "chart-" + scenario.id,
                                                       sourceDateEpoch: options.sourceDateEpoch)
            charts.set(job, Result {
                let files = try formats.map { format in
                    do {
                        return (format: format, bytes: try ChartEncoder.encode(figure, as: format, options: encodingOptions))
                    } catch {
                        throw ReportError("chart \(scenario.id).\(format.fileExtension): \(error)")
                    }
                }
                return RenderedChart(scenario: scenario, figure: figure, files: files)
            })
        }
        var out: [RenderedChart] = []
        for (i, scenario) in charted.enumerated() {
            guard let rendered = charts.get(i) else { throw ReportError("chart \(scenario.id) was not drawn") }
            out.append(try rendered.get())
        }
        var printed: [String: PrintedResults] = [:]
        for (i, scenario) in printing.enumerated() { printed[scenario.id] = results.get(i) }
        return (out, printed)
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
