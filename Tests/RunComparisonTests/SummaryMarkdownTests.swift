import Foundation
import RunComparison
import RunLogs
import Testing

/// The job summary: its tables on real runs, names from files kept inert, and the cut that
/// keeps it under GitHub's limit.
@Suite struct SummaryMarkdownTests {
    let v0: RunSet
    let v1: RunSet

    init() throws { (v0, v1) = try Fixtures.lightningVersions() }

    func render(_ runs: RunSet, _ baseline: RunSet?, rules: [String] = [], options: ComparisonOptions = ComparisonOptions(),
                maxCharacters: Int = SummaryMarkdown.defaultMaxCharacters, link: ArtifactLink? = nil) throws -> SummaryMarkdown.Rendered {
        let compared = try ComparedRuns(runs: runs, baseline: baseline, options: options)
        let report = rules.isEmpty ? nil : try Gate(parsing: rules).evaluate(compared)
        return try SummaryMarkdown(maxCharacters: maxCharacters, link: link).render(compared, gate: report)
    }

    /// The table row of `run` in `metric`'s table.
    func row(_ text: String, metric: String, run: String) throws -> String {
        let section = try #require(text.components(separatedBy: "### ").first { $0.hasPrefix(metric + " ") || $0.hasPrefix(metric + "\n") })
        return try #require(section.split(separator: "\n").first { $0.hasPrefix("| \(run) |") }.map(String.init))
    }

    @Test func aWorseRunsRowShowsItsNumbersTheChangeAndWorse() throws {
        let text = try render(v0, v1, rules: ["val_loss.final > baseline * 1.02", "val_loss.final > 2"]).text
        let loss = try #require(v0.runs[0].metric(named: "val_loss")), base = try #require(v1.runs[0].metric(named: "val_loss"))
        let s = MetricSummary(loss), b = MetricSummary(base)
        let final = try #require(s.last?.value), baseFinal = try #require(b.last?.value)
        let expected = "| version_0 | \(NumberText.short(final)) | \(NumberText.short(try #require(s.min?.value))) @\(try #require(s.min?.step)) "
            + "| \(NumberText.short(try #require(s.max?.value))) @\(try #require(s.max?.step)) | 0 | \(NumberText.short(baseFinal)) "
            + "| \(NumberText.signed(final - baseFinal)) | ▲ \(NumberText.percent((final - baseFinal) / baseFinal)) worse |"
        #expect(try row(text, metric: "val_loss", run: "version_0") == expected)
        #expect(text.hasPrefix("## Training runs\n\nRun version_0 against baseline run version_1.\n"))
        #expect(text.contains("### val_loss (lower is better)\n\n| run | final | min @ step | max @ step | non-finite | baseline final | change | change % |\n"))
        #expect(text.contains("**Gate: ❌ 1 of 2 rules failed**"))
        #expect(text.contains("| `val_loss.final > baseline * 1.02` | ❌ failed | version_0: \(NumberText.short(final)) (baseline \(NumberText.short(baseFinal)), limit \(NumberText.short(baseFinal * 1.02))) |"))
        #expect(text.contains("| `val_loss.final > 2` | ✅ passed | version_0: \(NumberText.short(final)) (limit 2) |"))
        #expect(text.contains("### Warnings\n\n- version_0: grad_scale is NaN or infinite at 3 points (steps 5, 6, 7)\n"))
        #expect(!text.contains("Note:"))
    }

    @Test func aBetterAndAnEqualRunAreSaidSo() throws {
        #expect(try row(try render(v1, v0).text, metric: "val_loss", run: "version_1").hasSuffix(" better |"))
        #expect(try row(try render(v1, v0).text, metric: "val_loss", run: "version_1").contains("| ▼ -"))
        #expect(try row(try render(v0, v0).text, metric: "val_loss", run: "version_0").hasSuffix("| 0 | = same |"))
        // grad_scale's finals are NaN: no change to show.
        #expect(try row(try render(v0, v1).text, metric: "grad_scale", run: "version_0").hasSuffix("| NaN | n/a | n/a |"))
        // Without a baseline there are no baseline columns.
        let alone = try render(v0, nil).text
        #expect(alone.contains("1 run, no baseline."))
        #expect(!alone.contains("baseline final"))
        #expect(try row(alone, metric: "val_loss", run: "version_0").split(separator: "|").count == 5)
        #expect(try render(v0, v0, rules: ["val_loss.final > baseline"]).text.contains("**Gate: ✅ the rule passed**"))
    }

