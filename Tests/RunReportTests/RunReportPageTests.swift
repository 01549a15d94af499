import Foundation
import OutputFiles
import Report
import RunComparison
import RunLogs
@testable import RunReport
import Testing

/// A report of runs written from the runs the real loggers wrote (Lightning's two versions of a
/// tiny run, torch's and tensorboardX's event files, Keras' CSVLogger), checked on the page it
/// writes: the numbers RunComparison computed, the baseline muted, the hyperparameters' differences
/// marked, the warnings listed, hostile names escaped.
@Suite struct RunReportPageTests {
    /// The `<tr>` of `run` in the table of `metric`: the metric's section up to the next one.
    func row(_ html: String, metric: String, run: String) throws -> String {
        let heading = "<span class=\"metric-name\">\(metric)</span>"
        let start = try #require(html.range(of: heading), "no section for \(metric)")
        let section = html[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "</section>")?.lowerBound ?? section.endIndex
        let table = section[..<end]
        let cell = try #require(table.range(of: "<tr><th scope=\"row\">\(run)</th>"), "no row for \(run) in \(metric)")
        let rowEnd = table[cell.upperBound...].range(of: "</tr>")?.upperBound ?? table.endIndex
        return String(table[cell.lowerBound..<rowEnd])
    }

    /// For each baseline (better, worse, the same run), the val_loss row shows the statistics and
    /// the change RunComparison computed, marked better, worse or same.
    @Test(arguments: [("version_1", "version_0", "better"), ("version_0", "version_1", "worse"), ("version_0", "version_0", "same")])
    func theTablesHoldRunComparisonsNumbers(_ sides: (String, String, String)) throws {
        let (run, base, verdict) = sides
        let runs = try RunReportFixtures.load("lightning/tiny/\(run)"), baseline = try RunReportFixtures.load("lightning/tiny/\(base)")
        let out = try RunReportFixtures.temporaryFolder("numbers") + "/report"
        try RunReportFixtures.write(runs, baseline: baseline, to: out)
        let html = RunReportFixtures.text(out)
        let compared = try ComparedRuns(runs: runs, baseline: baseline)
        for metric in compared.metrics {
            for r in metric.rows {
                let tr = try row(html, metric: metric.name, run: r.run)
                let s = r.statistics.summary
                #expect(tr.contains("<td data-label=\"final\">\(r.statistics.final.map(NumberText.short) ?? "—")</td>"), "\(metric.name): \(tr)")
                if let min = s.min { #expect(tr.contains("<td data-label=\"min\">\(NumberText.short(min.value))</td><td data-label=\"min at step\" class=\"step\">\(min.step)</td>"), "\(tr)") }
                if let max = s.max { #expect(tr.contains("<td data-label=\"max\">\(NumberText.short(max.value))</td><td data-label=\"max at step\" class=\"step\">\(max.step)</td>"), "\(tr)") }
                #expect(tr.contains(">\(s.nonFinite.count)</td>"))
                let b = try #require(r.baseline)
                #expect(tr.contains("<td data-label=\"baseline final\" class=\"baseline\">\(b.statistics.final.map(NumberText.short) ?? "—")"), "\(tr)")
                if let change = r.change {
                    #expect(tr.contains(">\(NumberText.signed(change.absolute))</td>"), "\(tr)")
                    #expect(tr.contains(">\(SummaryMarkdown.changeMark(change))</td>"), "\(tr)")
                }
            }
        }
        let valLoss = try row(html, metric: "val_loss", run: run)
        #expect(valLoss.contains("class=\"change \(verdict)\""), "\(valLoss)")
        #expect(html.contains("<span class=\"direction\">lower is better</span>"))
    }

    @Test func theBaselineIsMutedAndLabelledInTheTablesAndTheHyperparameters() throws {
        let out = try RunReportFixtures.temporaryFolder("muted") + "/report"
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_1"), baseline: try RunReportFixtures.load("lightning/tiny/version_0"), to: out)
        let html = RunReportFixtures.text(out)
        #expect(html.contains("<th scope=\"col\" class=\"baseline\">baseline final</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"baseline\">baseline: version_0</th>"))
        // The one run and the one baseline run are compared though their names differ: said.
        #expect(html.contains("<span class=\"baseline-run\">(version_0)</span>"))
        #expect(html.contains("Run <strong>version_1</strong> against baseline run <strong>version_0</strong>."))
        // The chart's description says how the baseline is drawn.
        #expect(html.contains("1 run beside 1 baseline run (dashed and lighter)"))
        let css = RunReportFixtures.text(out, "runs.css")
        #expect(css.contains("td.baseline"))
    }

    @Test func hyperparametersAreSideBySideWithTheDifferencesMarkedAndFirst() throws {
        let out = try RunReportFixtures.temporaryFolder("params") + "/report"
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_1"), baseline: try RunReportFixtures.load("lightning/tiny/version_0"), to: out)
        let html = RunReportFixtures.text(out)
        let params = try #require(html.range(of: "<table class=\"params stacked\">")).upperBound
        let table = String(html[params...].prefix { _ in true }.split(separator: "</table>", maxSplits: 1).first ?? "")
        let rows = table.components(separatedBy: "<tr").dropFirst(2)
        // lr and note differ (0.1 vs 0.05, seed 1 vs seed 0), and come first; hidden does not.
        #expect(rows.count == 8, "\(rows.count)")
        #expect(rows.prefix(2).allSatisfy { $0.hasPrefix(" class=\"differs\"") }, "\(Array(rows.prefix(2)))")
        #expect(rows.first?.contains("lr<span class=\"visually-hidden\"> (differs)</span></th><td data-label=\"version_1\" class=\"\">0.1</td><td data-label=\"baseline: version_0\" class=\"baseline \">0.05</td>") == true, "\(rows.first ?? "")")
        #expect(rows.dropFirst(2).allSatisfy { !$0.contains("differs") })
        #expect(table.contains("<th scope=\"row\">hidden</th><td data-label=\"version_1\" class=\"\">4</td><td data-label=\"baseline: version_0\" class=\"baseline \">4</td>"))
        #expect(html.contains("2 of 8 parameters differ between the runs: marked ≠ and listed first."))
    }

    /// NaN at a step (Lightning's grad_scale), a truncated event file (a real one cut short, as
    /// a killed writer leaves it) and an epoch that went back (Keras' CSVLogger appended by a
    /// second fit) are each listed.
    @Test func theReadersWarningsAndNonFinitePointsAreListed() throws {
        let dir = try RunReportFixtures.temporaryFolder("warnings")
        let event = RunReportFixtures.path("tfevents/tensorboardx/events.out.tfevents.1796156737.vm")
        var bytes = try #require(FileManager.default.contents(atPath: event))
        bytes.removeLast(7)
        try FileManager.default.createDirectory(atPath: dir + "/cut", withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: dir + "/cut/events.out.tfevents.1796156737.vm"))
        let runs = try RunLoader.load([RunReportFixtures.path("lightning/tiny/version_0"), dir + "/cut", RunReportFixtures.path("keras/appended.csv")])
        try RunReportFixtures.write(runs, baseline: nil, to: dir + "/report")
        let html = RunReportFixtures.text(dir + "/report")
        let warnings = try #require(html.range(of: "<section id=\"warnings\""))
        let list = html[warnings.lowerBound...].prefix(4000)
        #expect(list.contains("version_0: grad_scale is NaN or infinite at 3 points (steps 5, 6, 7)"), "\(list)")
        #expect(list.contains("cut/events.out.tfevents.1796156737.vm: byte 1050: the last record is incomplete"), "\(list)")
        #expect(list.contains("appended.csv:6: the epoch goes back (from 3 to 0)"), "\(list)")
        #expect(html.contains("<a href=\"#warnings\">Warnings (3)</a>"))
        // The non-finite count is in grad_scale's row, marked.
        #expect(try row(html, metric: "grad_scale", run: "version_0").contains("<td data-label=\"NaN/Inf\" class=\"nonfinite\">3</td>"))
    }

    /// Names are data: a JSON Lines log (a format users write by hand) whose run and metric names
    /// and values are markup, quotes and paths stays text in the page, and its chart files are
    /// named by slugs inside charts/.
    @Test func hostileRunAndMetricNamesAreEscapedAndNeverPaths() throws {
        let dir = try RunReportFixtures.temporaryFolder("hostile")
        let name = "<img src=x onerror=alert(1)>"
        let log = dir + "/\(name).jsonl"
        let lines = (0..<5).map { i in
            #"{"step": \#(i), "<script>alert(1)</script>": \#(1.0 / Double(i + 1)), "../../etc/passwd": \#(i), "a&b\"c'd": 0.5}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let out = dir + "/report"
        let manifest = try RunReportFixtures.write(try RunLoader.load([log]), baseline: nil, to: out, title: "</title><script>x</script>")
        let html = RunReportFixtures.text(out)
        for raw in ["<script>alert", "<img src=x", "</title><script>", "a&b\"c'd"] { #expect(!html.contains(raw), "\(raw) reached the page unescaped") }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("a&amp;b&quot;c&#39;d"))
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"))
        let charts = manifest.files.filter { $0.path.hasPrefix("charts/") }
        #expect(charts.count == 6)
        #expect(charts.allSatisfy { FolderFile.isPlainPath($0.path) && !$0.path.contains("..") && $0.path.split(separator: "/").count == 2 }, "\(charts.map(\.path))")
        #expect(Set(charts.compactMap(\.scenario)) == ["<script>alert(1)</script>", "../../etc/passwd", "a&b\"c'd"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/etc"))
    }

    @Test func theSameRunsGiveTheSameBytesAndVerifyPasses() throws {
        let dir = try RunReportFixtures.temporaryFolder("determinism")
        let runs = try RunReportFixtures.load("lightning/tiny/version_1", "tfevents/torch/simple")
        let baseline = try RunReportFixtures.load("lightning/tiny/version_0")
        for selfContained in [false, true] {
            let a = dir + "/a\(selfContained)", b = dir + "/b\(selfContained)"
            try RunReportFixtures.write(runs, baseline: baseline, to: a, selfContained: selfContained, rules: ["val_loss.final > 1"])
            try RunReportFixtures.write(runs, baseline: baseline, to: b, selfContained: selfContained, rules: ["val_loss.final > 1"])
            let first = contents(of: a), second = contents(of: b)
            #expect(!first.isEmpty && first == second, "self-contained \(selfContained): the two reports differ")
            let verification = try ReportVerification(folder: a)
            #expect(verification.isIntact, "\(verification.findings)")
            #expect(verification.manifest.files.contains { $0.path == RunsFile.fileName })
            #expect(verification.manifest.selfContained == selfContained)
            if selfContained { #expect(Set(first.keys) == ["index.html", "manifest.json", "runs.json"]) }
            // A changed runs.json is found.
            try Data("{}".utf8).write(to: URL(fileURLWithPath: a + "/" + RunsFile.fileName))
            #expect(try ReportVerification(folder: a).findings.map(\.kind) == ["changed"])
        }
    }

    /// Self-contained: the stylesheet inside, allowed by its hash; every chart inline; nothing the
    /// page could request (no src or href that leaves the page, no script).
    @Test func aSelfContainedPageRequestsNothing() throws {
        let out = try RunReportFixtures.temporaryFolder("single") + "/report"
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_1"), baseline: try RunReportFixtures.load("lightning/tiny/version_0"),
                                    to: out, selfContained: true)
        let html = RunReportFixtures.text(out)
        let css = try RunReportWriter.stylesheet(in: TemplateSet.load(explicit: nil).directory)
        #expect(html.contains("style-src &#39;sha256-\(FileHash.sha256Base64(Array(css.utf8)))&#39;"))
        #expect(html.contains("<style>\(css)</style>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<link"))
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts == 5, "\(charts) inline charts")
    }

    /// A gate's results are shown with the rule, the verdict and what was seen.
    @Test func theGatesResultsAreShown() throws {
        let out = try RunReportFixtures.temporaryFolder("gate") + "/report"
        try RunReportFixtures.write(try RunReportFixtures.load("lightning/tiny/version_0"), baseline: try RunReportFixtures.load("lightning/tiny/version_1"),
                                    to: out, rules: ["val_loss.final > baseline * 1.02", "val_loss.final > 2"])
        let html = RunReportFixtures.text(out)
        #expect(html.contains("<p class=\"gate-badge fail\"><a href=\"#gate\">Regression gate: Failed: 1 of 2 rules tripped.</a></p>"))
        #expect(html.contains("<tr class=\"fail\"><td><code>val_loss.final &gt; baseline * 1.02</code></td><td class=\"result\">✗ failed</td><td>version_0: 0.680465 (baseline 0.232784, limit 0.237439)</td></tr>"), "\(html)")
        #expect(html.contains("<tr class=\"pass\"><td><code>val_loss.final &gt; 2</code></td><td class=\"result\">✓ passed</td>"))
    }

    func contents(of dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: dir) else { return out }
        for case let rel as String in e {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
            }
        }
        return out
    }
}
