import LossPlotCharts
import Dispatch
import Foundation
import OutputFiles
import Scenarios
import Synchronization

/// One scenario's chart: the figure and its bytes in each requested format (in the options' order),
/// with their SHA-256 for the manifest.
struct RenderedChart: Sendable {
    let scenario: Scenario
    let figure: Figure
    let files: [(format: ChartFormat, bytes: [UInt8], sha256: String)]

    func bytes(_ format: ChartFormat) -> [UInt8]? { files.first { $0.format == format }?.bytes }
}

/// Builds every figure and encodes it in every format, and computes every scenario's printed
/// results, as one set of jobs spread over the cores with `DispatchQueue.concurrentPerform`: one
/// job a chart file (the first to need a figure builds it, once) and one a printing scenario, so
/// no core waits at a barrier between phases and the last chart's files share the cores. A chart
/// file's job also hashes it, so the manifest does not wait for a hashing pass of its own. Each
/// job writes only its own slot, so the result is the same whatever order the jobs finish in.
enum ChartRendering {
    static func render(_ scenarios: [Scenario], options: ReportOptions, encoder: any ChartEncoding) throws -> (charts: [RenderedChart], results: [String: PrintedResults]) {
        let charted = scenarios.filter { $0.figure != nil }
        let printing = scenarios.filter { $0.results != nil }
        let language = options.language
        let formats = options.orderedFormats
        let figures = charted.map { scenario in OnceValue { scenario.figure.map { $0(language) } } }
        let fileCount = charted.count * formats.count
        let files = Slots<Result<(bytes: [UInt8], sha256: String), Error>>(count: fileCount)
        let results = Slots<PrintedResults>(count: printing.count)
        DispatchQueue.concurrentPerform(iterations: fileCount + printing.count) { job in
            guard job < fileCount else {
                let i = job - fileCount
                if let compute = printing[i].results { results.set(i, compute()) }
                return
            }
            let (s, f) = job.quotientAndRemainder(dividingBy: formats.count)
            guard let figure = figures[s].value else { return }
            let encodingOptions = ChartEncodingOptions(scale: options.scale, idPrefix: "chart-" + charted[s].id,
                                                       sourceDateEpoch: options.sourceDateEpoch)
            files.set(job, Result {
                let bytes = try encoder.encode(figure, as: formats[f], options: encodingOptions)
                return (bytes, FileHash.sha256Hex(bytes))
            })
        }
        var out: [RenderedChart] = []
        for (s, scenario) in charted.enumerated() {
            guard let figure = figures[s].value else { throw ReportError("chart \(scenario.id) was not drawn") }
            let encoded = try formats.enumerated().map { f, format in
                switch files.get(s * formats.count + f) {
                case .success(let file): return (format: format, bytes: file.bytes, sha256: file.sha256)
                case .failure(let error): throw ReportError("chart \(scenario.id).\(format.fileExtension): \(error)")
                case nil: throw ReportError("chart \(scenario.id).\(format.fileExtension) was not encoded")
                }
            }
            out.append(RenderedChart(scenario: scenario, figure: figure, files: encoded))
        }
        var printed: [String: PrintedResults] = [:]
        for (i, scenario) in printing.enumerated() { printed[scenario.id] = results.get(i) }
        return (out, printed)
    }
}

/// A value computed at most once, by whichever thread asks first; the others wait for it.
final class OnceValue<T: Sendable>: Sendable {
    private let make: @Sendable () -> T
    private let stored = Mutex<T?>(nil)
    init(_ make: @escaping @Sendable () -> T) { self.make = make }
    var value: T {
        stored.withLock { stored in
            if let stored { return stored }
            let v = make()
            stored = v
            return v
        }
    }
}

/// A fixed number of slots filled from several threads.
package final class Slots<T: Sendable>: Sendable {
    private let values: Mutex<[T?]>
    package init(count: Int) { values = Mutex(Array(repeating: nil, count: count)) }
    package func set(_ i: Int, _ value: T) { values.withLock { $0[i] = value } }
    package func get(_ i: Int) -> T? { values.withLock { $0[i] } }
}
