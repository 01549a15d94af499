import LossPlotCairo
import LossPlotCharts
import Foundation
import Testing

/// Text is kerned with the kerning of the FreeType face Cairo draws with, and measures exactly as
/// it did when the kerning came from a 'kern' table parsed out of the font files.
@Suite struct KerningTests {
    struct Row {
        let dpi: Double
        let font: Font
        let widths: [Double]
    }

    /// Fixtures/kerned-widths.tsv: the samples and, for each dpi, weight and size, their widths.
    static func fixture() throws -> (samples: [String], rows: [Row]) {
        let url = try #require(Bundle.module.url(forResource: "kerned-widths", withExtension: "tsv", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let header = try #require(lines.first).split(separator: "\t").map(String.init)
        let samples = Array(header.dropFirst(3))
        let rows = try lines.dropFirst().map { line -> Row in
            let cells = line.split(separator: "\t").map(String.init)
            try #require(cells.count == 3 + samples.count, "\(line)")
            let dpi = try #require(Double(cells[0])), size = try #require(Double(cells[2]))
            let widths = try cells.dropFirst(3).map { try #require(Double($0)) }
            return Row(dpi: dpi, font: Font(size: size, weight: cells[1] == "bold" ? .bold : .regular), widths: widths)
        }
        return (samples, rows)
    }

    @Test func kernedWidthsAreTheTableEraWidthsToTheBit() throws {
        let (samples, rows) = try Self.fixture()
        #expect(rows.count == 60)
        var measurers: [Double: CairoTextMeasurer] = [:]
        for row in rows {
            let m = measurers[row.dpi] ?? CairoTextMeasurer(dpi: row.dpi)
            measurers[row.dpi] = m
            for (text, width) in zip(samples, row.widths) {
                let got = m.measureText(text, font: row.font).width
                #expect(got == width, "'\(text)' at \(row.font.size) pt \(row.font.weight), \(row.dpi) dpi: \(got), was \(width)")
            }
        }
    }

    @Test func pairsTheFaceKernsComeCloserThanTheirGlyphsApart() {
        let m = CairoTextMeasurer()
        let font = Font(size: 10)
        for pair in ["AV", "To", "Ty", "LT", "Yo"] {
            let alone = pair.map { m.measureText(String($0), font: font).width }.reduce(0, +)
            #expect(m.measureText(pair, font: font).width < alone - 0.1, "'\(pair)' is kerned")
        }
        // Digits are not kerned in DejaVu Sans: tick labels are their glyphs' advances.
        #expect(m.measureText("10", font: font).width == m.measureText("1", font: font).width + m.measureText("0", font: font).width)
    }
}
