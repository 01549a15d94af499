import ArgumentParser
import LossPlotCairo
import Foundation
import Report
import RunReport

/// `lossplot diff BASELINE NEW`: compares two report folders' charts on their pixels.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the charts of two report folders on their decoded pixels.",
        discussion: """
        Each chart's PNG in NEW is compared with BASELINE's: RMS over RGB on 0-255, as matplotlib's \
        compare_images. Prints one line per chart that changed, was resized, added or removed (and \
        per chart not compared: no PNG on both sides), a summary line last, and writes an HTML \
        summary with a difference image per changed chart into --out. A PNG that is a symbolic \
        link or not a regular file, declares over 178956970 pixels (Pillow's limit) or over 32767 \
        a side, or is corrupt is not decoded: its chart is unreadable. Exit 0 when no chart \
        differs, 1 when one does (or --out cannot be written), 64 when an argument is wrong or a \
        folder is not a lossplot report.
        Two reports of runs (`report --runs`) are also compared on their numbers, read from their \
        runs.json: each run's final value of each metric (runs matched as `summary` matches them \
        with a baseline's), one line per value that moved (with the change, better or worse), \
        was added or removed, a table of them on the summary page; a value that moved makes the \
        exit status 1 as a changed chart does. Self-contained reports of runs are compared on \
        their numbers only.
        """
    )

    @Argument(help: "The earlier report folder.")
    var baseline: String

    @Argument(help: "The report folder to check against it.")
    var new: String

    @Option(name: .long, help: "The largest RMS difference (0-255 scale) that still counts as the same chart.")
    var tolerance: Double = ReportDiff.defaultTolerance

    @Option(name: .long, help: "Where to write the summary page and difference images (default: Diff).")
    var out: String = "Diff"

    func run() throws(CommandFailure) {
        guard tolerance.isFinite, tolerance >= 0 else {
            throw .usage("--tolerance must be a number ≥ 0, got \(tolerance)")
        }
        guard !out.isEmpty else { throw .usage("--out is empty") }
        try requireTextFolderName(baseline, "the baseline folder")
        try requireTextFolderName(new, "the new folder")
        try requireTextFolderName(out, "--out")
        let numbers = try openingReports { try RunsDiff.reading(earlier: baseline, new: new) }
        let diff = try openingReports {
            try ReportDiff(baseline: baseline, new: new, tolerance: tolerance, pngCodec: CairoPNGCodec(), allowingSelfContained: numbers != nil)
        }
        do {
            try diff.write(to: out, tables: numbers.map { [$0.table] } ?? [])
        } catch {
            throw CommandFailure(describing: error)
        }
        // Chart ids, run and metric names come from the folders: escaped, so that none can forge a line.
        for chart in diff.charts where chart.outcome.isFailure || chart.outcome.isNotCompared {
            StandardOutput.line(ReportDiff.line(chart, tolerance: tolerance))
        }
        for row in numbers?.changes ?? [] { StandardOutput.line(RunsDiff.line(row)) }
        let summary = ([diff.summary] + (numbers.map { [$0.summary] } ?? [])).joined(separator: "; ") + "; see \(out)/index.html"
        guard diff.failures.isEmpty, numbers?.changes.isEmpty ?? true else { throw CommandFailure(summary) }
        StandardOutput.line(summary)
    }
}
