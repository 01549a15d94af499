import Foundation
import LossFunctions
import LossPlotCairo
import LossPlotCharts
import OutputFiles
import Testing

/// The DocC article "Draw a loss curve and save it as PNG" (LossPlotCharts.docc/DrawALossCurve.md),
/// line for line, so the article keeps compiling and doing what it says.
@Suite struct DocumentationExampleTests {
    @Test func theArticlesTenLinesWriteA600By400HuberPNG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docc-example-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huber.png")

        let residuals = (0...120).map { -3 + Double($0) * 0.05 }          // y_true − y_pred
        let huber = HuberLoss(delta: 1)
        var axes = Axes()
        axes.plot(LineSeries(x: residuals, y: residuals.map { huber.term($0, 0) }, label: "Huber (δ = 1)"))
        axes.xLabel = Label("y_true − y_pred")
        axes.yLabel = Label("loss")
        axes.legend = Legend()
        let figure = Figure(widthInches: 6, heightInches: 4, axes: [axes], title: "Huber loss")
        let png = try ChartEncoder().encode(figure, as: .png, options: ChartEncodingOptions())
        try Data(png).write(to: path)

        let written = try CairoPNGCodec().decode(Array(Data(contentsOf: path)))
        #expect(written.width == 600 && written.height == 400)
        #expect(huber.term(-3, 0) == 2.5 && huber.term(0.5, 0) == 0.125)
        // Not blank: the curve and its labels leave far more than the background.
        let pixels = written.width * written.height
        let white = (0..<pixels).filter { i in written.rgba[4 * i..<4 * i + 3].allSatisfy { $0 == 255 } }.count
        #expect(white < pixels * 97 / 100)
    }
}
