import Foundation
import Testing
import LossPlotCairo
@testable import LossPlotCharts

/// Long lines lose only vertices no one could see, and short ones are left alone.
@Suite struct PolylineSimplificationTests {
    /// Distance from p to the segment a-b.
    func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
        return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
    }

    /// The largest distance from an original vertex to the simplified polyline.
    func worstDeviation(_ original: [Point], _ simplified: [Point]) -> Double {
        original.map { p in
            zip(simplified, simplified.dropFirst()).map { distance(p, $0, $1) }.min() ?? .infinity
        }.max() ?? 0
    }

    let tolerance = 72.0 / 100 / 9  // 1/9 pixel at 100 dpi, in points

    @Test func aStraightLineKeepsItsEnds() {
        let line = (0..<1000).map { Point(Double($0) * 0.4, 50 + Double($0) * 0.1) }
        let kept = PolylineSimplification.simplify(line, tolerance: tolerance)
        #expect(kept == [line[0], line[999]])
    }

    @Test func curvesStayWithinTheTolerance() {
        // The document's kind of curve: 1000 samples of a parabola and of a sine across 400 points.
        let x = (0..<1000).map { -5 + 10 * Double($0) / 999 }
        for f in [{ (v: Double) in v * v }, { (v: Double) in sin(3 * v) }] as [(Double) -> Double] {
            let curve = x.map { Point(200 + 40 * $0, 300 - 10 * f($0)) }
            let kept = PolylineSimplification.simplify(curve, tolerance: tolerance)
            #expect(kept.first == curve.first && kept.last == curve.last)
            #expect(kept.count < curve.count / 2, "kept \(kept.count) of \(curve.count)")
            let worst = worstDeviation(curve, kept)
            #expect(worst <= tolerance, "worst deviation \(worst) > \(tolerance)")
        }
    }

    @Test func aLineThatTurnsBackKeepsTheTurn() {
        // Out along a line and back over it: the far end must survive.
        let out = (0..<100).map { Point(Double($0), 10) }
        let back = (0..<100).reversed().map { Point(Double($0) + 0.01, 10.02) }
        let kept = PolylineSimplification.simplify(out + back, tolerance: tolerance)
        #expect((kept.map(\.x).max() ?? 0) >= 99, "\(kept)")
        #expect(kept.last == back.last)
        #expect(worstDeviation(out + back, kept) <= tolerance)
    }

    @Test func noiseLargerThanTheToleranceIsKept() {
        let zigzag = (0..<200).map { Point(Double($0) * 0.5, $0 % 2 == 0 ? 0 : 1) }
        #expect(PolylineSimplification.simplify(zigzag, tolerance: tolerance) == zigzag)
    }

    @Test func shortLinesAreDrawnAsGiven() {
        let short = (0..<127).map { Point(Double($0), 0) }
        #expect(PolylineSimplification.simplify(short, tolerance: tolerance) == short)
    }

    @Test func aDrawnLineHasFewerVerticesThanItsData() {
        var ax = Axes()
        let x = (0..<1000).map { Double($0) / 999 }
        ax.plot(LineSeries(x: x, y: x.map { $0 * $0 }))
        let figure = Figure(widthInches: 6, heightInches: 4, axes: [ax])
        let recorder = RecordingRenderer(measuringWith: CairoTextMeasurer())
        figure.draw(on: recorder)
        let vertices = recorder.records.compactMap { record -> Int? in
            guard record.groups.contains("series 0"), case .path(let path, _, _) = record.item else { return nil }
            return path.elements.count
        }
        #expect(vertices.count == 1)
        #expect((vertices.first ?? 0) < 300, "\(vertices) vertices drawn for 1000 points")
    }
}
