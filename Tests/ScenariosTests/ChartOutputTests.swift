import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
import FoundationXML
@testable import Scenarios
import Testing

/// The document's first figure through the whole path: scenario → figure → Cairo → bytes.
@Suite struct ChartOutputTests {
    let figure = MSEvsMAEFigure.make(.uk)

    @Test func pngDecodesToTheDocumentsSizeAndIsNotBlank() throws {
        let bytes = try ChartEncoder.encode(figure, as: .png)
        let image = try PNGImage(decoding: bytes)
        #expect(image.width == 1000)
        #expect(image.height == 600)
        // Count pixels that are not white: the curves, text, grid and frame.
        var inked = 0, blue = 0, red = 0
        for i in stride(from: 0, to: image.rgba.count, by: 4) {
            let r = image.rgba[i], g = image.rgba[i + 1], b = image.rgba[i + 2]
            if r < 250 || g < 250 || b < 250 { inked += 1 }
            if b > 200 && r < 60 && g < 60 { blue += 1 }
            if r > 200 && g < 60 && b < 60 { red += 1 }
        }
        #expect(inked > 10_000)
        #expect(blue > 1_000, "the MSE curve is blue")
        #expect(red > 1_000, "the MAE curve is red")
    }

    @Test func scaleTwoDoublesThePixels() throws {
        let image = try PNGImage(decoding: ChartEncoder.encode(figure, as: .png, options: .init(scale: 2)))
        #expect(image.width == 2000 && image.height == 1200)
    }

    @Test func svgIsWellFormedXMLWithTitleAndPrefixedIds() throws {
        let bytes = try ChartEncoder.encode(figure, as: .svg, options: .init(idPrefix: "mse-vs-mae"))
        let parser = XMLParser(data: Data(bytes))
        #expect(parser.parse(), "SVG parses as XML: \(String(describing: parser.parserError))")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<title id=\"mse-vs-mae-title\">Функції втрат MSE і MAE</title>"))
        #expect(text.contains("width=\"720pt\""))
        // Every id carries the prefix, so two charts can share one page.
        let ids = text.components(separatedBy: " id=\"").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { $0.hasPrefix("mse-vs-mae-") })
    }

    @Test func pdfStartsWithItsMagicAndHasNoClockDate() throws {
        let bytes = try ChartEncoder.encode(figure, as: .pdf, options: .init(sourceDateEpoch: 1_700_000_000))
        #expect(Array(bytes.prefix(5)) == Array("%PDF-".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("20231114"), "creation date comes from SOURCE_DATE_EPOCH")
    }

    @Test(arguments: ChartFormat.allCases)
    func renderingTwiceGivesIdenticalBytes(format: ChartFormat) throws {
        let a = try ChartEncoder.encode(figure, as: format)
        let b = try ChartEncoder.encode(MSEvsMAEFigure.make(.uk), as: format)
        #expect(a.count == b.count)
        #expect(a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) == nil, "first differing byte")
    }

    @Test func englishTextDiffersFromUkrainian() throws {
        let en = MSEvsMAEFigure.make(.en), uk = MSEvsMAEFigure.make(.uk)
        #expect(en.axes[0].annotations[0].text != uk.axes[0].annotations[0].text)
        #expect(uk.axes[0].annotations[0].text.contains("квадратично"))
    }
}
