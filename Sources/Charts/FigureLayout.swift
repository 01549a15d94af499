/// matplotlib's default sizes of axis furniture, in points.
public enum AxisMetrics {
    public static let tickLength = 3.5
    public static let tickWidth = 0.8
    public static let tickPad = 3.5
    public static let labelPad = 4.0
    public static let titlePad = 6.0
    public static let spineWidth = 0.8
    /// tight_layout's padding: 1.08 font sizes of 10 points.
    public static let layoutPad = 10.8
}

/// One axes placed on the figure: its frame and its two axis views.
public struct PlacedAxes: Sendable {
    public var axes: Axes
    public var transform: DataTransform
    public var frame: Rect { transform.frame }
}

/// Places a figure's grid of axes so that no title, label or tick label is cut off or overlaps
/// another (matplotlib's tight_layout for a uniform grid).
public struct FigureLayout {
    public let figure: Figure
    public private(set) var placed: [PlacedAxes] = []
    /// The suptitle's block and where it sits, when there is one.
    public private(set) var suptitleFrame: Rect?

    public init(_ figure: Figure, renderer: Renderer) {
        self.figure = figure
        let size = figure.size
        let pad = AxisMetrics.layoutPad
        let rows = figure.rows, cols = figure.columns
        var top = pad
        if let s = figure.suptitle {
            let block = TextBlock(s.text, font: s.font, renderer: renderer)
            suptitleFrame = Rect(x: (size.width - block.width) / 2, y: size.height * 0.02, width: block.width, height: block.height)
            top = max(pad, size.height * 0.02 + block.height + pad)
        }
        // Start from bare frames, then size the furniture twice: tick labels depend on axis length.
        var frames = FigureLayout.grid(in: Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - top - pad),
                                       rows: rows, cols: cols, left: Array(repeating: 0, count: cols), right: Array(repeating: 0, count: cols),
                                       top: Array(repeating: 0, count: rows), bottom: Array(repeating: 0, count: rows))
        for _ in 0..<2 {
            var left = Array(repeating: 0.0, count: cols), right = left
            var tops = Array(repeating: 0.0, count: rows), bottoms = tops
            for (i, axes) in figure.axes.prefix(rows * cols).enumerated() {
                let d = Furniture(axes: axes, frame: frames[i], renderer: renderer)
                let r = i / cols, c = i % cols
                left[c] = max(left[c], d.left); right[c] = max(right[c], d.right)
                tops[r] = max(tops[r], d.top); bottoms[r] = max(bottoms[r], d.bottom)
            }
            frames = FigureLayout.grid(in: Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - top - pad),
                                       rows: rows, cols: cols, left: left, right: right, top: tops, bottom: bottoms)
        }
        placed = figure.axes.prefix(rows * cols).enumerated().map { i, axes in
            PlacedAxes(axes: axes, transform: Furniture.transform(axes: axes, frame: frames[i]))
        }
    }

    /// Equal-sized frames in a grid, each column and row leaving room for its furniture.
    static func grid(in area: Rect, rows: Int, cols: Int, left: [Double], right: [Double], top: [Double], bottom: [Double]) -> [Rect] {
        let gap = AxisMetrics.layoutPad
        let w = max(1, (area.width - left.reduce(0, +) - right.reduce(0, +) - Double(cols - 1) * gap) / Double(cols))
        let h = max(1, (area.height - top.reduce(0, +) - bottom.reduce(0, +) - Double(rows - 1) * gap) / Double(rows))
        var frames: [Rect] = []
        var y = area.minY
        for r in 0..<rows {
            y += top[r]
            var x = area.minX
            for c in 0..<cols {
                x += left[c]
                frames.append(Rect(x: x, y: y, width: w, height: h))
                x += w + right[c] + gap
            }
            y += h + bottom[r] + gap
        }
        return frames
    }
}

/// How far an axes' titles, labels and tick labels reach beyond its frame, on each side.
struct Furniture {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0

