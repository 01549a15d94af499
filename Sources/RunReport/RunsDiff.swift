import Foundation
import OutputFiles
import Report
import RunComparison

/// `lossplot diff` on two reports of runs: beside the pixels of their charts, the numbers that
/// moved, read from each folder's `runs.json` (never from the HTML). Metric by metric, each run
/// of the new report is matched with the earlier report's run as `summary` matches runs with a
/// baseline's (`RunPairing`: by name, or the only run of each whatever its name), and its final
/// value is compared: moved (with the change and whether it is better, RunComparison's
/// `MetricChange`), the same, added (a run or metric only the new report has) or removed.
public struct RunsDiff: Sendable, Equatable {
    /// What became of one run's final value of one metric.
    public enum Status: String, Sendable, Equatable {
        case moved, same, added, removed
    }

    public struct Row: Sendable, Equatable {
        public let metric: String
        /// The new report's run; the earlier report's for a removed row.
        public let run: String
        /// The earlier report's run when its name is not `run`'s.
        public let earlierRun: String?
        public let before: Double?
        public let after: Double?
        /// From `before` to `after`, when both are finite.
        public let change: MetricChange?
        public let status: Status

        public static func == (a: Row, b: Row) -> Bool {
            a.metric == b.metric && a.run == b.run && a.earlierRun == b.earlierRun && a.status == b.status && a.change == b.change
                && RunsDiff.same(a.before, b.before) && RunsDiff.same(a.after, b.after)
        }
    }

    /// Every metric's rows, in the new report's order of metrics and runs, then what only the
    /// earlier report had.
    public let rows: [Row]

    /// Rows that are not the same.
    public var changes: [Row] { rows.filter { $0.status != .same } }

    /// Compares the earlier report's numbers with the new one's.
    public init(earlier: RunsFile.Contents, new: RunsFile.Contents) {
        let pairing = RunPairing(runNames: new.runs.map(\.name), baselineNames: earlier.runs.map(\.name))
        let earlierMetrics = Dictionary(earlier.metrics.map { ($0.name, $0) }) { a, _ in a }
        var rows: [Row] = []
        var seenMetrics = Set<String>()
        for metric in new.metrics where seenMetrics.insert(metric.name).inserted {
            let before = earlierMetrics[metric.name]
            let beforeRows = Dictionary((before?.rows ?? []).map { ($0.runIndex, $0) }) { a, _ in a }
            var used = Set<Int>()
            for row in metric.rows {
                let match = row.runIndex < pairing.baselineIndex.count ? pairing.baselineIndex[row.runIndex] : nil
                guard let b = match, let old = beforeRows[b] else {
                    rows.append(Row(metric: metric.name, run: row.run, earlierRun: nil, before: nil, after: row.final, change: nil, status: .added))
                    continue
                }
                used.insert(b)
                let change = old.final.flatMap { from in row.final.flatMap { MetricChange(from: from, to: $0, direction: metric.direction) } }
                rows.append(Row(metric: metric.name, run: row.run, earlierRun: old.run == row.run ? nil : old.run, before: old.final, after: row.final,
                                change: change, status: Self.same(old.final, row.final) ? .same : .moved))
            }
            for old in before?.rows ?? [] where !used.contains(old.runIndex) {
                rows.append(Row(metric: metric.name, run: old.run, earlierRun: nil, before: old.final, after: nil, change: nil, status: .removed))
            }
        }
        for metric in earlier.metrics where seenMetrics.insert(metric.name).inserted {
            for old in metric.rows {
                rows.append(Row(metric: metric.name, run: old.run, earlierRun: nil, before: old.final, after: nil, change: nil, status: .removed))
            }
        }
        self.rows = rows
    }

    /// Two finals are the same when equal, both NaN, or both absent.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x == y || (x.isNaN && y.isNaN)
        default: false
        }
    }

    /// The two folders' numbers compared; nil unless both are reports of runs (their manifests
    /// list `runs.json`). Throws one line when a listed `runs.json` cannot be read or is not one
    /// lossplot wrote.
    public static func reading(earlier: String, new: String) throws -> RunsDiff? {
        guard let before = try contents(of: earlier), let after = try contents(of: new) else { return nil }
        return RunsDiff(earlier: before, new: after)
    }

    /// A folder's `runs.json`, nil when its manifest does not list one.
    static func contents(of folder: String) throws -> RunsFile.Contents? {
        let manifest = try ReportManifest(readingFolder: folder)
        guard manifest.files.contains(where: { $0.path == RunsFile.fileName }) else { return nil }
        let path = (folder as NSString).appendingPathComponent(RunsFile.fileName)
        switch FolderFile.read(RunsFile.fileName, in: folder, maxBytes: RunsFile.maxBytes) {
        case .success(let bytes):
            do { return try RunsFile.contents(decoding: bytes) } catch { throw ReportError("\(path) \(error)") }
        case .failure(.missing): throw ReportError("\(path) is missing (\(folder)/\(ReportManifest.fileName) lists it)")
        case .failure(.notRegular(let what)): throw ReportError("\(path) is \(what), not a regular file")
        case .failure(let failure): throw ReportError("cannot read \(path): \(failure)")
        }
    }

    /// One line for a row that is not the same: `moved: val_loss: version_1: final 0.232784 →
    /// 0.680465 (+0.447681, ▲ +192% worse)`, `added: …`, `removed: …`. Unescaped.
    public static func line(_ row: Row) -> String {
        let run = row.earlierRun.map { "\(row.run) (was \($0))" } ?? row.run
        let what = "\(row.metric): \(run): final"
        switch row.status {
        case .same: return "same: \(what) \(number(row.after))"
        case .added: return "added: \(what) \(number(row.after))"
        case .removed: return "removed: \(what) \(number(row.before))"
        case .moved:
            let change = row.change.map { " (\(NumberText.signed($0.absolute)), \(SummaryMarkdown.changeMark($0)))" } ?? ""
            return "moved: \(what) \(number(row.before)) → \(number(row.after))\(change)"
        }
    }

    static func number(_ value: Double?) -> String { value.map(NumberText.short) ?? "none" }

    /// The last line about the numbers.
    public var summary: String {
        let finals = rows.count
        let moved = rows.filter { $0.status == .moved }.count
        let added = rows.filter { $0.status == .added }.count, removed = rows.filter { $0.status == .removed }.count
        var parts = ["\(moved) of \(finals) final value\(finals == 1 ? "" : "s") moved"]
        if added > 0 { parts.append("\(added) added") }
        if removed > 0 { parts.append("\(removed) removed") }
        return "numbers: " + parts.joined(separator: ", ")
    }

    /// The table the diff page shows: what moved first, then the rest.
    public var table: DiffTable {
        let ordered = changes + rows.filter { $0.status == .same }
        return DiffTable(
            title: "Numbers: the runs' final values", summary: summary,
            columns: ["", "metric", "run", "before", "after", "change", "change %"],
            rows: ordered.map { row in
                DiffTable.Row(kind: row.status == .same ? "ok" : "fail", cells: [
                    row.status.rawValue, row.metric, row.earlierRun.map { "\(row.run) (was \($0))" } ?? row.run,
                    Self.number(row.before), Self.number(row.after),
                    row.change.map { NumberText.signed($0.absolute) } ?? "—",
                    row.change.map(SummaryMarkdown.changeMark) ?? "—",
                ])
            })
    }
}
