import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles

/// Writing one chart file, as `chart` and `plot` do.
enum ChartOutput {
    /// Checks a `--scale` value: the one rule every chart writer applies (`PixelScale`).
    static func checkScale(_ scale: Double) throws(CommandFailure) {
        do { try PixelScale.check(scale) } catch { throw .usage("--scale \(error)") }
    }

    /// Encodes `figure` and writes it to `path` whole or not at all; `Output/` is created when the
    /// path is the default one inside it. Prints the path.
    static func write(_ figure: Figure, to path: String, as format: ChartFormat, scale: Double, idPrefix: String,
                      creatingOutputFolder: Bool) throws(CommandFailure) {
        let options = ChartEncodingOptions(scale: scale, idPrefix: idPrefix, sourceDateEpoch: try SourceDate.epoch())
        do {
            if creatingOutputFolder { try FileManager.default.createDirectory(atPath: "Output", withIntermediateDirectories: true) }
            let bytes = try ChartEncoder.encode(figure, as: format, options: options)
            try OutputFile.write(bytes, to: path)
        } catch let e as OutputFileError {
            throw CommandFailure(e.description)
        } catch let e as ChartEncodingError {
            throw CommandFailure(e.description)
        } catch {
            throw CommandFailure("cannot create Output/: \(error.localizedDescription)")
        }
        StandardOutput.line(path)
    }
}
