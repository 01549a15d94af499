/// A rounded box behind annotation text (matplotlib's `bbox=dict(boxstyle='round', ...)`).
public struct TextBox: Equatable, Sendable {
    public var fill: Color
    public var edge: Color
    public var alpha: Double
    /// Padding around the text, as a fraction of the font size (matplotlib's pad=0.3).
    public var pad: Double

    public init(fill: Color, edge: Color = .black, alpha: Double = 1, pad: Double = 0.3) {
        self.fill = fill; self.edge = edge; self.alpha = alpha; self.pad = pad
    }
}

/// An arrow from annotation text to the point it explains (matplotlib's `arrowstyle='->'`).
public struct Arrow: Equatable, Sendable {
    public var color: Color
    public var width: Double
    public init(color: Color = .black, width: Double = 1) { self.color = color; self.width = width }
}

/// Text placed at a data point, optionally boxed and with an arrow to another point.
public struct Annotation: Equatable, Sendable {
    /// The text; "\n" breaks lines.
    public var text: String
    /// The data point the arrow points at.
    public var point: (x: Double, y: Double)
    /// Where the text sits, in data coordinates (the point itself when nil).
    public var textPosition: (x: Double, y: Double)?
    public var fontSize: Double
    public var color: Color
    public var box: TextBox?
    public var arrow: Arrow?
    /// Move the text (and its box) into the axes' frame when it would reach outside it, as a
    /// narrow layout asks (`NarrowLayout`); matplotlib's default, false, lets it go where the
    /// text position says.
    public var keepInside = false

    public init(_ text: String, point: (x: Double, y: Double), textPosition: (x: Double, y: Double)? = nil,
                fontSize: Double = 10, color: Color = .black, box: TextBox? = nil, arrow: Arrow? = nil) {
        self.text = text; self.point = point; self.textPosition = textPosition
        self.fontSize = fontSize; self.color = color; self.box = box; self.arrow = arrow
    }

    public static func == (a: Annotation, b: Annotation) -> Bool {
        a.text == b.text && a.point == b.point && a.textPosition?.x == b.textPosition?.x
            && a.textPosition?.y == b.textPosition?.y && a.fontSize == b.fontSize && a.color == b.color
            && a.box == b.box && a.arrow == b.arrow && a.keepInside == b.keepInside
    }
}

/// Where a legend goes inside its axes.
public enum LegendLocation: String, Equatable, Sendable, CaseIterable {
    /// matplotlib's 'best': the candidate place that covers the least data.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center

    /// matplotlib's candidates for 'best', in its order of preference.
    public static let candidates: [LegendLocation] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center,
    ]
}

/// A legend: one entry per labelled series, each with its own swatch.
public struct Legend: Equatable, Sendable {
    public var location: LegendLocation
    public var fontSize: Double
    public init(location: LegendLocation = .best, fontSize: Double = 10) {
        self.location = location; self.fontSize = fontSize
    }
}
