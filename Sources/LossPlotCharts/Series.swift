/// A connected line through data points (matplotlib's `plot`).
public struct LineSeries: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    /// Nil takes the next colour of the default cycle.
    public var color: Color?
    public var width: Double
    public var dash: LineDash
    public var alpha: Double

    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                width: Double = 1.5, dash: LineDash = .solid, alpha: Double = 1) {
        self.x = x; self.y = y; self.label = label; self.color = color
        self.width = width; self.dash = dash; self.alpha = alpha
    }
}

/// The shape drawn at each point of a scatter.
public enum MarkerShape: String, Equatable, Sendable, CaseIterable {
    case circle, x, square, triangle, plus

    /// matplotlib's marker letters: "o", "x", "s", "^", "+".
    public init?(matplotlib spec: String) {
        switch spec {
        case "o": self = .circle
        case "x": self = .x
        case "s": self = .square
        case "^": self = .triangle
        case "+": self = .plus
        default: return nil
        }
    }

    /// True for shapes made of strokes only (they have no inside to fill).
    public var isStrokeOnly: Bool { self == .x || self == .plus }

    /// The marker as a path around (0, 0) for a marker of `size` points across.
    public func path(size: Double) -> Path {
        let r = size / 2
        switch self {
        case .circle:
            return Path.circle(center: Point(0, 0), radius: r)
        case .square:
            return Path.rectangle(Rect(x: -r, y: -r, width: size, height: size))
        case .triangle:
            var p = Path()
            p.move(to: Point(0, -r)); p.line(to: Point(r, r)); p.line(to: Point(-r, r)); p.close()
            return p
        case .x:
            var p = Path()
            p.move(to: Point(-r, -r)); p.line(to: Point(r, r))
            p.move(to: Point(-r, r)); p.line(to: Point(r, -r))
            return p
        case .plus:
            var p = Path()
            p.move(to: Point(-r, 0)); p.line(to: Point(r, 0))
            p.move(to: Point(0, -r)); p.line(to: Point(0, r))
            return p
        }
    }
}

/// Whether a series is drawn as one embedded image on vector output (SVG, PDF), as matplotlib's
/// `rasterized=True`: a scatter of many thousand markers then costs an image, not a path each,
/// and files stay small. Raster output (PNG) is pixels either way. Backends obey what the series
/// says; only `automatic` looks at the data.
public enum Rasterization: Equatable, Sendable {
    /// An image when more than `automaticLimit` markers are drawn (those that land in or near the
    /// axes, not every point of the series), paths otherwise.
    case automatic
    /// Always an image.
    case always
    /// Always paths, however many markers.
    case never

    /// Above this many drawn markers an `automatic` series is rasterised.
    public static let automaticLimit = 5_000

    /// Whether a series drawing `count` markers is drawn as an image.
    public func rasterizes(markerCount count: Int) -> Bool {
        switch self {
        case .automatic: return count > Rasterization.automaticLimit
        case .always: return true
        case .never: return false
        }
    }
}

/// Unconnected markers at data points (matplotlib's `scatter`).
public struct ScatterSeries: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    /// Nil takes the next colour of the default cycle.
    public var color: Color?
    public var marker: MarkerShape
    /// Marker area in points² (matplotlib's `s`, default 36).
    public var size: Double
    public var alpha: Double
    /// Edge colour for filled markers; nil draws none, or the face colour when `faceEdge` is set.
    public var edgeColor: Color?
    /// Stroke filled markers' edges in their own face colour when `edgeColor` is nil, as
    /// matplotlib's default `scatter.edgecolors: face` does (the ring doubles the alpha there).
    public var faceEdge = true
    /// Stroke width in points (matplotlib's `linewidths`).
    public var lineWidth: Double
    /// Draw above lines (matplotlib's zorder=5 in the document's outlier plot).
    public var onTop: Bool
    /// Drawn as an image on vector output: by the number of markers drawn unless set.
    public var rasterization: Rasterization

    public init(x: [Double], y: [Double], label: String? = nil, color: Color? = nil, marker: MarkerShape = .circle,
                size: Double = 36, alpha: Double = 1, edgeColor: Color? = nil, lineWidth: Double = 1.5, onTop: Bool = false,
                rasterization: Rasterization = .automatic) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.marker = marker
        self.size = size; self.alpha = alpha; self.edgeColor = edgeColor; self.lineWidth = lineWidth; self.onTop = onTop
        self.rasterization = rasterization
    }
}

/// One plotted data series.
public enum Series: Equatable, Sendable {
    case line(LineSeries)
    case scatter(ScatterSeries)

    public var label: String? {
        switch self {
        case .line(let l): return l.label
        case .scatter(let s): return s.label
        }
    }
    public var x: [Double] {
        switch self {
        case .line(let l): return l.x
        case .scatter(let s): return s.x
        }
    }
    public var y: [Double] {
        switch self {
        case .line(let l): return l.y
        case .scatter(let s): return s.y
        }
    }
}

/// A horizontal or vertical line across the whole axes (matplotlib's `axhline` / `axvline`).
public struct ReferenceLine: Equatable, Sendable {
    public enum Orientation: Sendable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    public var color: Color
    public var width: Double
    public var dash: LineDash
    public var alpha: Double
    /// A legend label (the document labels one of its ±δ lines).
    public var label: String?

    public init(_ orientation: Orientation, at value: Double, color: Color = .black, width: Double = 1.5,
                dash: LineDash = .solid, alpha: Double = 1, label: String? = nil) {
        self.orientation = orientation; self.value = value; self.color = color
        self.width = width; self.dash = dash; self.alpha = alpha; self.label = label
    }

    public static func horizontal(_ y: Double, color: Color = .black, width: Double = 1.5, dash: LineDash = .solid, alpha: Double = 1, label: String? = nil) -> ReferenceLine {
        ReferenceLine(.horizontal, at: y, color: color, width: width, dash: dash, alpha: alpha, label: label)
    }
    public static func vertical(_ x: Double, color: Color = .black, width: Double = 1.5, dash: LineDash = .solid, alpha: Double = 1, label: String? = nil) -> ReferenceLine {
        ReferenceLine(.vertical, at: x, color: color, width: width, dash: dash, alpha: alpha, label: label)
    }
}
