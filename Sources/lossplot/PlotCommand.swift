import ArgumentParser
import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
import RunCharts
import RunLogs
import SafeText

extension ColumnPlot.Kind: ExpressibleByArgument {}
extension RunXAxis: ExpressibleByArgument {}

/// `lossplot plot`: training runs (any logger's files) as panels of metrics; or, with `--y`,
/// columns of one CSV or .npy file as a line or scatter chart.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot training runs as panels of metrics, or columns of a CSV or .npy file, as SVG, PNG or PDF.",
        discussion: """
            Runs (without --y): every log under the paths (TensorBoard event files, trainer_state.json, \
            Lightning and Keras CSV logs, DVCLive, MLflow, JSON Lines, CSV) is read as runs, and each metric \
            gets a panel, every run in the same colour in every panel. --smooth is TensorBoard's smoothing \
            (drawn over the raw curve, faded); NaN and Inf are marked at the panel's top edge; the lowest \
            and the last value of each curve are marked. Long runs are thinned to about two points per \
            pixel column, keeping each column's lowest and highest point (every spike stays).
            Example: lossplot plot runs/ --metric '*loss*' --smooth 0.6 --group '(.*)/seed' --out loss.png
            Columns (with --y): CSV files need a header line (RFC 4180 quoting); a blank cell means "not \
            logged at this row" and is skipped for that column. .npy columns are named 0, 1, 2, ...
            Example: lossplot plot metrics.csv --x step --y train_loss,val_loss --logy --out loss.svg
            Dense scatters read better with small markers: --kind scatter --marker-size 4.
            Without --out the chart goes to Output/<name>.png (Output/ is created).
            """
    )

    @Argument(help: "Log files or folders of runs; with --y, one .csv or .npy data file.")
    var paths: [String]

    @Option(help: ArgumentHelp("Runs: step (default), epoch or wall. Columns: the x column (default: the row number).", valueName: "x"))
    var x: String?

    @Option(help: ArgumentHelp("The y columns, comma separated: plot columns of one file instead of runs.", valueName: "col[,col...]"))
    var y: String?

    @Option(help: ArgumentHelp("Runs: the metrics to draw, glob patterns, comma separated (default: all).", valueName: "pattern[,pattern...]"))
    var metric: String?

    @Option(help: ArgumentHelp("Runs: TensorBoard's smoothing weight, in [0, 1).", valueName: "W"))
    var smooth: Double?

    @Option(help: ArgumentHelp("Runs: draw runs whose names give the same match (first group, else whole match) as a mean with a min-max band.", valueName: "regex"))
    var group: String?

    @Option(help: ArgumentHelp("Runs: the most points drawn per curve (default: two per pixel column).", valueName: "N"))
    var maxPoints: Int?

    @Option(help: ArgumentHelp("Runs: read every file as this format instead of telling it from its name and contents.", valueName: "format"))
    var logFormat: LogFormat?

    @Option(help: "Columns: line or scatter (default line).")
    var kind: ColumnPlot.Kind?

    @Option(help: ArgumentHelp("Columns: scatter marker area in points², as matplotlib's s (default 36).", valueName: "area"))
    var markerSize: Double?

    @Option(help: "Chart title.")
    var title: String?

    @Option(help: "Columns: x axis label (default: the x column's name).")
    var xlabel: String?

    @Option(help: "Columns: y axis label (default: the y columns' names).")
    var ylabel: String?

    @Flag(help: "Log-scale y axis (values <= 0 are left out).")
    var logy = false

    @Flag(help: "Runs: log-scale x axis (points at x <= 0 are left out).")
    var logx = false

    @Option(help: "Where to write: .svg, .png or .pdf (default: Output/<name>.png).")
    var out: String?

    @Option(help: "Chart width in pixels at 100 dpi (columns: 640; runs: 480 a panel).")
    var width: Double?

    @Option(help: "Chart height in pixels at 100 dpi (columns: 480; runs: 340 a panel).")
    var height: Double?

    @Option(help: "PNG pixel multiplier (2 for HiDPI), same layout.")
    var scale: Double = 1

    /// `--y` names columns of one file; without it the paths are runs.
    var plotsColumns: Bool { y != nil }

    var yColumns: [String] { (y ?? "").split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }

    /// Usage errors, before anything is read.
    func check() throws(CommandFailure) {
        guard !paths.isEmpty else { throw .usage("name a data file, or log files or folders of runs") }
        if let width, !(width.isFinite && width >= 100 && width <= 20000) {
            throw .usage("--width and --height must be between 100 and 20000 pixels")
        }
        if let height, !(height.isFinite && height >= 100 && height <= 20000) {
            throw .usage("--width and --height must be between 100 and 20000 pixels")
        }
        try ChartOutput.checkScale(scale)
        if let out, ChartFormat(path: out) == nil {
            throw .usage("cannot tell the format of --out \(out): use a .svg, .png or .pdf name")
        }
        if plotsColumns { try validateColumnPlot() } else { try validateRunPlot() }
    }

    func validateColumnPlot() throws(CommandFailure) {
        guard paths.count == 1 else { throw .usage("--y plots columns of one file; got \(paths.count) paths") }
        guard !yColumns.isEmpty, !yColumns.contains(where: \.isEmpty) else {
            throw .usage("--y needs column names separated by commas, got '\(y ?? "")'")
        }
        if let markerSize {
            guard kind == .scatter else { throw .usage("--marker-size applies to --kind scatter only") }
            guard markerSize.isFinite, markerSize > 0, markerSize <= 10000 else {
                throw .usage("--marker-size must be in (0, 10000] points², got \(markerSize)")
            }
        }
        let runOnly: [(String, Bool)] = [
            ("--metric", metric != nil), ("--smooth", smooth != nil), ("--group", group != nil),
            ("--max-points", maxPoints != nil), ("--log-format", logFormat != nil), ("--logx", logx),
        ]
        if let (name, _) = runOnly.first(where: \.1) {
            throw .usage("\(name) applies to runs (plot without --y)")
        }
    }

    func validateRunPlot() throws(CommandFailure) {
        if let x, RunXAxis(argument: x) == nil {
            throw .usage("--x for runs is step, epoch or wall, got '\(x)' (columns of a file need --y)")
        }
        let columnOnly: [(String, Bool)] = [
            ("--kind", kind != nil), ("--marker-size", markerSize != nil), ("--xlabel", xlabel != nil), ("--ylabel", ylabel != nil),
        ]
        if let (name, _) = columnOnly.first(where: \.1) {
            throw .usage("\(name) applies to columns of a file (with --y)")
        }
        do { try runOptions().validate() } catch {
            throw CommandFailure(error, status: .usage)
        }
    }

    func runOptions() -> RunPlotOptions {
        var o = RunPlotOptions()
        o.metricPatterns = metric.map(MetricSelection.patterns) ?? []
        o.x = x.flatMap(RunXAxis.init(argument:)) ?? .step
        o.smoothing = smooth ?? 0
        o.logX = logx
        o.logY = logy
        o.groupPattern = group
        o.maxPoints = maxPoints
        o.widthPixels = width
        o.heightPixels = height
        o.scale = scale
        o.title = title
        return o
    }

    func outputPath() -> String {
        if let out { return out }
        let stem = URL(fileURLWithPath: paths.first ?? "").deletingPathExtension().lastPathComponent
        return "Output/\(stem.isEmpty ? "plot" : stem).png"
    }

    func run() throws(CommandFailure) {
        try check()
        let figure = plotsColumns ? try columnFigure() : try runFigure()
        let path = outputPath()
        try ChartOutput.write(figure, to: path, as: ChartFormat(path: path) ?? .png, scale: scale, idPrefix: "plot",
                              creatingOutputFolder: out == nil)
    }

    func runFigure() throws(CommandFailure) -> Figure {
        let set = try RunLogInput.load(paths, format: logFormat)
        do {
            let chart = try RunChart(runs: set.runs, options: runOptions()).make()
            RunLogInput.warn(chart.warnings.map(FlagNames.text))
            return chart.figure
        } catch {
            throw CommandFailure(error)
        }
    }

    func columnFigure() throws(CommandFailure) -> Figure {
        let file = paths[0]
        let data = try PlotData(path: file)
        let xColumn = try x.map(data.column) ?? data.rowNumbers
        var plot = ColumnPlot(x: xColumn, ys: try yColumns.map(data.column))
        plot.kind = kind ?? .line
        plot.title = title
        plot.xLabel = xlabel
        plot.yLabel = ylabel
        plot.logY = logy
        if let markerSize { plot.markerSize = markerSize }
        plot.widthPixels = width ?? 640
        plot.heightPixels = height ?? 480
        plot.source = DisplayText.escaped(URL(fileURLWithPath: file).lastPathComponent)
        do {
            return try plot.figure()
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
    }
}
