/// Room along one axis for its ticks: the axis' length and its tick labels' size, from which a
/// locator decides how many ticks fit (matplotlib's `get_tick_space`).
public struct TickSpace: Equatable, Sendable {
    /// The axis' length in points.
    public var length: Double
    /// The tick labels' font size in points.
    public var fontSize: Double
    /// True for a y axis, where labels stand one above another.
    public var vertical: Bool

    public init(length: Double, fontSize: Double, vertical: Bool) {
        self.length = length; self.fontSize = fontSize; self.vertical = vertical
    }

    /// How many tick labels fit: one per three label heights on x, two on y.
    public var labelCount: Int {
        let count = (length / (fontSize * (vertical ? 2 : 3))).rounded(.down)
        guard count.isFinite else { return 1 }
        return Int(min(max(count, 0), 1000))
    }
}

/// What a locator found for one view of an axis.
public struct LocatedTicks: Equatable, Sendable {
    /// Every tick the locator produced, some perhaps just past the view's ends: what a formatter
    /// reads to choose one format for the whole axis (matplotlib's `set_locs`).
    public var all: [Double]
    /// The major ticks inside the view, ascending: drawn, and labelled by the formatter.
    public var major: [Double]
    /// Unlabelled minor ticks inside the view, none of them a major tick.
    public var minor: [Double]

    public init(all: [Double], major: [Double], minor: [Double] = []) {
        self.all = all; self.major = major; self.minor = minor
    }
}

/// Where an axis puts its ticks: a strategy per kind of axis (linear and log here), asked with
/// the view interval and the axis' room.
public protocol TickLocating: Sendable {
    /// The ticks for the view [lower, upper] (lower < upper, both finite) of an axis with `space`.
    func locate(lower: Double, upper: Double, space: TickSpace) -> LocatedTicks
}

/// The text of an axis' ticks.
public struct TickLabels: Equatable, Sendable {
    /// One label for each major tick, in order.
    public var labels: [String]
    /// What the axis' corner says about every label ("1e6", "+1e6"); nil when nothing.
    public var offset: String?

    public init(labels: [String], offset: String? = nil) {
        self.labels = labels; self.offset = offset
    }
}

/// How an axis writes its tick labels: a strategy per kind of axis (linear and log here).
public protocol TickFormatting: Sendable {
    /// A label for each of `ticks.major`, and the corner text, on an axis viewing [lower, upper].
    func labels(for ticks: LocatedTicks, lower: Double, upper: Double) -> TickLabels
}

extension AxisScale {
    /// How an axis of this scale places its ticks: matplotlib's AutoLocator on a linear axis,
    /// powers of ten (and their multiples, when less than a decade shows) on a log axis.
    public var tickLocator: any TickLocating {
        switch self {
        case .linear: return AutoTickLocator()
        case .log: return LogTickLocator()
        }
    }

    /// How an axis of this scale labels its ticks: matplotlib's ScalarFormatter on a linear axis,
    /// "10ⁿ" on a log axis.
    public var tickFormatter: any TickFormatting {
        switch self {
        case .linear: return ScalarTickFormatter()
        case .log: return LogTickFormatter()
        }
    }
}
