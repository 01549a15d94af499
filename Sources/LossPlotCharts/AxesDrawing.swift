import Foundation

/// Draws one placed axes onto a renderer in matplotlib's z-order: scatter, grid, lines and
/// reference lines, spines, ticks and labels, annotations, legend.
struct AxesDrawing {
    let placed: PlacedAxes
    let renderer: Renderer
    /// 1/9 of a pixel at the figure's dpi, in figure points: how far long lines may be simplified
    /// (matplotlib's `path.simplify_threshold`).
    let simplificationTolerance: Double
    /// Colours of series that name none, from the default cycle in series order.
    let seriesColors: [Color]

    init(_ placed: PlacedAxes, renderer: Renderer, dpi: Double) {
        self.placed = placed
        self.renderer = renderer
        simplificationTolerance = dpi > 0 ? 72 / dpi / 9 : 0
        var n = 0
        seriesColors = placed.axes.series.map { s in
            let explicit: Color?
            switch s {
            case .line(let l): explicit = l.color
            case .scatter(let sc): explicit = sc.color
            }
            // As matplotlib's property cycle: only a series that names no colour takes the next one.
            if let explicit { return explicit }
            defer { n += 1 }
            return Color.cycle(n)
        }
    }

    var frame: Rect { placed.frame }
    var t: DataTransform { placed.transform }
    var axes: Axes { placed.axes }

    func draw() {
        renderer.group("background") { renderer.drawPath(.rectangle(frame), stroke: nil, fill: .white, clip: nil) }
        for (i, s) in axes.series.enumerated() {
            if case .scatter(let sc) = s, !sc.onTop { renderer.group("series \(i)") { drawScatter(sc, color: seriesColors[i]) } }
        }
        renderer.group("grid") { drawGrid() }
        for (i, b) in axes.bands.enumerated() { renderer.group("band \(i)") { drawBand(b) } }
        for (i, s) in axes.series.enumerated() {
            if case .line(let l) = s { renderer.group("series \(i)") { drawLine(l, color: seriesColors[i]) } }
        }
        for (i, r) in axes.referenceLines.enumerated() { renderer.group("reference line \(i)") { drawReferenceLine(r) } }
        let text = AxesText(axes: axes, transform: t, measurer: renderer)
        drawSpinesAndTicks(text)
        drawLabels(text)
        for (i, a) in axes.annotations.enumerated() {
            renderer.group("annotation \(i)") { AnnotationDrawing(annotation: a, transform: t).draw(on: renderer) }
        }
        for (i, s) in axes.series.enumerated() {
            if case .scatter(let sc) = s, sc.onTop { renderer.group("series \(i)") { drawScatter(sc, color: seriesColors[i]) } }
        }
        if !axes.pointLabels.isEmpty {
            renderer.group("point labels") { PointLabelDrawing(labels: axes.pointLabels, transform: t).draw(on: renderer) }
        }
        if let legend = axes.legend {
            renderer.group("legend") { LegendDrawing(legend: legend, drawing: self).draw() }
        }
    }

    func linePoints(_ xs: [Double], _ ys: [Double]) -> [Point] {
        zip(xs, ys).map { t.point($0, $1) }
    }

    func drawLine(_ l: LineSeries, color: Color) {
        let style = StrokeStyle(color: color.withAlpha(l.alpha), width: l.width, dash: l.dash, cap: l.dash == .solid ? .square : .butt)
        for run in clipPolyline(linePoints(l.x, l.y), to: frame.insetBy(-2 * l.width)) {
            let drawn = PolylineSimplification.simplify(run, tolerance: simplificationTolerance)
            renderer.drawPath(Path(polyline: drawn), stroke: style, fill: nil, clip: frame)
        }
    }

    func markerStyle(_ s: ScatterSeries, color: Color) -> (path: Path, stroke: StrokeStyle?, fill: Color?) {
        let size = s.size.squareRoot()
        let path = s.marker.path(size: size)
        if s.marker.isStrokeOnly {
            return (path, StrokeStyle(color: color.withAlpha(s.alpha), width: s.lineWidth, cap: .butt), nil)
        }
        let edge = (s.edgeColor ?? (s.faceEdge ? color : nil)).map { StrokeStyle(color: $0.withAlpha(s.alpha), width: s.lineWidth) }
        return (path, edge, color.withAlpha(s.alpha))
    }

    func drawScatter(_ s: ScatterSeries, color: Color) {
        let m = markerStyle(s, color: color)
        let reach = s.size.squareRoot() + s.lineWidth
        let area = frame.insetBy(-reach)
        let points = linePoints(s.x, s.y).filter { $0.x.isFinite && $0.y.isFinite && area.contains($0) }
        renderer.drawMarkers(m.path, at: points, stroke: m.stroke, fill: m.fill, clip: frame,
                             rasterized: s.rasterization.rasterizes(markerCount: points.count))
    }

