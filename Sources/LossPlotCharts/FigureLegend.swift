/// One legend for a whole figure of several panels (matplotlib's `fig.legend`): each entry
/// names a series that looks the same in every panel. It sits under the suptitle across the
/// figure, entries in equal columns filling rows left to right.
public struct FigureLegend: Equatable, Sendable {
    /// One row of the legend: a label and how its series is drawn.
    public struct Entry: Equatable, Sendable {
        public var label: String
        public var color: Color
        public var width: Double
        /// Draws a translucent band behind the line's swatch (a mean with its spread).
        public var band: Bool
        public var dash: LineDash

        public init(_ label: String, color: Color, width: Double = 1.5, band: Bool = false, dash: LineDash = .solid) {
            self.label = label; self.color = color; self.width = width; self.band = band; self.dash = dash
        }
    }

    public var entries: [Entry]
    public var fontSize: Double
    /// At most this many rows; past them the last slot says how many entries were left out.
    public var maximumRows: Int

    public init(entries: [Entry], fontSize: Double = 10, maximumRows: Int = 6) {
        self.entries = entries; self.fontSize = fontSize; self.maximumRows = max(1, maximumRows)
    }
}

/// Where a figure legend's entries go for a given width, with matplotlib's legend metrics (in
/// font sizes: border pad 0.4, handle length 2, handle-text pad 0.8, label spacing 0.5,
/// column spacing 2).
struct FigureLegendLayout {
    /// One slot: a swatch (absent for the "and N more" slot) and its text's baseline origin.
    struct Slot {
        let entry: FigureLegend.Entry?
        let text: String
        let swatch: Rect
        let origin: Point
    }

    let frame: Rect
    let slots: [Slot]
    let fontSize: Double

    /// Nil when the legend has no entries.
    init?(_ legend: FigureLegend, width: Double, top: Double, measurer: TextMeasurer) {
        guard !legend.entries.isEmpty else { return nil }
        let fs = legend.fontSize
        let font = Font(size: fs)
        fontSize = fs
        let lp = measurer.measureText("lp", font: font)
        let above = max(lp.ascent, 0.7 * fs), below = lp.descent
        let handle = 2 * fs, handlePad = 0.8 * fs, columnSpacing = 2 * fs, border = 0.4 * fs
        // A label wider than the figure loses its middle ("runs/2024-05…/seed=3").
        let widest = max(fs, width - 2 * border - handle - handlePad)
        let texts = legend.entries.map { Self.fitting($0.label, width: widest, font: font, measurer: measurer) }
        let textWidths = texts.map { measurer.measureText($0, font: font).width }
        let cell = handle + handlePad + (textWidths.max() ?? 0)
        let usable = max(cell, width - 2 * border)
        var columns = max(1, min(legend.entries.count, Int((usable + columnSpacing) / (cell + columnSpacing))))
        var shown = legend.entries.map { Optional($0) }
        var labels = texts
        let rowsNeeded = (legend.entries.count + columns - 1) / columns
        if rowsNeeded > legend.maximumRows {
            let capacity = legend.maximumRows * columns
            let kept = capacity - 1
            shown = Array(shown.prefix(kept)) + [nil]
            labels = Array(labels.prefix(kept)) + ["… and \(legend.entries.count - kept) more"]
        }
        columns = min(columns, shown.count)
        let rows = (shown.count + columns - 1) / columns
        let contentWidth = Double(columns) * cell + Double(columns - 1) * columnSpacing
        let rowHeight = above + below
        let height = 2 * border + Double(rows) * rowHeight + Double(rows - 1) * 0.5 * fs
        let boxWidth = min(width, contentWidth + 2 * border)
        // Centred on the figure: `width` is the figure's less a layout pad at each side.
        frame = Rect(x: AxisMetrics.layoutPad + (width - boxWidth) / 2, y: top, width: boxWidth, height: height)
        var slots: [Slot] = []
        for (i, entry) in shown.enumerated() {
            let r = i / columns, c = i % columns
            let x = frame.minX + border + Double(c) * (cell + columnSpacing)
            let baseline = frame.minY + border + Double(r) * (rowHeight + 0.5 * fs) + above
            let swatch = Rect(x: x, y: baseline - 0.7 * fs, width: handle, height: 0.7 * fs)
            let textX = entry == nil ? x : x + handle + handlePad
            slots.append(Slot(entry: entry, text: labels[i], swatch: swatch, origin: Point(textX, baseline)))
        }
        self.slots = slots
    }

    /// `text`, or as much of its start and end as fits in `width` with "…" between.
    static func fitting(_ text: String, width: Double, font: Font, measurer: TextMeasurer) -> String {
        guard measurer.measureText(text, font: font).width > width else { return text }
        let characters = Array(text)
        func cut(_ keep: Int) -> String {
            String(characters.prefix((keep + 1) / 2)) + "…" + String(characters.suffix(keep / 2))
        }
        // The most characters kept that still fit (none at worst: just the ellipsis).
        var lo = 0, hi = characters.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if measurer.measureText(cut(mid), font: font).width <= width { lo = mid } else { hi = mid - 1 }
        }
        return cut(lo)
    }

    func draw(on renderer: Renderer) {
        let fs = fontSize
        renderer.drawPath(.roundedRectangle(frame, radius: 0.2 * fs), stroke: StrokeStyle(color: Color(gray: 0.8).withAlpha(0.8), width: 1, snap: true),
                          fill: Color.white.withAlpha(0.8), clip: nil)
        for slot in slots {
            if let e = slot.entry {
                if e.band {
                    renderer.drawPath(.rectangle(slot.swatch), stroke: nil, fill: e.color.withAlpha(0.2), clip: nil)
                }
                var p = Path()
                p.move(to: Point(slot.swatch.minX, slot.swatch.midY)); p.line(to: Point(slot.swatch.maxX, slot.swatch.midY))
                renderer.drawPath(p, stroke: StrokeStyle(color: e.color, width: e.width, dash: e.dash), fill: nil, clip: nil)
            }
            renderer.drawText(slot.text, origin: slot.origin, font: Font(size: fs), color: .black, rotation: 0)
        }
    }
}
