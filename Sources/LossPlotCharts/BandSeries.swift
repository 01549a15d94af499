/// A filled band between a lower and an upper curve over the same x values (matplotlib's
/// `fill_between`): the spread of several runs around their mean. Drawn under the lines; a
/// non-finite value (or one a log axis cannot show) breaks the band there.
public struct BandSeries: Equatable, Sendable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color
    /// Fill alpha (matplotlib's `alpha=0.2` is the usual spread band).
    public var alpha: Double

    public init(x: [Double], lower: [Double], upper: [Double], color: Color, alpha: Double = 0.2) {
        self.x = x; self.lower = lower; self.upper = upper; self.color = color; self.alpha = alpha
    }
}

extension AxesDrawing {
    /// Each unbroken stretch of the band as one closed polygon: along the upper curve, back
    /// along the lower one.
    func drawBand(_ band: BandSeries) {
        let n = min(band.x.count, band.lower.count, band.upper.count)
        var upper: [Point] = [], lower: [Point] = []
        func flush() {
            defer { upper.removeAll(keepingCapacity: true); lower.removeAll(keepingCapacity: true) }
            guard upper.count > 1 else { return }
            var path = Path(polyline: upper + lower.reversed())
            path.close()
            renderer.drawPath(path, stroke: nil, fill: band.color.withAlpha(band.alpha), clip: frame)
        }
        for i in 0..<n {
            let a = t.point(band.x[i], band.upper[i]), b = t.point(band.x[i], band.lower[i])
            guard a.x.isFinite, a.y.isFinite, b.y.isFinite else { flush(); continue }
            upper.append(a)
            lower.append(b)
        }
        flush()
    }
}
