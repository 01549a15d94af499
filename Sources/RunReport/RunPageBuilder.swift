import Foundation
import LossPlotCharts
import OutputFiles
import Report
import RunCharts
import RunComparison
import RunLogs
import SafeText

/// Assembles the page model of a report of runs from the comparison RunComparison made (the
/// numbers are its own: nothing is recomputed here), the gate's results, and the charts.
struct RunPageBuilder {
    let compared: ComparedRuns
    let gate: GateReport?
    /// By metric name.
    let charts: [String: MetricChart]
    /// Why no chart was drawn at all, when none was.
    let chartProblem: String?
    let options: RunReportOptions
    let stylesheet: String

    /// The most metrics the contents list names.
    static let contentsLimit = 60

    func build() -> RunPageModel {
        let title = options.title ?? RunReportOptions.defaultTitle
        let metrics = compared.metrics.enumerated().map { i, m in metric(m, id: "m\(i + 1)") }
        var toc: [RunTocEntry] = []
        let gateView = gate.map(Self.gate)
        if gateView != nil { toc.append(RunTocEntry(id: "gate", labelHtml: "Regression gate")) }
        let warnings = compared.warnings.isEmpty ? nil
            : WarningsView(count: compared.warnings.count, itemsHtml: compared.warnings.map { escapeXML($0.description) })
        if let warnings { toc.append(RunTocEntry(id: "warnings", labelHtml: "Warnings (\(warnings.count))")) }
        toc += metrics.prefix(Self.contentsLimit).map { RunTocEntry(id: $0.id, labelHtml: $0.nameHtml) }
        if metrics.count > Self.contentsLimit {
            toc.append(RunTocEntry(id: metrics[Self.contentsLimit].id, labelHtml: "… \(metrics.count - Self.contentsLimit) more metrics"))
        }
        toc.append(RunTocEntry(id: "params", labelHtml: "Hyperparameters"))
        let styleHash = FileHash.sha256Base64(Array(stylesheet.utf8))
        return RunPageModel(
            titleHtml: escapeXML(title),
            contentSecurityPolicy: options.selfContained
                ? "default-src 'none'; img-src data:; style-src 'sha256-\(styleHash)'; base-uri 'none'; form-action 'none'"
                : "default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'",
            generator: "lossplot \(LossplotVersion.current)",
            stylesheetHref: options.selfContained ? nil : RunReportWriter.styleFile,
            inlineStylesheet: options.selfContained ? stylesheet : nil,
            leadHtml: ComparisonHeadline(compared).rendered(text: escapeXML, name: { "<strong>\(escapeXML($0))</strong>" }),
            toc: toc,
            gate: gateView,
            warnings: warnings,
            metrics: metrics,
            chartNoteHtml: chartNote(),
            params: params(),
            footerHtml: "Written by lossplot \(escapeXML(LossplotVersion.current)). Every number on this page is in <code>\(RunsFile.fileName)</code> beside it."
        )
    }

    /// Metrics drawn no chart: past the most charts a report draws, or none at all.
    func chartNote() -> String? {
        if let chartProblem { return "No chart could be drawn: \(escapeXML(chartProblem))." }
        let uncharted = compared.metrics.filter { charts[$0.name] == nil }.count
        guard uncharted > 0 else { return nil }
        return "\(uncharted) of \(compared.metrics.count) metrics have a table but no chart: a report draws the first \(RunChart.maximumPanels) metrics with points to draw."
    }

    static func gate(_ report: GateReport) -> GateView {
        let failed = report.failures.count, count = report.results.count
        let headline = failed == 0
            ? (count == 1 ? "Passed: the rule holds for every run checked." : "Passed: all \(count) rules hold.")
            : "Failed: \(failed) of \(count) rule\(count == 1 ? "" : "s") tripped."
        return GateView(passed: failed == 0, headline: headline, results: report.results.map { r in
            GateRowView(ruleHtml: escapeXML(r.rule.text), passed: r.passed, result: r.passed ? "passed" : "failed", seenHtml: escapeXML(r.seen))
        })
    }

