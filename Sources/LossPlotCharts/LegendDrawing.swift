/// One legend row: a label and the swatch its series draws for itself.
struct LegendEntry {
    enum Swatch {
        case line(StrokeStyle)
        case marker(Path, StrokeStyle?, Color?)
    }
    let label: String
    let swatch: Swatch
}

/// Lays out, places and draws a legend with matplotlib's default metrics (in font sizes:
/// border pad 0.4, label spacing 0.5, handle length 2, handle-text pad 0.8, axes pad 0.5).
struct LegendDrawing {
    let legend: Legend
    let drawing: AxesDrawing

    var renderer: Renderer { drawing.renderer }
    var fs: Double { legend.fontSize }

    func entries() -> [LegendEntry] {
        var out: [LegendEntry] = []
        for (i, s) in drawing.axes.series.enumerated() {
            guard let label = s.label, !label.isEmpty else { continue }
            let color = drawing.seriesColors[i]
            switch s {
            case .line(let l):
                out.append(LegendEntry(label: label, swatch: .line(StrokeStyle(color: color.withAlpha(l.alpha), width: l.width, dash: l.dash))))
            case .scatter(let sc):
                let m = drawing.markerStyle(sc, color: color)
                out.append(LegendEntry(label: label, swatch: .marker(m.path, m.stroke, m.fill)))
            }
        }
        for r in drawing.axes.referenceLines {
            guard let label = r.label, !label.isEmpty else { continue }
            out.append(LegendEntry(label: label, swatch: .line(StrokeStyle(color: r.color.withAlpha(r.alpha), width: r.width, dash: r.dash))))
        }
        return out
    }

    /// Each entry's row: its text's extents, and the row's height above and below the baseline:
    /// at least the ascent of "lp" (matplotlib's TextArea) and the handle box, which stands 0.7
    /// font sizes tall on the baseline (its handleheight).
    func rows(_ entries: [LegendEntry]) -> [(text: TextExtents, above: Double, below: Double)] {
        let font = Font(size: fs)
        let lp = renderer.measureText("lp", font: font)
        return entries.map { e in
            let t = renderer.measureText(e.label, font: font)
            return (t, max(t.ascent, lp.ascent, 0.7 * fs), t.descent)
        }
    }

    /// Size of the legend box for these entries.
    func size(_ entries: [LegendEntry]) -> Size {
        let rows = rows(entries)
        let w = 2 * 0.4 * fs + 2 * fs + 0.8 * fs + (rows.map(\.text.width).max() ?? 0)
        let h = 2 * 0.4 * fs + rows.reduce(0) { $0 + $1.above + $1.below } + Double(max(0, entries.count - 1)) * 0.5 * fs
        return Size(width: w, height: h)
    }

    /// The legend's frame at one of matplotlib's locations inside the axes frame.
    static func frame(_ loc: LegendLocation, size: Size, in axes: Rect, pad: Double) -> Rect {
        let left = axes.minX + pad, right = axes.maxX - pad - size.width, midX = axes.midX - size.width / 2
        let top = axes.minY + pad, bottom = axes.maxY - pad - size.height, midY = axes.midY - size.height / 2
        let (x, y): (Double, Double)
        switch loc {
        case .best, .upperRight: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .right, .centerRight: (x, y) = (right, midY)
        case .centerLeft: (x, y) = (left, midY)
        case .lowerCenter: (x, y) = (midX, bottom)
        case .upperCenter: (x, y) = (midX, top)
        case .center: (x, y) = (midX, midY)
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }

    /// matplotlib's 'best': the first candidate (in `LegendLocation.candidates` order) with the
    /// least badness: scatter points and line vertices inside it, plus lines crossing it.
    func bestFrame(size: Size) -> Rect {
        let t = drawing.t
        var lines: [[Point]] = []
        var points: [Point] = []
        for s in drawing.axes.series {
            switch s {
            case .line(let l): lines.append(drawing.linePoints(l.x, l.y))
            case .scatter(let sc): points += drawing.linePoints(sc.x, sc.y)
            }
        }
        for r in drawing.axes.referenceLines {
            let f = t.frame
            if r.orientation == .horizontal {
                let y = t.point(0, r.value).y
                lines.append([Point(f.minX, y), Point(f.maxX, y)])
            } else {
                let x = t.point(r.value, 0).x
                lines.append([Point(x, f.minY), Point(x, f.maxY)])
            }
        }
        var best: Rect?
        var bestBadness = Int.max
        for loc in LegendLocation.candidates {
            let r = LegendDrawing.frame(loc, size: size, in: t.frame, pad: 0.5 * fs)
            // matplotlib: line vertices and scatter points inside, plus one per line crossing it.
            var badness = points.filter { r.contains($0) }.count
            for line in lines {
                badness += line.filter { r.contains($0) }.count
                if LegendDrawing.crosses(line, r) { badness += 1 }
            }
            if badness < bestBadness { bestBadness = badness; best = r }
            if badness == 0 { break }
        }
        return best ?? LegendDrawing.frame(.upperRight, size: size, in: t.frame, pad: 0.5 * fs)
    }

    static func crosses(_ line: [Point], _ r: Rect) -> Bool {
        guard line.count > 1 else { return line.first.map(r.contains) ?? false }
        for i in 1..<line.count where r.intersectsSegment(line[i - 1], line[i]) { return true }
        return false
    }

    func draw() {
        let list = entries()
        guard !list.isEmpty else { return }
        let size = size(list)
        let frame = legend.location == .best
            ? bestFrame(size: size)
            : LegendDrawing.frame(legend.location, size: size, in: drawing.frame, pad: 0.5 * fs)
        renderer.drawPath(.roundedRectangle(frame, radius: 0.2 * fs), stroke: StrokeStyle(color: Color(gray: 0.8).withAlpha(0.8), width: 1, snap: true),
                          fill: Color.white.withAlpha(0.8), clip: nil)
        let font = Font(size: fs)
        var y = frame.minY + 0.4 * fs
        for (e, row) in zip(list, rows(list)) {
            let baseline = y + row.above
            let x0 = frame.minX + 0.4 * fs
            switch e.swatch {
            case .line(let style):
                // matplotlib's HandlerLine2D: halfway up the 0.7 font-size handle box.
                var p = Path()
                p.move(to: Point(x0, baseline - 0.35 * fs)); p.line(to: Point(x0 + 2 * fs, baseline - 0.35 * fs))
                renderer.drawPath(p, stroke: style, fill: nil, clip: nil)
            case .marker(let path, let stroke, let fill):
                // matplotlib's scatter handle: 0.375 of the handle box up, mid-length.
                renderer.drawMarkers(path, at: [Point(x0 + fs, baseline - 0.375 * 0.7 * fs)], stroke: stroke, fill: fill, clip: nil, rasterized: false)
            }
            renderer.drawText(e.label, origin: Point(x0 + 2.8 * fs, baseline), font: font, color: .black, rotation: 0)
            y = baseline + row.below + 0.5 * fs
        }
    }
}
