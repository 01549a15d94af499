import RunLogs

/// The job summary in GitHub-flavoured Markdown (for `$GITHUB_STEP_SUMMARY` or a pull-request
/// comment): a title, what was compared, the gate's results, the link line, the warnings, and
/// per metric a table of each run's final, min and max (with their steps), non-finite points,
/// its baseline's final and the change, with an arrow and "better"/"worse" by the metric's
/// direction. No images: nothing is fetched from anywhere. Names read from files are escaped
/// (`MarkdownText`).
///
/// Never longer than `maxCharacters`, counted in UTF-8 bytes as GitHub counts its 1 MiB limit
/// (so an emoji counts 4): past it, rows (of the tables and the warnings) are left out from the
/// end, whole rows only, a table without rows goes with its heading, and a note says how many
/// rows were left out. The title, the gate's results, the link and the note always stay; when
/// they alone do not fit, rendering throws.
public struct SummaryMarkdown: Sendable {
    public static let defaultMaxCharacters = 1_000_000

    public var title = "Training runs"
    public var maxCharacters = SummaryMarkdown.defaultMaxCharacters
    public var link: ArtifactLink?

    public init(maxCharacters: Int = SummaryMarkdown.defaultMaxCharacters, link: ArtifactLink? = nil) {
        self.maxCharacters = maxCharacters
        self.link = link
    }

    /// The summary and what was left out of it.
    public struct Rendered: Sendable, Equatable {
        public let text: String
        /// Rows left out to stay within the bound, and the rows there were.
        public let droppedRows: Int
        public let totalRows: Int
    }

    /// A heading and its rows, each row one line.
    struct Section {
        let header: String
        let rows: [String]
        let isMetric: Bool
    }

    /// Renders `compared` and the gate's `report`; `name` names the options the note mentions.
    public func render(_ compared: ComparedRuns, gate report: GateReport?, naming name: (ComparisonOption) -> String = \.description)
        throws(ComparisonError) -> Rendered {
        guard maxCharacters > 0 else { throw .usage("\(option: .maxCharacters) must be positive, got \(maxCharacters)") }
        var fixed = [headBlock(compared)]
        if let report { fixed.append(Self.gateBlock(report)) }
        if let link { fixed.append("Artifacts: <\(link.url)>\n") }
        var sections: [Section] = []
        if !compared.warnings.isEmpty {
            sections.append(Section(header: "### Warnings\n\n", rows: compared.warnings.map { "- " + MarkdownText.escaped($0.description) + "\n" }, isMetric: false))
        }
        let hasBaseline = compared.baseline != nil
        for metric in compared.metrics {
            sections.append(Section(header: Self.tableHeader(metric, hasBaseline: hasBaseline),
                                    rows: metric.rows.map { Self.row($0, hasBaseline: hasBaseline) }, isMetric: true))
        }

        let whole = Self.document(fixed + sections.map { $0.header + $0.rows.joined() })
        let totalRows = sections.reduce(0) { $0 + $1.rows.count }
        if whole.utf8.count <= maxCharacters { return Rendered(text: whole, droppedRows: 0, totalRows: totalRows) }

        let metricCount = sections.filter(\.isMetric).count
        let widestNote = note(dropped: totalRows, of: totalRows, hiddenMetrics: metricCount, name)
        let fixedSize = Self.document(fixed + [widestNote]).utf8.count
        guard fixedSize <= maxCharacters else {
            throw .usage("\(option: .maxCharacters) \(maxCharacters) is too small: the title, the gate's results and the note alone take \(fixedSize)")
        }
        // Each block after the first costs its text and the blank line before it.
        var budget = maxCharacters - fixedSize
        var kept: [String] = []
        var keptRows = 0, hiddenMetrics = 0
        var full = true
        for section in sections {
            var rows = ""
            var count = 0
            if full {
                for row in section.rows {
                    let cost = row.utf8.count + (count == 0 ? section.header.utf8.count + 1 : 0)
                    guard cost <= budget else { full = false; break }
                    budget -= cost
                    rows += row
                    count += 1
                }
            }
            if count > 0 { kept.append(section.header + rows) } else if section.isMetric { hiddenMetrics += 1 }
            keptRows += count
        }
        let dropped = totalRows - keptRows
        let text = Self.document(fixed + [note(dropped: dropped, of: totalRows, hiddenMetrics: hiddenMetrics, name)] + kept)
        return Rendered(text: text, droppedRows: dropped, totalRows: totalRows)
    }