    static func transform(axes: Axes, frame: Rect) -> DataTransform {
        var xs: [Double] = [], ys: [Double] = []
        for s in axes.series { xs += s.x; ys += s.y }
        for r in axes.referenceLines {
            if r.orientation == .horizontal { ys.append(r.value) } else { xs.append(r.value) }
        }
        let x = AxisView(data: xs, fixed: axes.xLimits, scale: .linear, length: frame.width, fontSize: axes.tickFontSize, vertical: false)
        let y = AxisView(data: ys, fixed: axes.yLimits, scale: axes.yScale, length: frame.height, fontSize: axes.tickFontSize, vertical: true)
        return DataTransform(frame: frame, x: x, y: y)
    }

    init(axes: Axes, frame: Rect, renderer: Renderer) {
        let t = Furniture.transform(axes: axes, frame: frame)
        let tickFont = Font(size: axes.tickFontSize)
        let tickReach = AxisMetrics.tickLength + AxisMetrics.tickPad
        let yLabelWidths = t.y.labels.map { renderer.measureText($0, font: tickFont).width }
        let tickHeight = renderer.measureText("0", font: tickFont).height
        left = tickReach + (yLabelWidths.max() ?? 0)
        if let l = axes.yLabel {
            left += AxisMetrics.labelPad + TextBlock(l.text, font: l.font, renderer: renderer).height
        }
        let below = XAxisText(axes: axes, transform: t, renderer: renderer)
        bottom = below.bottom - frame.maxY
        // Tick labels centred on ticks near the ends stick out past the frame.
        if let last = t.x.ticks.last, let label = t.x.labels.last {
            let w = renderer.measureText(label, font: tickFont).width
            right = max(0, w / 2 - (1 - t.x.fraction(last)) * frame.width)
        }
        if let first = t.x.ticks.first, let label = t.x.labels.first {
            let w = renderer.measureText(label, font: tickFont).width
            left = max(left, w / 2 - t.x.fraction(first) * frame.width)
        }
        if let lastY = t.y.ticks.last {
            top = max(0, tickHeight / 2 - (1 - t.y.fraction(lastY)) * frame.height)
        }
        if t.y.offsetLabel != nil || t.x.offsetLabel != nil { top = max(top, tickHeight + AxisMetrics.tickPad) }
        if let title = axes.title {
            let block = TextBlock(title.text, font: title.font, renderer: renderer)
            top = max(top, AxisMetrics.titlePad + block.height - block.descent)
        }
    }
}

/// Where the text under an x axis goes: tick labels, the offset text ("1e6") at the right, and
/// the axis label, moved below the offset text when the two would collide.
struct XAxisText {
    /// Top of the offset text's line box, when there is one.
    var offsetTop: Double?
    /// The x label's block and the top of its box, when there is one.
    var label: (block: TextBlock, top: Double)?
    /// The lowest point of all of it.
    var bottom: Double

    init(axes: Axes, transform t: DataTransform, renderer: Renderer) {
        let frame = t.frame
        let tickFont = Font(size: axes.tickFontSize)
        let tickHeight = renderer.measureText("0", font: tickFont).height
        let labelsBottom = frame.maxY + AxisMetrics.tickLength + AxisMetrics.tickPad + (t.x.labels.isEmpty ? 0 : tickHeight)
        bottom = labelsBottom
        var offsetSpan: (Double, Double)?
        if let offset = t.x.offsetLabel {
            let top = labelsBottom + AxisMetrics.tickPad
            offsetTop = top
            offsetSpan = (frame.maxX - renderer.measureText(offset, font: tickFont).width, frame.maxX)
            bottom = top + tickHeight
        }
        if let l = axes.xLabel {
            let block = TextBlock(l.text, font: l.font, renderer: renderer)
            var top = labelsBottom + AxisMetrics.labelPad
            if let (a, b) = offsetSpan, let offsetTop, frame.midX - block.width / 2 < b, frame.midX + block.width / 2 > a {
                top = offsetTop + tickHeight + AxisMetrics.labelPad
            }
            label = (block, top)
            bottom = max(bottom, top + block.height)
        }
    }
}
