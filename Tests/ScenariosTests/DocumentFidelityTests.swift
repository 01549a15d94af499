import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
import Scenarios
import Testing

/// Our seven document figures against the document's own matplotlib renders
/// (`Fixtures/document/ID.png`): the RMS difference must stay below what the engine reached,
/// so a layout that drifts off matplotlib's pixels fails. On failure the actual and diff images
/// are written to a temporary folder and named.
@Suite struct DocumentFidelityTests {
    /// Per-figure RMS bounds (0-255 scale), a little above the measured values (5.3, 4.4, 4.9,
    /// 7.8, 4.3, 6.8, 10.8). The rest is glyph rasterisation (Agg places glyphs at 1/64 pixel,
    /// Cairo 1.16 at whole pixels) and line antialiasing. A blank page scores 28-38.
    static let thresholds: [(id: String, rms: Double)] = [
        ("mse-vs-mae", 5.8), ("huber", 4.9), ("huber-deltas", 5.4), ("binary-cross-entropy", 8.3),
        ("hinge", 4.8), ("focal", 7.3), ("regression-outliers", 11.5),
    ]

    /// The two figures whose notes the document writes in Ukrainian; the rest of its chart text
    /// is English.
    static let notesInUkrainian: Set<String> = ["mse-vs-mae", "binary-cross-entropy"]

    /// The figure with the document's own text: the English figure, with the Ukrainian figure's
    /// notes where the document writes them in Ukrainian.
    static func documentFigure(_ make: (Language) -> Figure, id: String) -> Figure {
        var figure = make(.en)
        guard notesInUkrainian.contains(id) else { return figure }
        let uk = make(.uk)
        for a in figure.axes.indices {
            for n in figure.axes[a].annotations.indices { figure.axes[a].annotations[n].text = uk.axes[a].annotations[n].text }
        }
        return figure
    }

    let diffDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-document-diffs").path

    @Test(arguments: thresholds.map(\.id))
    func figureStaysCloseToTheDocument(id: String) throws {
        let bound = try #require(Self.thresholds.first { $0.id == id }?.rms)
        let make = try #require(ScenarioCatalog.scenario(id: id)?.figure, "\(id) draws a figure")
        let ours = try ChartEncoder.encode(Self.documentFigure(make, id: id), as: .png)
        let theirs = try [UInt8](Fixture.data("document/\(id).png"))
        let failure = try ImageComparison.check(actual: ours, expected: theirs, tolerance: bound, name: id, diffDirectory: diffDirectory)
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// The bounds mean something: each is far below what a blank page of the same size scores.
    @Test(arguments: thresholds.map(\.id))
    func blankPageFailsTheBound(id: String) throws {
        let bound = try #require(Self.thresholds.first { $0.id == id }?.rms)
        let theirs = try PNGImage(decoding: [UInt8](Fixture.data("document/\(id).png")))
        let blank = try PNGImage(width: theirs.width, height: theirs.height, rgba: [UInt8](repeating: 255, count: theirs.width * theirs.height * 4))
        #expect(try ImageComparison(actual: blank, expected: theirs).rms > 2 * bound)
    }
}
