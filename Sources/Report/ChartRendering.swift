import LossPlotCharts
import Dispatch
import Foundation
import OutputFiles
import Scenarios
import Synchronization

/// One chart file's bytes, in a format, with its SHA-256 for the manifest.
struct ChartFile: Sendable {
    let format: ChartFormat
    let bytes: [UInt8]
    let sha256: String
}

/// One scenario's chart: the figure and its bytes in each requested format (in the options'
/// order), with their SHA-256 for the manifest; and its other renderings (`ChartVariant`: narrow,
/// dark) in the format the page shows.
struct RenderedChart: Sendable {
    let scenario: Scenario
    let figure: Figure
    let files: [(format: ChartFormat, bytes: [UInt8], sha256: String)]
    /// The renderings other than the wide light one, in `ChartRendering.variants` order.
    var views: [(variant: ChartVariant, file: ChartFile)] = []

    func bytes(_ format: ChartFormat) -> [UInt8]? { files.first { $0.format == format }?.bytes }
    func view(_ variant: ChartVariant) -> ChartFile? { views.first { $0.variant == variant }?.file }
}

/// Builds every figure and encodes it in every format and every variant, and computes every
/// scenario's printed results, as one set of jobs spread over the cores with
/// `DispatchQueue.concurrentPerform`: one job a chart file (the first to need a figure builds it,
/// once) and one a printing scenario, so no core waits at a barrier between phases and the last
/// chart's files share the cores. A chart file's job also hashes it, so the manifest does not wait
/// for a hashing pass of its own. Each job writes only its own slot, so the result is the same
/// whatever order the jobs finish in.
enum ChartRendering {
    /// One file to draw: a chart, a variant of it, a format.
    struct Job: Sendable {
        let chart: Int
        let variant: ChartVariant
        let format: ChartFormat
    }

    /// `variants`: the renderings besides the wide light one, each drawn in the first format of
    /// the options that is not PDF (SVG, else PNG); none when only PDF is asked for.
    static func render(_ scenarios: [Scenario], options: ReportOptions, encoder: any ChartEncoding,
                       variants: [ChartVariant] = []) throws -> (charts: [RenderedChart], results: [String: PrintedResults]) {
        let charted = scenarios.filter { $0.figure != nil }
        let printing = scenarios.filter { $0.results != nil }
        let language = options.language
        let formats = options.orderedFormats
        let viewFormat = formats.first { $0 != .pdf }
        let others = viewFormat == nil ? [] : variants.filter { $0 != .wide }
        let jobs: [Job] = charted.indices.flatMap { c in
            formats.map { Job(chart: c, variant: .wide, format: $0) }
                + (viewFormat.map { f in others.map { Job(chart: c, variant: $0, format: f) } } ?? [])
        }
        let figures = charted.map { scenario in OnceValue { scenario.figure.map { $0(language) } } }
        let files = Slots<Result<ChartFile, Error>>(count: jobs.count)
        let results = Slots<PrintedResults>(count: printing.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count + printing.count) { n in
            guard n < jobs.count else {
                let i = n - jobs.count
                if let compute = printing[i].results { results.set(i, compute()) }
                return
            }
            let job = jobs[n]
            guard let figure = figures[job.chart].value else { return }
            let encodingOptions = ChartEncodingOptions(scale: options.scale, idPrefix: "chart-" + charted[job.chart].id + job.variant.suffix.replacingOccurrences(of: ".", with: "-"),
                                                       sourceDateEpoch: options.sourceDateEpoch)
            files.set(n, Result {
                let bytes = try encoder.encode(job.variant.apply(figure), as: job.format, options: encodingOptions)
                return ChartFile(format: job.format, bytes: bytes, sha256: FileHash.sha256Hex(bytes))
            })
        }
        var out: [RenderedChart] = []
        var n = 0
        for (c, scenario) in charted.enumerated() {
            guard let figure = figures[c].value else { throw ReportError("chart \(scenario.id) was not drawn") }
            var chart = RenderedChart(scenario: scenario, figure: figure, files: [])
            var main: [(format: ChartFormat, bytes: [UInt8], sha256: String)] = []
            while n < jobs.count, jobs[n].chart == c {
                let job = jobs[n]
                let name = "\(scenario.id)\(job.variant.suffix).\(job.format.fileExtension)"
                let file: ChartFile
                switch files.get(n) {
                case .success(let f): file = f
                case .failure(let error): throw ReportError("chart \(name): \(error)")
                case nil: throw ReportError("chart \(name) was not encoded")
                }
                if job.variant == .wide { main.append((file.format, file.bytes, file.sha256)) } else { chart.views.append((job.variant, file)) }
                n += 1
            }
            chart = RenderedChart(scenario: scenario, figure: figure, files: main, views: chart.views)
            out.append(chart)
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
