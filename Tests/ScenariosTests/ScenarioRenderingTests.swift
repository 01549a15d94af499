import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
import FoundationXML
@testable import Scenarios
import Testing

/// Every figure scenario through Cairo in all three formats.
@Suite struct ScenarioRenderingTests {
    static let figureIds = ScenarioCatalog.all.filter { $0.figure != nil }.map(\.id)

    @Test(arguments: figureIds)
    func rendersAsPNGSVGAndPDF(id: String) throws {
        let make = try #require(ScenarioCatalog.scenario(id: id)?.figure)
        let figure = make(.uk)
        #expect(!figure.title.hasPrefix("Could not compute"), "\(id): its data was computed")

        let png = try PNGImage(decoding: ChartEncoder.encode(figure, as: .png))
        let size = figure.pixelSize()
        #expect(png.width == size.width && png.height == size.height)
        var inked = 0, coloured = 0
        for i in stride(from: 0, to: png.rgba.count, by: 4) {
            let r = Int(png.rgba[i]), g = Int(png.rgba[i + 1]), b = Int(png.rgba[i + 2])
            if r < 250 || g < 250 || b < 250 { inked += 1 }
            if max(r, g, b) - min(r, g, b) > 80 { coloured += 1 }
        }
        #expect(inked > png.width * png.height / 100, "\(id): not blank")
        #expect(coloured > 1_000, "\(id): has coloured curves or points")

        let svg = try ChartEncoder.encode(figure, as: .svg, options: .init(idPrefix: id))
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "\(id): SVG parses: \(String(describing: parser.parserError))")

        let pdf = try ChartEncoder.encode(figure, as: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test(arguments: figureIds)
    func everyFigureHasEnglishAndUkrainianDescriptions(id: String) throws {
        let make = try #require(ScenarioCatalog.scenario(id: id)?.figure)
        let en = make(.en), uk = make(.uk)
        #expect(!en.description.isEmpty && !uk.description.isEmpty)
        #expect(en.description != uk.description)
        #expect(en.axes.count == uk.axes.count)
    }

    @Test func documentFiguresKeepTheDocumentsSizesAndGrids() throws {
        let expected: [String: (w: Double, h: Double, rows: Int, columns: Int)] = [
            "mse-vs-mae": (10, 6, 1, 1), "huber": (12, 6, 1, 1), "huber-deltas": (14, 10, 2, 2),
            "binary-cross-entropy": (12, 6, 1, 1), "hinge": (10, 6, 1, 1), "focal": (12, 6, 1, 1),
            "regression-outliers": (18, 5, 1, 3),
        ]
        for (id, e) in expected {
            let make = try #require(ScenarioCatalog.scenario(id: id)?.figure, "\(id)")
            let f = make(.uk)
            #expect(f.widthInches == e.w && f.heightInches == e.h && f.rows == e.rows && f.columns == e.columns, "\(id)")
            #expect(ScenarioCatalog.scenario(id: id)?.origin == .document)
        }
        // The explorers (`explore-…`) are additions too, frames rather than a figure.
        let additions = ScenarioCatalog.all.filter { $0.origin == .addition && $0.explorer == nil }.map(\.id)
        #expect(Set(additions) == ["quantile", "log-cosh", "gradients", "contrastive", "triplet", "regression-robust", "regression-seeds"])
    }

    @Test func chartTextIsTheDocumentsInUkrainianAndTranslatedInEnglish() {
        let uk = BinaryCrossEntropyFigure.make(.uk).axes[0].annotations.map(\.text)
        let en = BinaryCrossEntropyFigure.make(.en).axes[0].annotations.map(\.text)
        #expect(uk == ["Впевнене правильне\nпередбачення\n(низька loss)", "Впевнене неправильне\nпередбачення\n(висока loss)"])
        #expect(en == ["Confident correct\nprediction\n(low loss)", "Confident wrong\nprediction\n(high loss)"])
        // Text the document writes in English is the English figure's, and Ukrainian in the Ukrainian one.
        #expect(FocalFigure.make(.en).axes[0].annotations[0].text == "Easy examples\n(high p_t)\nget low weight")
        #expect(FocalFigure.make(.uk).axes[0].annotations[0].text == "Легкі приклади\n(високе p_t)\nмають малу вагу")
        #expect(MSEvsMAEFigure.make(.en).axes[0].title?.text == "MSE vs MAE Loss Functions")
        #expect(MSEvsMAEFigure.make(.uk).axes[0].title?.text == "Функції втрат MSE і MAE")
    }

    @Test func labelsAreWrittenAsThePythonWritesThem() {
        let focal = FocalFigure.make(.uk).axes[0].series.compactMap(\.label)
        #expect(focal == ["CE (γ=0)", "Focal (γ=0.5)", "Focal (γ=1)", "Focal (γ=2)", "Focal (γ=5)"])
        let deltas = HuberDeltasFigure.make(.uk).axes.compactMap(\.title?.text)
        #expect(deltas == ["δ = 0.5", "δ = 1.0", "δ = 2.0", "δ = 5.0"])
        let huber = HuberFigure.make(.uk).axes[0]
        #expect(huber.series.compactMap(\.label) == ["MSE", "MAE", "Huber (δ=1.5)"])
        #expect(huber.referenceLines.compactMap(\.label) == ["±δ"])
        #expect(huber.yLimits == 0...10)
    }

    @Test func curvesComeFromTheLosses() {
        // The Huber figure's green curve at the ends: δ(|e| − δ/2) = 1.5 · (5 − 0.75).
        guard case .line(let huber) = HuberFigure.make(.en).axes[0].series[2] else { Issue.record("not a line"); return }
        #expect(abs((huber.y.last ?? 0) - 6.375) < 1e-12)
        // Hinge for y = +1 at score -3 is 4.
        guard case .line(let hinge) = HingeFigure.make(.en).axes[0].series[0] else { Issue.record("not a line"); return }
        #expect(hinge.y.first == 4)
    }
}
