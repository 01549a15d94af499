import Dispatch
import LossPlotCharts
import OutputFiles
import Report
import RunCharts
import RunComparison

/// One metric's chart: its figure (one panel: this branch's runs, the baseline's muted behind)
/// and its bytes in each format encoded, with their SHA-256 for the manifest.
struct MetricChart: Sendable {
    let metric: String
    let figure: Figure
    /// Its files' name under `charts/` without the extension: the metric's name when that is a
    /// plain file name, else a slug of it and a number (a name read from a log is never a path).
    let fileName: String
    /// Prepended to the ids inside its SVG, so that every chart can sit inline in one page.
    let idPrefix: String
    let files: [(format: ChartFormat, bytes: [UInt8], sha256: String)]

    func bytes(_ format: ChartFormat) -> [UInt8]? { files.first { $0.format == format }?.bytes }
}

/// The charts of a report of runs: RunCharts' figure of each metric (the first
/// `RunChart.maximumPanels`), encoded by the `ChartEncoding` the report is given, every file of
/// every chart one job spread over the cores.
enum MetricCharts {
    /// What each metric's chart is drawn with.
    static func plotOptions(_ compared: ComparedRuns, _ options: RunReportOptions) -> RunPlotOptions {
        var plot = RunPlotOptions()
        plot.metricPatterns = compared.options.metricPatterns
        plot.widthPixels = RunReportOptions.chartWidthPixels
        plot.scale = options.scale
        return plot
    }

    /// For each baseline run, the run compared with it (whose colour it is drawn in).
    static func baselineMatches(_ compared: ComparedRuns) -> [Int?] {
        var matches = [Int?](repeating: nil, count: compared.baseline?.runs.count ?? 0)
        for (i, b) in compared.pairing.baselineIndex.enumerated() {
            if let b, matches.indices.contains(b), matches[b] == nil { matches[b] = i }
        }
        return matches
    }

    /// One figure per metric, by name; or why none could be drawn.
    static func figures(_ compared: ComparedRuns, _ options: RunReportOptions) -> Result<[String: Figure], RunPlotError> {
        let chart = RunChart(runs: compared.runs.runs, options: plotOptions(compared, options),
                             baseline: compared.baseline?.runs ?? [], baselineMatches: baselineMatches(compared))
        do {
            var byMetric: [String: Figure] = [:]
            for drawn in try chart.makeEach() {
                guard let panel = drawn.panels.first, byMetric[panel.metric] == nil else { continue }
                byMetric[panel.metric] = drawn.figure
            }
            return .success(byMetric)
        } catch {
            return .failure(error)
        }
    }

    /// Encodes every figure of `figures` (metrics in `order`) in `options.encodedFormats`.
    static func render(_ figures: [String: Figure], order: [String], options: RunReportOptions,
                       encoder: any ChartEncoding) throws -> [MetricChart] {
        let drawn = order.compactMap { name in figures[name].map { (metric: name, figure: $0) } }
        let metrics = drawn.map(\.metric)
        let names = ReportDiffPage.fileNames(for: metrics)
        let formats = options.encodedFormats
        let jobs = metrics.count * formats.count
        let slots = Slots<Result<(bytes: [UInt8], sha256: String), Error>>(count: jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            let (m, f) = job.quotientAndRemainder(dividingBy: formats.count)
            let figure = drawn[m].figure
            let encoding = ChartEncodingOptions(scale: options.scale, idPrefix: "chart-m\(m + 1)", sourceDateEpoch: options.sourceDateEpoch)
            slots.set(job, Result {
                let bytes = try encoder.encode(figure, as: formats[f], options: encoding)
                return (bytes, FileHash.sha256Hex(bytes))
            })
        }
        return try drawn.enumerated().map { m, chart in
            let metric = chart.metric
            let files = try formats.enumerated().map { f, format in
                switch slots.get(m * formats.count + f) {
                case .success(let file): return (format: format, bytes: file.bytes, sha256: file.sha256)
                case .failure(let error): throw ReportError("the chart of \(metric) as \(format.rawValue): \(error)")
                case nil: throw ReportError("the chart of \(metric) as \(format.rawValue) was not encoded")
                }
            }
            return MetricChart(metric: metric, figure: chart.figure, fileName: names[metric] ?? "chart-\(m + 1)", idPrefix: "chart-m\(m + 1)", files: files)
        }
    }
}