    @Test func namesFromFilesCannotBreakATableOrAddHTMLImagesOrLinks() throws {
        let name = "a|b`c<img src=x onerror=alert(1)>\n![i](https://e.example/x.png) *y* _z_ &amp; #h"
        let metric = Metric(name: "loss|" + name, points: [MetricPoint(step: 0, value: 1), MetricPoint(step: 1, value: .nan)])
        let runs = RunSet(runs: [Run(name: name, format: .jsonl, paths: ["/x"], metrics: [metric])],
                          warnings: [RunLogWarning(path: "/runs/\(name).jsonl", at: .line(3), "the last line is cut short")])
        let text = try render(runs, runs, rules: ["\"\(metric.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\".final > baseline"]).text
        // The rule is a code span (shown as written); everywhere else every <, [ and ] is escaped,
        // so no HTML, link or image can be spelled.
        let lines = text.split(separator: "\n")
        let gateRow = try #require(lines.first { $0.hasPrefix("| ``") })
        #expect(gateRow.contains("`` | ❌ failed | no run could be compared with the baseline ("))
        #expect(gateRow.hasSuffix(": the baseline's final is NaN) |"))
        for line in lines where line != gateRow {
            #expect(line.firstMatch(of: try Regex(#"(^|[^\\])[<\[\]]"#)) == nil, "\(line)")
        }
        // The & itself is escaped: no entity can be spelled either (a code span shows them as written).
        #expect(!lines.filter { $0 != gateRow }.contains { $0.contains(" &amp; #") })
        #expect(text.contains("&amp;amp; \\#h"))
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            // The unescaped pipes are the cell borders only: as many as the header has.
            let borders = Self.unescapedPipes(String(line))
            #expect(borders == 4 || borders == 6 || borders == 9, "\(line)")
        }
        // The newline inside the name is shown as \n, so every row is one line.
        #expect(text.contains("a\\|b\\`c\\<img"))
        #expect(text.contains("\\\\n!\\[i\\]"))
    }

    @Test func whatWouldOpenABlockAtALinesStartIsEscaped() {
        #expect(MarkdownText.escaped("> quoted") == "\\> quoted")
        #expect(MarkdownText.escaped("- item") == "\\- item")
        #expect(MarkdownText.escaped("12. step") == "12\\. step")
        #expect(MarkdownText.escaped("3) x") == "3\\) x")
        #expect(MarkdownText.escaped("val_loss-2.5") == "val_loss-2.5")
        #expect(MarkdownText.escaped("10") == "10")
        #expect(MarkdownText.escaped("__init__") == "\\_\\_init\\_\\_")
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, escaped = false
        for c in line {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count
    }

    @Test func theLinkLineIsTheArtifactURLOrTheWorkflowRun() throws {
        let link = try ArtifactLink(url: "https://github.com/o/r/actions/runs/1(x)")
        #expect(link.url == "https://github.com/o/r/actions/runs/1%28x%29")
        #expect(try render(v0, nil, link: link).text.contains("\nArtifacts: <https://github.com/o/r/actions/runs/1%28x%29>\n"))
        #expect(throws: ComparisonError.self) { try ArtifactLink(url: "javascript:alert(1)") }
        #expect(throws: ComparisonError.self) { try ArtifactLink(url: "https://x/a b") }
        #expect(throws: ComparisonError.self) { try ArtifactLink(url: "https://x/<a>") }
        #expect(throws: ComparisonError.self) { try ArtifactLink(url: "https://") }
        let env = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "octo/train", "GITHUB_RUN_ID": "42"]
        #expect(ArtifactLink.workflowRun(environment: env)?.url == "https://github.com/octo/train/actions/runs/42")
        #expect(ArtifactLink.workflowRun(environment: env.merging(["GITHUB_RUN_ID": "42)x"]) { $1 }) == nil)
        #expect(ArtifactLink.workflowRun(environment: env.merging(["GITHUB_REPOSITORY": "a/b/c"]) { $1 }) == nil)
        #expect(ArtifactLink.workflowRun(environment: ["GITHUB_RUN_ID": "42"]) == nil)
    }

    /// One run of `count` metrics of a few points each, some with a NaN, and a baseline of the
    /// same metrics a little lower: a summary several times GitHub's limit.
    static func manyMetrics(_ count: Int) -> (runs: RunSet, baseline: RunSet) {
        func run(_ name: String, offset: Double) -> Run {
            let metrics = (0..<count).map { k in
                Metric(name: "layer\(k)/grad_loss", points: (0..<4).map { i -> MetricPoint in
                    let diverges = k % 97 == 0 && i == 2 && offset == 0
                    let value: Double = diverges ? .nan : 1 / Double(i + 1) + Double(k) * 1e-4 + offset
                    return MetricPoint(step: Int64(i * 10), value: value)
                })
            }
            return Run(name: name, format: .tfevents, paths: ["/runs/\(name)/events.out.tfevents.1"], metrics: metrics)
        }
        return (RunSet(runs: [run("seed0", offset: 0)]), RunSet(runs: [run("seed0", offset: -0.01)]))
    }

    @Test func tenThousandMetricsAreCutToTheBoundByWholeRowsWithANote() throws {
        let (runs, baseline) = Self.manyMetrics(10_000)
        let rules = ["layer0/grad_loss.final > baseline * 1.5", "nonfinite"]
        let whole = try render(runs, baseline, rules: rules, maxCharacters: .max)
        #expect(whole.droppedRows == 0)
        #expect(whole.text.utf8.count > 2_000_000, "the uncut summary is \(whole.text.utf8.count) bytes")

        let cut = try render(runs, baseline, rules: rules)
        let text = cut.text
        #expect(text.utf8.count <= 1_000_000)
        #expect(text.utf8.count > 1_000_000 - 400, "the cut left \(text.utf8.count) bytes: more was dropped than needed")
        #expect(cut.totalRows == whole.totalRows)
        #expect(cut.droppedRows > 0 && cut.droppedRows < cut.totalRows)
        // Every line is a whole line of the uncut summary, but the note.
        let wholeLines = Set(whole.text.split(separator: "\n", omittingEmptySubsequences: false))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let foreign = lines.filter { !wholeLines.contains($0) }
        #expect(foreign.count == 1 && foreign.first?.hasPrefix("**Note:** ") == true, "\(foreign.prefix(3))")
        let note = "**Note:** \(NumberText.grouped(cut.droppedRows)) of \(NumberText.grouped(cut.totalRows)) rows were left out to keep this summary within 1,000,000 characters"
        #expect(text.contains(note))
        #expect(text.contains("jsonForm has every row."))
        // The rows kept are the first ones, and the count adds up.
        let keptRows = lines.filter { $0.hasPrefix("| seed0 |") || $0.hasPrefix("- seed0: ") }.count
        #expect(keptRows == cut.totalRows - cut.droppedRows)
        #expect(text.contains("### layer0/grad_loss (lower is better)"))
        #expect(!text.contains("### layer9999/grad_loss"))
        // The gate survives whole.
        #expect(text.contains("**Gate: ❌ 1 of 2 rules failed**"))
        #expect(text.contains("| `nonfinite` | ❌ failed |"))
    }

    @Test func theBoundIsExactAndTooSmallABoundIsAnError() throws {
        let whole = try render(v0, v1, rules: ["nonfinite"], maxCharacters: .max).text
        let n = whole.utf8.count
        #expect(try render(v0, v1, rules: ["nonfinite"], maxCharacters: n).text == whole)
        let cut = try render(v0, v1, rules: ["nonfinite"], maxCharacters: n - 1)
        #expect(cut.text.utf8.count <= n - 1)
        #expect(cut.droppedRows > 0)
        #expect(cut.text.contains("**Note:** "))
        #expect(cut.text.contains("| `nonfinite` | ❌ failed |"))
        #expect(throws: ComparisonError.self) { try render(v0, v1, rules: ["nonfinite"], maxCharacters: 200) }
        #expect(throws: ComparisonError.self) { try render(v0, v1, maxCharacters: 0) }
    }
}