    func metric(_ m: MetricComparison, id: String) -> MetricView {
        let direction: String? = switch m.direction {
        case .lowerIsBetter: "lower is better"
        case .higherIsBetter: "higher is better"
        case .unknown: nil
        }
        let hasBaseline = compared.baseline != nil
        return MetricView(id: id, nameHtml: escapeXML(m.name), direction: direction, figure: charts[m.name].map { figure($0, id: id) },
                          hasBaseline: hasBaseline, rows: m.rows.map { row($0, hasBaseline: hasBaseline) })
    }

    func figure(_ chart: MetricChart, id: String) -> MetricFigureView {
        let (width, height) = chart.figure.pixelSize(scale: 1)
        var inline: String?
        var src: String?
        if let svg = chart.bytes(.svg) {
            inline = InlineSVG.markup(String(decoding: svg, as: UTF8.self))
            if inline == nil { src = "data:\(ChartFormat.svg.mimeType);base64," + Data(svg).base64EncodedString() }
        }
        let downloads = options.fileFormats.map { format in
            MetricDownloadView(hrefHtml: escapeXML("charts/\(chart.fileName).\(format.fileExtension)"), label: format.rawValue.uppercased())
        }
        return MetricFigureView(id: "figure-" + id, inlineSvgHtml: inline, imageSrc: src, altHtml: escapeXML(chart.figure.description),
                                width: width, height: height, downloads: downloads, hasDownloads: !downloads.isEmpty)
    }

    func row(_ r: RunMetricComparison, hasBaseline: Bool) -> MetricRowView {
        let s = r.statistics.summary
        var baseline: BaselineCellsView?
        if hasBaseline, let b = r.baseline {
            let change = r.change
            let verdict = switch change?.verdict {
            case .better?: "better"
            case .worse?: "worse"
            case .unchanged?: "same"
            case .unjudged?: "unjudged"
            case nil: "na"
            }
            baseline = BaselineCellsView(
                baselineRunHtml: b.run == r.run ? nil : escapeXML(b.run),
                baselineFinal: b.statistics.final.map(NumberText.short) ?? "—",
                change: change.map { NumberText.signed($0.absolute) } ?? "n/a",
                relative: change.map(SummaryMarkdown.changeMark) ?? "n/a",
                verdict: verdict)
        }
        return MetricRowView(
            runHtml: escapeXML(r.run), final: r.statistics.final.map(NumberText.short) ?? "—",
            min: s.min.map { NumberText.short($0.value) } ?? "—", minStep: s.min.map { String($0.step) } ?? "",
            max: s.max.map { NumberText.short($0.value) } ?? "—", maxStep: s.max.map { String($0.step) } ?? "",
            nonFinite: s.nonFinite.count, hasNonFinite: s.nonFinite.count > 0,
            baseline: baseline, noBaseline: hasBaseline && baseline == nil)
    }

    func params() -> ParamsView {
        let table = ParamsTable(runs: compared.runs.runs, baseline: compared.baseline?.runs ?? [])
        let note: String
        if table.total == 0 {
            note = "No run logged hyperparameters (hparams.yaml, params.yaml, MLflow params, TensorBoard's hparams)."
        } else if table.columns.count == 1 {
            note = "\(table.total) parameter\(table.total == 1 ? "" : "s") of one run."
        } else {
            note = "\(table.differing) of \(table.total) parameter\(table.total == 1 ? "" : "s") differ between the runs: marked ≠ and listed first."
                + (table.rows.count < table.total ? " The first \(table.rows.count) are shown." : "")
        }
        return ParamsView(
            hasParams: table.total > 0, noteHtml: escapeXML(note),
            columns: table.columns.map { ParamColumnView(nameHtml: escapeXML($0.isBaseline ? "baseline: " + $0.run : $0.run), isBaseline: $0.isBaseline) },
            rows: table.rows.map { row in
                ParamRowView(keyHtml: escapeXML(row.key), differs: row.differs, cells: zip(row.values, table.columns).map { value, column in
                    ParamCellView(valueHtml: value.map(escapeXML) ?? "—",
                                  columnHtml: escapeXML(column.isBaseline ? "baseline: " + column.run : column.run),
                                  missing: value == nil, isBaseline: column.isBaseline)
                })
            })
    }
}
