import Foundation

/// Draws one placed axes onto a renderer in matplotlib's z-order: scatter, grid, lines and
/// reference lines, spines, ticks and labels, annotations, legend.
struct AxesDrawing {
    let placed: PlacedAxes
    let renderer: Renderer
    /// Colours of series that name none, from the default cycle in series order.
    let seriesColors: [Color]

    init(_ placed: PlacedAxes, renderer: Renderer) {
        self.placed = placed
        self.renderer = renderer
        var n = 0
        seriesColors = placed.axes.series.map { s in
            let explicit: Color?
            switch s {
            case .line(let l): explicit = l.color
            case .scatter(let sc): explicit = sc.color
            }
            defer { n += 1 }
            return explicit ?? Color.cycle(n)
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
        for (i, s) in axes.series.enumerated() {
            if case .line(let l) = s { renderer.group("series \(i)") { drawLine(l, color: seriesColors[i]) } }
        }
        for (i, r) in axes.referenceLines.enumerated() { renderer.group("reference line \(i)") { drawReferenceLine(r) } }
        drawSpinesAndTicks()
        drawLabels()
        for (i, a) in axes.annotations.enumerated() {
            renderer.group("annotation \(i)") { AnnotationDrawing(annotation: a, transform: t, renderer: renderer).draw() }
        }
        for (i, s) in axes.series.enumerated() {
            if case .scatter(let sc) = s, sc.onTop { renderer.group("series \(i)") { drawScatter(sc, color: seriesColors[i]) } }
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
            renderer.drawPath(Path(polyline: run), stroke: style, fill: nil, clip: frame)
        }
    }

    func markerStyle(_ s: ScatterSeries, color: Color) -> (path: Path, stroke: StrokeStyle?, fill: Color?) {
        let size = s.size.squareRoot()
        let path = s.marker.path(size: size)
        if s.marker.isStrokeOnly {
            return (path, StrokeStyle(color: color.withAlpha(s.alpha), width: s.lineWidth, cap: .butt), nil)
        }
        let edge = s.edgeColor.map { StrokeStyle(color: $0.withAlpha(s.alpha), width: s.lineWidth) }
        return (path, edge, color.withAlpha(s.alpha))
    }

    func drawScatter(_ s: ScatterSeries, color: Color) {
        let m = markerStyle(s, color: color)
        let reach = s.size.squareRoot() + s.lineWidth
        let area = frame.insetBy(-reach)
        let points = linePoints(s.x, s.y).filter { $0.x.isFinite && $0.y.isFinite && area.contains($0) }
        renderer.drawMarkers(m.path, at: points, stroke: m.stroke, fill: m.fill, clip: frame)
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
            p.move(to: Point(x, frame.minY)); p.line(to: Point(x, frame.maxY))
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

    func drawSpinesAndTicks() {
        let spine = StrokeStyle(color: .black, width: AxisMetrics.spineWidth, cap: .square, join: .miter)
        renderer.group("spines") { renderer.drawPath(.rectangle(frame), stroke: spine, fill: nil, clip: nil) }
        let (xs, ys) = tickPositions()
        var p = Path()
        for x in xs { p.move(to: Point(x, frame.maxY)); p.line(to: Point(x, frame.maxY + AxisMetrics.tickLength)) }
        for y in ys { p.move(to: Point(frame.minX, y)); p.line(to: Point(frame.minX - AxisMetrics.tickLength, y)) }
        renderer.group("ticks") { renderer.drawPath(p, stroke: StrokeStyle(color: .black, width: AxisMetrics.tickWidth), fill: nil, clip: nil) }
        let font = Font(size: axes.tickFontSize)
        let reach = AxisMetrics.tickLength + AxisMetrics.tickPad
        renderer.group("x tick labels") {
            for (x, label) in zip(xs, t.x.labels) {
                renderer.drawText(label, at: Point(x, frame.maxY + reach), anchor: TextAnchor(.center, .top), font: font, color: .black)
            }
        }
        renderer.group("y tick labels") {
            for (y, label) in zip(ys, t.y.labels) {
                renderer.drawText(label, at: Point(frame.minX - reach, y), anchor: TextAnchor(.right, .center), font: font, color: .black)
            }
        }
        renderer.group("offset text") {
            if let offset = t.y.offsetLabel {
                renderer.drawText(offset, at: Point(frame.minX, frame.minY - AxisMetrics.tickPad), anchor: TextAnchor(.left, .bottom), font: font, color: .black)
            }
            if let offset = t.x.offsetLabel, let top = XAxisText(axes: axes, transform: t, renderer: renderer).offsetTop {
                renderer.drawText(offset, at: Point(frame.maxX, top), anchor: TextAnchor(.right, .top), font: font, color: .black)
            }
        }
    }

    func drawLabels() {
        let tickFont = Font(size: axes.tickFontSize)
        let reach = AxisMetrics.tickLength + AxisMetrics.tickPad
        if let title = axes.title {
            let block = TextBlock(title.text, font: title.font, renderer: renderer)
            // matplotlib puts the title's last baseline titlePad above the frame.
            let r = Rect(x: frame.midX - block.width / 2, y: frame.minY - AxisMetrics.titlePad + block.descent - block.height, width: block.width, height: block.height)
            renderer.group("title") { block.draw(in: r, alignment: .center, color: .black, renderer: renderer) }
        }
        if let (block, top) = XAxisText(axes: axes, transform: t, renderer: renderer).label {
            renderer.group("x label") {
                block.draw(in: Rect(x: frame.midX - block.width / 2, y: top, width: block.width, height: block.height), alignment: .center, color: .black, renderer: renderer)
            }
        }
        if let l = axes.yLabel {
            let widest = t.y.labels.map { renderer.measureText($0, font: tickFont).width }.max() ?? 0
            let right = frame.minX - reach - widest - AxisMetrics.labelPad
            let font = l.font
            let e = renderer.measureText(l.text, font: font)
            // Turned a quarter counter-clockwise: the baseline runs upwards, descent towards the frame.
            renderer.group("y label") {
                renderer.drawText(l.text, origin: Point(right - e.descent, frame.midY + e.width / 2), font: font, color: .black, rotation: Double.pi / 2)
            }
        }
    }
}
