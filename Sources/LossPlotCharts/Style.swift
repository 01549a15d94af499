/// How a line is dashed, as matplotlib's `linestyle`.
public enum LineDash: String, Equatable, Sendable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// matplotlib's spec strings: "-", "--", ":", "-.".
    public init?(matplotlib spec: String) {
        switch spec {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case ":", "dotted": self = .dotted
        case "-.", "dashdot": self = .dashDot
        default: return nil
        }
    }

    /// On/off lengths in points for a line of width `width` (matplotlib scales dashes with the width).
    public func pattern(width: Double) -> [Double] {
        let w = max(width, 0.01)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [1 * w, 1.65 * w]
        case .dashDot: return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w]
        }
    }
}

/// How the end of an open line is drawn.
public enum LineCap: Sendable, Equatable { case butt, round, square }
/// How two segments of a line meet.
public enum LineJoin: Sendable, Equatable { case miter, round, bevel }

/// The graphics state of a stroke: colour, width in points, dash, cap and join.
public struct StrokeStyle: Equatable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: LineDash
    public var cap: LineCap
    public var join: LineJoin
    /// Move every vertex (curves' too) to the pixel grid on raster output, as matplotlib's
    /// `snap=True` (its legend frame); without it only rectilinear paths are snapped.
    public var snap: Bool

    public init(color: Color, width: Double = 1.5, dash: LineDash = .solid, cap: LineCap = .butt, join: LineJoin = .round, snap: Bool = false) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join; self.snap = snap
    }
}

/// A font request: DejaVu Sans at a size in points, regular or bold.
public struct Font: Equatable, Hashable, Sendable {
    public enum Weight: Sendable, Hashable { case regular, bold }
    public var family: String
    public var size: Double
    public var weight: Weight

    public init(size: Double, weight: Weight = .regular, family: String = "DejaVu Sans") {
        self.family = family; self.size = size; self.weight = weight
    }

    public func bold() -> Font { Font(size: size, weight: .bold, family: family) }
}

/// What a renderer measured of a line of text, in points.
public struct TextExtents: Equatable, Sendable {
    /// Advance width of the text.
    public var width: Double
    /// Height above the baseline: the font's ascent, or the glyphs' when they reach higher.
    public var ascent: Double
    /// Depth below the baseline: the font's descent, or the glyphs' when they reach lower.
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
    public var height: Double { ascent + descent }
}

/// Where a piece of text sits relative to its anchor point.
public struct TextAnchor: Equatable, Sendable {
    public enum Horizontal: Sendable { case left, center, right }
    public enum Vertical: Sendable { case top, center, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal; self.vertical = vertical
    }
}
