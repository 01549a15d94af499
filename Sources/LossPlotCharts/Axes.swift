/// How data values map onto an axis.
public enum AxisScale: String, Equatable, Sendable {
    case linear, log
}

/// Text with a font size and weight, as a title or axis label.
public struct Label: Equatable, Sendable {
    public var text: String
    public var fontSize: Double
    public var bold: Bool
    public init(_ text: String, fontSize: Double = 10, bold: Bool = false) {
        self.text = text; self.fontSize = fontSize; self.bold = bold
    }
    public var font: Font { Font(size: fontSize, weight: bold ? .bold : .regular) }
}

/// One plotting area: its data, reference lines, annotations, labels, limits and legend.
public struct Axes: Equatable, Sendable {
    public var series: [Series] = []
    /// Filled bands between two curves (matplotlib's `fill_between`), drawn under the lines.
    public var bands: [BandSeries] = []
    public var referenceLines: [ReferenceLine] = []
    public var annotations: [Annotation] = []
    /// Short texts beside data points, kept inside the frame and clear of one another.
    public var pointLabels: [PointLabel] = []
    public var title: Label?
    public var xLabel: Label?
    public var yLabel: Label?
    /// Fixed x limits; automatic (data range plus 5% margins) when nil.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y limits; automatic when nil. Either end may be fixed alone with `yLower`/`yUpper`.
    public var yLimits: ClosedRange<Double>?
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    /// Grid line alpha; nil draws no grid.
    public var gridAlpha: Double?
    public var legend: Legend?
    /// Tick label size in points (matplotlib's default 10).
    public var tickFontSize: Double = 10

    public init() {}

    public mutating func plot(_ line: LineSeries) { series.append(.line(line)) }
    public mutating func scatter(_ s: ScatterSeries) { series.append(.scatter(s)) }
    public mutating func axhline(_ line: ReferenceLine) { referenceLines.append(line) }
    public mutating func annotate(_ a: Annotation) { annotations.append(a) }
}

/// A whole chart: a size in inches at a dpi, an optional suptitle, and a grid of axes.
public struct Figure: Equatable, Sendable {
    /// Width and height in inches (matplotlib's figsize).
    public var widthInches: Double
    public var heightInches: Double
    /// Pixels per inch of raster output at scale 1 (matplotlib's dpi).
    public var dpi: Double
    public var rows: Int
    public var columns: Int
    /// Row-major, `rows * columns` of them.
    public var axes: [Axes]
    public var suptitle: Label?
    /// One legend for the whole figure, under the suptitle (the axes' own legends are apart).
    public var legend: FigureLegend?
    /// What the chart shows, in a sentence or two (SVG `<title>`/`<desc>`, alt text).
    public var title: String
    public var description: String
    /// The page it is drawn for: light draws the colours as given, dark turns them
    /// (`ColorScheme.color`).
    public var colorScheme: ColorScheme = .light

    public init(widthInches: Double, heightInches: Double, dpi: Double = 100, rows: Int = 1, columns: Int = 1,
                axes: [Axes]? = nil, suptitle: Label? = nil, title: String = "", description: String = "") {
        self.widthInches = widthInches; self.heightInches = heightInches; self.dpi = dpi
        self.rows = max(1, rows); self.columns = max(1, columns)
        self.axes = axes ?? Array(repeating: Axes(), count: max(1, rows) * max(1, columns))
        self.suptitle = suptitle; self.title = title; self.description = description
    }

    /// Size in points (1/72 inch), the unit everything is laid out in.
    public var size: Size { Size(width: widthInches * 72, height: heightInches * 72) }

    /// Raster size in pixels at `scale`.
    public func pixelSize(scale: Double = 1) -> (width: Int, height: Int) {
        (Int((widthInches * dpi * scale).rounded()), Int((heightInches * dpi * scale).rounded()))
    }
}
