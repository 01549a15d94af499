import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
import Testing

/// Renders compared on decoded pixels with matplotlib's RMS rule; a failure writes the actual
/// and diff images to a temporary folder and names them.
///
/// Goldens are this engine's own renders (Fixtures/golden/NAME.png), remade with
/// `LOSSPLOT_UPDATE_GOLDENS=1 swift test --filter GoldenImageTests` after a deliberate change.
@Suite struct GoldenImageTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden").path
    let diffDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-image-diffs").path

    func fixture(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "png", subdirectory: "Fixtures/golden") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/golden/\(name).png"])
        }
        return try [UInt8](Data(contentsOf: url))
    }

    @Test(arguments: TestFigures.all.map(\.0))
    func renderMatchesGolden(name: String) throws {
        let make = try #require(TestFigures.all.first { $0.0 == name }?.1)
        let bytes = try ChartEncoder.encode(make(), as: .png)
        if ProcessInfo.processInfo.environment["LOSSPLOT_UPDATE_GOLDENS"] != nil {
            try OutputFile.write(bytes, to: "\(Self.goldenDirectory)/\(name).png")
            return
        }
        let failure = try ImageComparison.check(actual: bytes, expected: fixture(name), tolerance: 1.0, name: name, diffDirectory: diffDirectory)
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// The engine against matplotlib itself: the document's own figure, drawn by Agg with its
    /// fonts and hinting, stays within a loose RMS of ours.
    @Test func documentFigureIsClose() throws {
        let ours = try ChartEncoder.encode(TestFigures.mseVsMae(), as: .png)
        let c = try ImageComparison(actual: ours, expected: fixture("document-mse-vs-mae"))
        print("RMS vs the document's mse-vs-mae.png: \(c.rms)")
        // Strokes a pixel or two apart cost a lot of RMS, so the bound is loose: our render must be
        // clearly nearer the document than a blank page is.
        let blank = try PNGImage(width: 1000, height: 600, rgba: [UInt8](repeating: 255, count: 1000 * 600 * 4))
        let blankRMS = try ImageComparison(actual: blank, expected: PNGImage(decoding: fixture("document-mse-vs-mae"))).rms
        #expect(c.rms < 30 && c.rms < blankRMS - 4, "ours \(c.rms), blank page \(blankRMS)")
    }

    @Test func comparisonWritesADiffImageOnFailure() throws {
        let a = try PNGImage(width: 4, height: 4, rgba: [UInt8](repeating: 255, count: 64))
        var pixels = a.rgba
        pixels[0] = 0
        let b = try PNGImage(width: 4, height: 4, rgba: pixels)
        let c = try ImageComparison(actual: a, expected: b)
        // One channel of 48 off by 255: sqrt(255² / 48).
        #expect(abs(c.rms - (255.0 * 255 / 48).squareRoot()) < 1e-9)
        let dir = diffDirectory + "/self-test"
        let message = try ImageComparison.check(actual: a.encoded(), expected: b.encoded(), tolerance: 1, name: "tiny", diffDirectory: dir)
        #expect(message?.contains("\(dir)/tiny-diff.png") == true)
        let diff = try PNGImage(decoding: [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(dir)/tiny-diff.png"))))
        #expect(diff.rgba[0] == 255 && diff.rgba[1] == 0 && diff.rgba[3] == 255)
        #expect(try ImageComparison.check(actual: a.encoded(), expected: a.encoded(), tolerance: 0, name: "same", diffDirectory: dir) == nil)
    }

    @Test func mismatchedSizesAreAnError() throws {
        let a = try PNGImage(width: 2, height: 2, rgba: [UInt8](repeating: 0, count: 16))
        let b = try PNGImage(width: 2, height: 1, rgba: [UInt8](repeating: 0, count: 8))
        #expect(throws: ImageComparisonError.self) { try ImageComparison(actual: a, expected: b) }
    }
}
