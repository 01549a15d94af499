import ArgumentParser
import CairoBackend
import Charts
import Foundation
import SafeText

extension ColumnPlot.Kind: ExpressibleByArgument {}

/// `lossplot plot`: a user's training log (CSV or .npy) as a line or scatter chart.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot columns of a CSV or .npy file (e.g. a training log) as SVG, PNG or PDF.",
        discussion: """
            CSV files need a header line (RFC 4180 quoting); a blank cell means "not logged at this row" \
            and is skipped for that column, so Keras' CSVLogger (epoch,loss,val_loss) and Lightning's \
            metrics.csv (epoch,step,train_loss,val_loss with alternating blanks) plot as they are. \
            .npy columns are named 0, 1, 2, ...
            Example: lossplot plot metrics.csv --x step --y train_loss,val_loss --logy --out loss.svg
            Dense scatters read better with small markers: --kind scatter --marker-size 4.
            Without --out the chart goes to Output/<file name>.png (Output/ is created).
            """
    )

    @Argument(help: "The data file: .csv (with a header) or .npy.")
    var file: String

    @Option(help: "The x column (default: the row number).")
    var x: String?

    @Option(help: ArgumentHelp("The y columns, comma separated.", valueName: "col[,col...]"))
    var y: String

    @Option(help: "line or scatter.")
    var kind: ColumnPlot.Kind = .line

    @Option(help: ArgumentHelp("Scatter marker area in points², as matplotlib's s (default 36).", valueName: "area"))
    var markerSize: Double?

    @Option(help: "Chart title.")
    var title: String?

    @Option(help: "x axis label (default: the x column's name).")
    var xlabel: String?

    @Option(help: "y axis label (default: the y columns' names).")
    var ylabel: String?

    @Flag(help: "Log-scale y axis (rows with y <= 0 are left out).")
    var logy = false

    @Option(help: "Where to write: .svg, .png or .pdf (default: Output/<file name>.png).")
    var out: String?

    @Option(help: "Chart width in pixels at 100 dpi.")
    var width: Double = 640

    @Option(help: "Chart height in pixels at 100 dpi.")
    var height: Double = 480

    @Option(help: "PNG pixel multiplier (2 for HiDPI), same layout.")
    var scale: Double = 1

    var yColumns: [String] { y.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }

    func validate() throws {
        guard !yColumns.isEmpty, !yColumns.contains(where: \.isEmpty) else {
            throw ValidationError("--y needs column names separated by commas, got '\(y)'")
        }
        guard width.isFinite, height.isFinite, width >= 100, height >= 100, width <= 20000, height <= 20000 else {
            throw ValidationError("--width and --height must be between 100 and 20000 pixels")
        }
        if let markerSize {
            guard kind == .scatter else { throw ValidationError("--marker-size applies to --kind scatter only") }
            guard markerSize.isFinite, markerSize > 0, markerSize <= 10000 else {
                throw ValidationError("--marker-size must be in (0, 10000] points², got \(markerSize)")
            }
        }
        guard scale.isFinite, scale > 0, scale <= 16 else { throw ValidationError("--scale must be in (0, 16], got \(scale)") }
        if let out, ChartFormat(path: out) == nil {
            throw ValidationError("cannot tell the format of --out \(out): use a .svg, .png or .pdf name")
        }
    }

    func outputPath() -> String {
        if let out { return out }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "Output/\(stem.isEmpty ? "plot" : stem).png"
    }

    func run() throws {
        let data = try PlotData(path: file)
        let xColumn = try x.map(data.column) ?? data.rowNumbers
        var plot = ColumnPlot(x: xColumn, ys: try yColumns.map(data.column))
        plot.kind = kind
        plot.title = title
        plot.xLabel = xlabel
        plot.yLabel = ylabel
        plot.logY = logy
        if let markerSize { plot.markerSize = markerSize }
        plot.widthPixels = width
        plot.heightPixels = height
        plot.source = DisplayText.escaped(URL(fileURLWithPath: file).lastPathComponent)
        let path = outputPath()
        let format = ChartFormat(path: path) ?? .png
        do {
            let figure = try plot.figure()
            if out == nil { try FileManager.default.createDirectory(atPath: "Output", withIntermediateDirectories: true) }
            let bytes = try ChartEncoder.encode(figure, as: format, options: ChartEncodingOptions(scale: scale, idPrefix: "plot", sourceDateEpoch: try SourceDate.epoch()))
            try OutputFile.write(bytes, to: path)
        } catch let e as ColumnPlotError {
            throw CommandFailure("\(file): \(e.description)")
        } catch let e as OutputFileError {
            throw CommandFailure(e.description)
        } catch let e as ChartEncodingError {
            throw CommandFailure(e.description)
        } catch let e as CocoaError {
            throw CommandFailure("cannot create Output/: \(e.localizedDescription)")
        }
        StandardOutput.line(path)
    }
}