    func drawReferenceLine(_ r: ReferenceLine) {
        let style = StrokeStyle(color: r.color.withAlpha(r.alpha), width: r.width, dash: r.dash)
        var p = Path()
        switch r.orientation {
        case .horizontal:
            let y = t.point(0, r.value).y
            guard y.isFinite, y >= frame.minY - 1, y <= frame.maxY + 1 else { return }
            p.move(to: Point(frame.minX, y)); p.line(to: Point(frame.maxX, y))
        case .vertical:
            let x = t.point(r.value, 0).x
            guard x.isFinite, x >= frame.minX - 1, x <= frame.maxX + 1 else { return }
            // Upwards from the bottom, as matplotlib's axvline, so dashes start where its do.
            p.move(to: Point(x, frame.maxY)); p.line(to: Point(x, frame.minY))
        }
        renderer.drawPath(p, stroke: style, fill: nil, clip: frame)
    }

    func tickPositions() -> (x: [Double], y: [Double]) {
        (t.x.ticks.map { frame.minX + t.x.fraction($0) * frame.width },
         t.y.ticks.map { frame.maxY - t.y.fraction($0) * frame.height })
    }

    func drawGrid() {
        guard let alpha = axes.gridAlpha else { return }
        let style = StrokeStyle(color: Color(hex: 0xb0b0b0).withAlpha(alpha), width: 0.8, cap: .square)
        let (xs, ys) = tickPositions()
        var p = Path()
        for x in xs { p.move(to: Point(x, frame.minY)); p.line(to: Point(x, frame.maxY)) }
        for y in ys { p.move(to: Point(frame.minX, y)); p.line(to: Point(frame.maxX, y)) }
        renderer.drawPath(p, stroke: style, fill: nil, clip: frame)
    }

    func drawSpinesAndTicks(_ text: AxesText) {
        let spine = StrokeStyle(color: .black, width: AxisMetrics.spineWidth, cap: .square, join: .miter)
        renderer.group("spines") { renderer.drawPath(.rectangle(frame), stroke: spine, fill: nil, clip: nil) }
        let (xs, ys) = tickPositions()
        var p = Path()
        for x in xs { p.move(to: Point(x, frame.maxY)); p.line(to: Point(x, frame.maxY + AxisMetrics.tickLength)) }
        for y in ys { p.move(to: Point(frame.minX, y)); p.line(to: Point(frame.minX - AxisMetrics.tickLength, y)) }
        renderer.group("ticks") { renderer.drawPath(p, stroke: StrokeStyle(color: .black, width: AxisMetrics.tickWidth), fill: nil, clip: nil) }
        let minorX = t.x.minorTicks.map { frame.minX + t.x.fraction($0) * frame.width }
        let minorY = t.y.minorTicks.map { frame.maxY - t.y.fraction($0) * frame.height }
        if !minorX.isEmpty || !minorY.isEmpty {
            var m = Path()
            for x in minorX { m.move(to: Point(x, frame.maxY)); m.line(to: Point(x, frame.maxY + AxisMetrics.minorTickLength)) }
            for y in minorY { m.move(to: Point(frame.minX, y)); m.line(to: Point(frame.minX - AxisMetrics.minorTickLength, y)) }
            renderer.group("minor ticks") {
                renderer.drawPath(m, stroke: StrokeStyle(color: .black, width: AxisMetrics.minorTickWidth), fill: nil, clip: nil)
            }
        }
        let font = Font(size: axes.tickFontSize)
        renderer.group("x tick labels") {
            for p in text.xTicks { renderer.drawText(p.text, origin: p.origin, font: font, color: .black, rotation: 0) }
        }
        renderer.group("y tick labels") {
            for p in text.yTicks { renderer.drawText(p.text, origin: p.origin, font: font, color: .black, rotation: 0) }
        }
        renderer.group("offset text") {
            for p in [text.yOffset, text.xOffset].compactMap({ $0 }) {
                renderer.drawText(p.text, origin: p.origin, font: font, color: .black, rotation: 0)
            }
        }
    }

    func drawLabels(_ text: AxesText) {
        if let (block, r) = text.title {
            renderer.group("title") { block.draw(in: r, alignment: .center, color: .black, renderer: renderer) }
        }
        if let (block, r) = text.xLabel {
            renderer.group("x label") { block.draw(in: r, alignment: .center, color: .black, renderer: renderer) }
        }
        if let (block, r) = text.yLabel {
            renderer.group("y label") { block.drawTurned(in: r, alignment: .center, color: .black, renderer: renderer) }
        }
    }
}
