/// matplotlib's default sizes of axis furniture, in points.
public enum AxisMetrics {
    public static let tickLength = 3.5
    public static let tickWidth = 0.8
    /// Minor ticks (log axes): matplotlib's `xtick.minor.size` and `xtick.minor.width`.
    public static let minorTickLength = 2.0
    public static let minorTickWidth = 0.6
    public static let tickPad = 3.5
    public static let labelPad = 4.0
    public static let titlePad = 6.0
    public static let spineWidth = 0.8
    /// Gap between tick labels and an axis' offset text ("1e6"), matplotlib's OFFSETTEXTPAD.
    public static let offsetTextPad = 3.0
    /// tight_layout's padding: 1.08 font sizes of 10 points.
    public static let layoutPad = 10.8
}

/// One axes placed on the figure: its frame and its two axis views.
public struct PlacedAxes: Sendable {
    public var axes: Axes
    public var transform: DataTransform
    public var frame: Rect { transform.frame }
}

/// Places a figure's grid of axes as matplotlib's `tight_layout` does: it measures every axes'
/// titles, labels, tick labels and annotations around the frames of the default subplot
/// parameters, then sets the outer margins to the widest reach plus `layoutPad` (and the
/// suptitle's height plus `layoutPad` more at the top), and the gaps between columns and rows to
/// the widest reach across them plus `layoutPad`, all frames the same size.
public struct FigureLayout {
    public let figure: Figure
    public private(set) var placed: [PlacedAxes] = []
    /// The suptitle's block and where it sits, when there is one.
    public private(set) var suptitleFrame: Rect?
    /// The figure legend's rows and where they sit, when there is one.
    private(set) var legendLayout: FigureLegendLayout?

    /// matplotlib's default subplot parameters (figure fractions; bottom and top from the top edge).
    static let defaultLeft = 0.125, defaultRight = 0.9, defaultTop = 0.12, defaultBottom = 0.89
    static let defaultSpace = 0.2

    /// Lays `figure` out, measuring its text with `measurer` (a renderer measures as it draws).
    public init(_ figure: Figure, measurer: TextMeasurer) {
        self.figure = figure
        let size = figure.size
        let pad = AxisMetrics.layoutPad
        let rows = figure.rows, cols = figure.columns
        var suptitleHeight = 0.0
        if let s = figure.suptitle {
            let block = TextBlock(s.text, font: s.font, measurer: measurer)
            // matplotlib's suptitle: centred, its top at 98% of the figure height.
            suptitleFrame = Rect(x: (size.width - block.width) / 2, y: size.height * 0.02, width: block.width, height: block.height)
            suptitleHeight = block.height + pad
        }
        if let legend = figure.legend {
            // Under the suptitle (or the top margin), across the figure; the grid moves down.
            let top = suptitleFrame.map { $0.maxY + pad / 2 } ?? pad / 2
            let layout = FigureLegendLayout(legend, width: size.width - 2 * pad, top: top, measurer: measurer)
            if let layout {
                legendLayout = layout
                suptitleHeight = layout.frame.maxY + pad / 2 - pad
            }
        }
        let initial = FigureLayout.grid(
            in: Rect(x: size.width * Self.defaultLeft, y: size.height * Self.defaultTop,
                     width: size.width * (Self.defaultRight - Self.defaultLeft), height: size.height * (Self.defaultBottom - Self.defaultTop)),
            rows: rows, cols: cols, spaceFraction: Self.defaultSpace)
        // How far each axes' furniture reaches out of its frame, per grid edge.
        var left = Array(repeating: 0.0, count: rows), right = left
        var top = Array(repeating: 0.0, count: cols), bottom = top
        var innerX = -Double.infinity, innerY = -Double.infinity
        var reach: [(l: Double, r: Double, t: Double, b: Double)] = []
        for (i, axes) in figure.axes.prefix(rows * cols).enumerated() {
            let frame = initial[i]
            let b = FigureLayout.layoutBounds(axes: axes, frame: frame, measurer: measurer)
            reach.append((frame.minX - b.minX, b.maxX - frame.maxX, frame.minY - b.minY, b.maxY - frame.maxY))
        }
        for (i, e) in reach.enumerated() {
            let r = i / cols, c = i % cols
            if c == 0 { left[r] = e.l }
            if c == cols - 1 { right[r] = e.r }
            if r == 0 { top[c] = e.t }
            if r == rows - 1 { bottom[c] = e.b }
            if c > 0 { innerX = max(innerX, reach[i - 1].r + e.l) }
            if r > 0 { innerY = max(innerY, reach[i - cols].b + e.t) }
        }
        let marginLeft = max(left.max() ?? 0, 0) + pad, marginRight = max(right.max() ?? 0, 0) + pad
        let marginTop = max(top.max() ?? 0, 0) + pad + suptitleHeight, marginBottom = max(bottom.max() ?? 0, 0) + pad
        let gapX = cols > 1 ? innerX + pad : 0, gapY = rows > 1 ? innerY + pad : 0
        let area = Rect(x: marginLeft, y: marginTop, width: size.width - marginLeft - marginRight, height: size.height - marginTop - marginBottom)
        let frames = FigureLayout.grid(in: area, rows: rows, cols: cols, gapX: gapX, gapY: gapY)
        placed = figure.axes.prefix(rows * cols).enumerated().map { i, axes in
            PlacedAxes(axes: axes, transform: FigureLayout.transform(axes: axes, frame: frames[i]))
        }
    }

