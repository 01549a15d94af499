import CCairo
@testable import LossPlotCairo
import LossPlotCharts
import Foundation
import Testing

/// Rasterising a scatter is the series' choice, made in the model: `automatic` by the number of
/// markers drawn (as before, so charts do not change), or always or never; the renderer obeys.
@Suite struct RasterizationTests {
    /// A figure with one scatter of `count` points on a diagonal, `outside` of them beyond the axes.
    func figure(count: Int, outside: Int = 0, rasterization: Rasterization = .automatic) -> Figure {
        var ax = Axes()
        let x = (0..<count).map { Double($0) }
        let y = x.enumerated().map { i, v in i < outside ? 1e6 : v }
        ax.scatter(ScatterSeries(x: x, y: y, size: 4, rasterization: rasterization))
        ax.yLimits = 0...Double(count)
        return Figure(widthInches: 4, heightInches: 3, axes: [ax])
    }

    func recordedRasterization(_ figure: Figure) -> [Bool] {
        let r = RecordingRenderer(measuringWith: CairoTextMeasurer())
        figure.draw(on: r)
        return r.records(in: "series 0").compactMap { rec in
            if case .markers(_, _, _, _, let rasterized) = rec.item { return rasterized }
            return nil
        }
    }

    @Test func automaticCountsTheMarkersDrawnNotThePointsGiven() {
        #expect(recordedRasterization(figure(count: 5_000)) == [false])
        #expect(recordedRasterization(figure(count: 5_001)) == [true])
        // Two of 5,001 points lie far outside the axes: 4,999 markers are drawn, as paths.
        #expect(recordedRasterization(figure(count: 5_001, outside: 2)) == [false])
    }

    @Test func anExplicitChoiceWinsOverTheCount() {
        #expect(recordedRasterization(figure(count: 20, rasterization: .always)) == [true])
        #expect(recordedRasterization(figure(count: 6_000, rasterization: .never)) == [false])
    }

    func svg(_ figure: Figure) throws -> String {
        String(decoding: try ChartEncoder.encode(figure, as: .svg), as: UTF8.self)
    }

    func imageCount(_ text: String, _ marker: String) -> Int { text.components(separatedBy: marker).count - 1 }

    @Test func vectorOutputEmbedsAnImageExactlyWhenTheSeriesSaysSo() throws {
        #expect(imageCount(try svg(figure(count: 6_000)), "<image") == 1)
        #expect(imageCount(try svg(figure(count: 6_000, rasterization: .never)), "<image") == 0)
        #expect(imageCount(try svg(figure(count: 20, rasterization: .always)), "<image") == 1)
        #expect(imageCount(try svg(figure(count: 20)), "<image") == 0)
        func pdf(_ figure: Figure) throws -> String { String(decoding: try ChartEncoder.encode(figure, as: .pdf), as: UTF8.self) }
        #expect(imageCount(try pdf(figure(count: 20, rasterization: .always)), "/Subtype /Image") > 0)
        #expect(imageCount(try pdf(figure(count: 6_000, rasterization: .never)), "/Subtype /Image") == 0)
    }

    @Test func rasterOutputIsTheSamePixelsWhateverTheSeriesSays() throws {
        let always = try ChartEncoder.encode(figure(count: 300, rasterization: .always), as: .png)
        let never = try ChartEncoder.encode(figure(count: 300, rasterization: .never), as: .png)
        #expect(always == never)
    }

    /// What the Cairo renderer writes to an SVG surface for `points` dots, unclipped.
    func cairoSVG(points: [Point], rasterized: Bool) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-raster-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = try #require(cairo_svg_surface_create(path, 200, 200))
        let context = try #require(cairo_create(surface))
        CairoRenderer(context: context).drawMarkers(.circle(center: Point(0, 0), radius: 2), at: points, stroke: nil, fill: .black,
                                                    clip: nil, rasterized: rasterized)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func unclippedRasterisedMarkersBecomeOneImageAroundThem() throws {
        let points = [Point(10, 10), Point(150, 120), Point(60, 190)]
        let image = try cairoSVG(points: points, rasterized: true)
        #expect(imageCount(image, "<image") == 1)
        // 140 x 180 points between the centres, plus the dots and a margin: about 148 x 188.
        let size = try #require(image.firstMatch(of: try Regex(#"<image [^>]*width="(\d+)" height="(\d+)""#)))
        let w = try #require(size.output[1].substring.flatMap { Int($0) })
        let h = try #require(size.output[2].substring.flatMap { Int($0) })
        #expect(w >= 144 * 100 / 72 && w <= 152 * 100 / 72 && h >= 184 * 100 / 72 && h <= 192 * 100 / 72, "\(w) x \(h) pixels")
        let paths = try cairoSVG(points: points, rasterized: false)
        #expect(imageCount(paths, "<image") == 0)
    }

    @Test func markersTooFarApartForOneImageAreDrawnAsPaths() throws {
        // 1e200 points apart: no image could hold them (and converting that size must not trap).
        let svg = try cairoSVG(points: [Point(10, 10), Point(1e200, 10)], rasterized: true)
        #expect(imageCount(svg, "<image") == 0)
        #expect(svg.contains("<path"))
    }
}