    /// Blocks with a blank line between them.
    static func document(_ blocks: [String]) -> String { blocks.joined(separator: "\n") }

    func note(dropped: Int, of total: Int, hiddenMetrics: Int, _ name: (ComparisonOption) -> String) -> String {
        let hidden = hiddenMetrics == 0 ? "" : hiddenMetrics == 1 ? " (1 metric is not shown)" : " (\(NumberText.grouped(hiddenMetrics)) metrics are not shown)"
        let message: ComparisonMessage = "**Note:** \(NumberText.grouped(dropped)) of \(NumberText.grouped(total)) rows were left out to keep this summary within \(NumberText.grouped(maxCharacters)) characters\(hidden); \(option: .jsonForm) has every row.\n"
        return message.rendered(naming: name)
    }

    func headBlock(_ compared: ComparedRuns) -> String {
        "## \(MarkdownText.escaped(title))\n\n" + ComparisonHeadline(compared).rendered(name: MarkdownText.escaped).map { $0 + "\n" }.joined()
    }

    static func gateBlock(_ report: GateReport) -> String {
        let failed = report.failures.count
        let headline = failed == 0
            ? "**Gate: ✅ \(report.results.count == 1 ? "the rule passed" : "all \(report.results.count) rules passed")**"
            : "**Gate: ❌ \(failed) of \(ComparisonHeadline.plural(report.results.count, "rule")) failed**"
        var text = headline + "\n\n" + MarkdownText.row(["rule", "result", "seen"]) + "|:--|:--|:--|\n"
        for result in report.results {
            text += MarkdownText.row([MarkdownText.code(result.rule.text), result.passed ? "✅ passed" : "❌ failed", MarkdownText.escaped(result.seen)])
        }
        return text
    }

    static func tableHeader(_ metric: MetricComparison, hasBaseline: Bool) -> String {
        let direction = switch metric.direction {
        case .lowerIsBetter: " (lower is better)"
        case .higherIsBetter: " (higher is better)"
        case .unknown: ""
        }
        var cells = ["run", "final", "min @ step", "max @ step", "non-finite"]
        var alignment = "|:--|--:|--:|--:|--:|"
        if hasBaseline {
            cells += ["baseline final", "change", "change %"]
            alignment += "--:|--:|:--|"
        }
        return "### \(MarkdownText.escaped(metric.name))\(direction)\n\n" + MarkdownText.row(cells) + alignment + "\n"
    }

    static func row(_ row: RunMetricComparison, hasBaseline: Bool) -> String {
        let s = row.statistics.summary
        func at(_ v: MetricSummary.StepValue?) -> String { v.map { "\(NumberText.short($0.value)) @\($0.step)" } ?? "—" }
        var cells = [MarkdownText.escaped(row.run), row.statistics.final.map(NumberText.short) ?? "—", at(s.min), at(s.max), String(s.nonFinite.count)]
        if hasBaseline {
            guard let baseline = row.baseline else { return MarkdownText.row(cells + ["—", "—", "no baseline"]) }
            cells.append(baseline.statistics.final.map(NumberText.short) ?? "—")
            if let change = row.change {
                cells += [NumberText.signed(change.absolute), changeMark(change)]
            } else {
                cells += ["n/a", "n/a"]
            }
        }
        return MarkdownText.row(cells)
    }

    /// `▲ +192% worse`, `▼ -5.0% better`, `= same`, `▲ +3.1%` (direction unknown).
    public static func changeMark(_ change: MetricChange) -> String {
        let arrow = change.absolute > 0 ? "▲" : change.absolute < 0 ? "▼" : "="
        var parts = [arrow]
        if let relative = change.relative, change.absolute != 0 { parts.append(NumberText.percent(relative)) }
        switch change.verdict {
        case .better: parts.append("better")
        case .worse: parts.append("worse")
        case .unchanged: parts.append("same")
        case .unjudged: break
        }
        return parts.joined(separator: " ")
    }
}
