import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
import Testing

/// `lossplot plot`'s figure: blanks skipped per series, one legend entry per y column, names escaped.
@Suite struct ColumnPlotTests {
    // Lightning's metrics.csv: train and validation rows alternate, each blank in the other's column.
    let step: [Double?] = [49, 99, 99, 149, 199, 199]
    let train: [Double?] = [0.91, 0.75, nil, 0.52, 0.44, nil]
    let val: [Double?] = [nil, nil, 0.80, nil, nil, 0.60]

    @Test func blankCellsAreSkippedPerSeries() throws {
        let plot = ColumnPlot(x: .init(name: "step", values: step), ys: [.init(name: "train_loss", values: train), .init(name: "val_loss", values: val)])
        let figure = try plot.figure()
        let series = figure.axes[0].series
        #expect(series.map(\.label) == ["train_loss", "val_loss"])
        #expect(series[0].x == [49, 99, 149, 199] && series[0].y == [0.91, 0.75, 0.52, 0.44])
        #expect(series[1].x == [99, 199] && series[1].y == [0.80, 0.60])
        #expect(figure.axes[0].xLabel?.text == "step")
        #expect(figure.pixelSize() == (640, 480))
        let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
        figure.draw(on: r)
        #expect(r.records(in: "legend").compactMap(\.text) == ["train_loss", "val_loss"])
    }

    @Test func nothingToPlotIsAnError() {
        let plot = ColumnPlot(x: .init(name: "x", values: [1, nil]), ys: [.init(name: "y", values: [nil, 2])])
        #expect(throws: ColumnPlotError.self) { try plot.figure() }
        var log = ColumnPlot(x: .init(name: "x", values: [1, 2]), ys: [.init(name: "y", values: [0, -1])])
        log.logY = true
        #expect(throws: ColumnPlotError.self) { try log.figure() }
    }

    @Test func columnNamesReachTheSVGEscapedAndOnlyInTitleAndDesc() throws {
        let name = "a<b & \"c\""
        let plot = ColumnPlot(x: .init(name: "x", values: [1, 2]), ys: [.init(name: name, values: [3, 4])])
        let svg = String(decoding: try ChartEncoder.encode(plot.figure(), as: .svg), as: UTF8.self)
        #expect(!svg.contains(name) && !svg.contains("a<b"))
        let escaped = "a&lt;b &amp; &quot;c&quot;"
        #expect(svg.components(separatedBy: escaped).count - 1 == 2, "once in <title>, once in <desc>")
        #expect(svg.contains("<title id=\"plot-title\">\(escaped) against x</title>") || svg.contains("<title id=\"chart-title\">\(escaped) against x</title>"))
    }

    @Test func denseScatterIsStampedInPNGAndRasterisedInSVG() throws {
        var rng = TestFigures.Random(state: 7)
        let n = 20_000
        let x = (0..<n).map { _ -> Double? in rng.normal() }
        let y = (0..<n).map { _ -> Double? in rng.normal() }
        var plot = ColumnPlot(x: .init(name: "x", values: x), ys: [.init(name: "y", values: y)])
        plot.kind = .scatter
        let figure = try plot.figure()
        let svg = try ChartEncoder.encode(figure, as: .svg)
        #expect(svg.count < 2_000_000)
        #expect(String(decoding: svg, as: UTF8.self).contains("data:image/png;base64"))
        let png = try PNGImage(decoding: ChartEncoder.encode(figure, as: .png))
        var blue = 0
        for i in stride(from: 0, to: png.rgba.count, by: 4) where png.rgba[i + 2] > 150 && png.rgba[i] < 100 { blue += 1 }
        #expect(blue > 10_000)
    }

    @Test func aLogAxisDrawsShortThinMinorTicks() throws {
        var plot = ColumnPlot(x: .init(name: "epoch", values: [1, 2, 3, 4]), ys: [.init(name: "loss", values: [2.3, 0.4, 0.05, 0.01])])
        plot.logY = true
        let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
        try plot.figure().draw(on: r)
        let minor = r.records.filter { $0.groups.last == "minor ticks" }
        guard minor.count == 1, case .path(let path, let stroke, _) = minor[0].item else {
            Issue.record("expected one path of minor ticks, found \(minor.count)"); return
        }
        #expect(stroke?.width == AxisMetrics.minorTickWidth)
        let moves = path.elements.filter { if case .move = $0 { return true } else { return false } }.count
        #expect(moves >= 16, "\(moves) minor ticks for about three decades")  // 2...9 in each full decade
        if let b = minor[0].bounds { #expect(b.width <= AxisMetrics.minorTickLength + AxisMetrics.minorTickWidth + 1e-9) }
    }

    @Test func markerSizeIsTheScatterArea() throws {
        var plot = ColumnPlot(x: .init(name: "x", values: [1, 2, 3]), ys: [.init(name: "y", values: [3, 1, 2])])
        plot.kind = .scatter
        func inkedPixels() throws -> Int {
            let png = try PNGImage(decoding: ChartEncoder.encode(try plot.figure(), as: .png))
            return stride(from: 0, to: png.rgba.count, by: 4).filter { png.rgba[$0 + 2] > 150 && png.rgba[$0] < 100 }.count
        }
        let standard = try inkedPixels()
        plot.markerSize = 4
        guard case .scatter(let series)? = try plot.figure().axes.first?.series.first else {
            Issue.record("no scatter series"); return
        }
        #expect(series.size == 4)
        let small = try inkedPixels()
        // Three dots of 6 pt (36 pt²) against three of 2 pt, edges included: several times the ink.
        #expect(small > 0 && standard > 3 * small, "\(standard) vs \(small) blue pixels")
    }

    @Test func stampedMarkersMatchPathDrawnOnes() throws {
        // One series of 60 points is stamped; 60 one-point series are drawn as paths.
        var rng = TestFigures.Random(state: 3)
        let pts = (0..<60).map { _ in (rng.next(), rng.next()) }
        func figure(split: Bool) -> Figure {
            var ax = Axes()
            ax.xLimits = 0...1; ax.yLimits = 0...1
            let style = { (x: [Double], y: [Double]) in ScatterSeries(x: x, y: y, color: .named["red"], size: 50, alpha: 0.6, edgeColor: .black, lineWidth: 1) }
            if split { for p in pts { ax.scatter(style([p.0], [p.1])) } } else { ax.scatter(style(pts.map(\.0), pts.map(\.1))) }
            return Figure(widthInches: 4, heightInches: 3, axes: [ax])
        }
        let a = try ChartEncoder.encode(figure(split: false), as: .png), b = try ChartEncoder.encode(figure(split: true), as: .png)
        let c = try ImageComparison(actual: a, expected: b)
        #expect(c.rms > 0, "the two paths really differ in how they draw")
        #expect(c.rms < 1.0, "RMS \(c.rms)")
    }
}