    /// Equal frames filling `area`, `gapX` and `gapY` apart, row-major from the top left.
    static func grid(in area: Rect, rows: Int, cols: Int, gapX: Double, gapY: Double) -> [Rect] {
        let w = max(1, (area.width - Double(cols - 1) * gapX) / Double(cols))
        let h = max(1, (area.height - Double(rows - 1) * gapY) / Double(rows))
        return (0..<(rows * cols)).map { i in
            Rect(x: area.minX + Double(i % cols) * (w + gapX), y: area.minY + Double(i / cols) * (h + gapY), width: w, height: h)
        }
    }

    /// matplotlib's GridSpec: gaps of `spaceFraction` times the average frame size.
    static func grid(in area: Rect, rows: Int, cols: Int, spaceFraction s: Double) -> [Rect] {
        let w = area.width / (Double(cols) + s * Double(cols - 1)), h = area.height / (Double(rows) + s * Double(rows - 1))
        return grid(in: area, rows: rows, cols: cols, gapX: s * w, gapY: s * h)
    }

    /// Everything of one axes that tight_layout keeps on the page, for a frame: the frame, the
    /// text around it and the annotations' boxes.
    static func layoutBounds(axes: Axes, frame: Rect, measurer: TextMeasurer) -> Rect {
        let t = transform(axes: axes, frame: frame)
        var r = AxesText(axes: axes, transform: t, measurer: measurer).layoutBounds(frame: frame)
        for a in axes.annotations {
            let f = AnnotationDrawing(annotation: a, transform: t).frames(measurer: measurer)
            let box = f.box ?? f.text
            if box.minX.isFinite, box.minY.isFinite { r = r.union(box) }
        }
        return r
    }

    /// The axis views of `axes` drawn in `frame`.
    static func transform(axes: Axes, frame: Rect) -> DataTransform {
        var xs: [Double] = [], ys: [Double] = []
        for s in axes.series { xs += s.x; ys += s.y }
        for b in axes.bands { xs += b.x; ys += b.lower; ys += b.upper }
        for r in axes.referenceLines {
            if r.orientation == .horizontal { ys.append(r.value) } else { xs.append(r.value) }
        }
        let x = AxisView(data: xs, fixed: axes.xLimits, scale: axes.xScale, length: frame.width, fontSize: axes.tickFontSize, vertical: false)
        let y = AxisView(data: ys, fixed: axes.yLimits, scale: axes.yScale, length: frame.height, fontSize: axes.tickFontSize, vertical: true)
        return DataTransform(frame: frame, x: x, y: y)
    }
}
