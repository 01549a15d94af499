import LossPlotCharts
import RunLogs

/// An x, y pair in data coordinates.
public struct DataPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// One curve of a panel at full resolution: a run, or the mean of a group of runs.
public struct RunCurve: Sendable, Equatable {
    /// The legend's name for it: the run's name, or the group's key and its size.
    public var label: String
    public var color: Color
    /// The runs it stands for: one, or a group's members.
    public var runs: [String]
    /// The raw values as logged (a group: their mean), finite ones only (positive ones on a
    /// log y axis), against x continued past restarts.
    public var x: [Double]
    public var y: [Double]
    /// TensorBoard's smoothing of the raw values, when smoothing is on (a group: the mean
    /// of its members' smoothed curves).
    public var smoothed: FinitePointsValue?
    /// A group's spread: the lowest and highest member at each x (of the smoothed curves when
    /// smoothing is on).
    public var band: BandValues?
    /// Where values were NaN or infinite.
    public var nonFiniteX: [Double]
    /// The lowest raw value (first occurrence) and the last one.
    public var minimum: DataPoint?
    public var last: DataPoint?
    /// A baseline's run: drawn muted (thinner, dashed, lighter), without min/last marks.
    public var muted = false

    /// x and y of the same length.
    public struct FinitePointsValue: Sendable, Equatable {
        public var x: [Double]
        public var y: [Double]
    }

    /// A band's lower and upper values over its x.
    public struct BandValues: Sendable, Equatable {
        public var x: [Double]
        public var lower: [Double]
        public var upper: [Double]
    }
}

/// Builds a panel's curves from the traces of one metric in several runs.
struct RunCurveBuilder {
    let smoothing: Double
    let logY: Bool

    /// One run's curve.
    func curve(_ trace: MetricTrace, label: String, run: String, color: Color) -> RunCurve {
        let raw = FinitePoints(x: trace.x, values: trace.values, positive: logY)
        var smoothed: RunCurve.FinitePointsValue?
        if smoothing > 0 {
            let s = FinitePoints(x: trace.x, values: Smoothing.tensorBoard(trace.values, weight: smoothing), positive: logY)
            smoothed = RunCurve.FinitePointsValue(x: s.x, y: s.y)
        }
        return finish(RunCurve(label: label, color: color, runs: [run], x: raw.x, y: raw.y, smoothed: smoothed, band: nil,
                               nonFiniteX: nonFinite(trace), minimum: nil, last: nil))
    }

    /// A group's curve: the mean of its members with their min-max band.
    func groupCurve(_ traces: [(run: String, trace: MetricTrace)], label: String, color: Color) -> RunCurve {
        let raw = GroupAggregate(curves: traces.map { t in
            let f = FinitePoints(x: t.trace.x, values: t.trace.values, positive: false)
            return (f.x, f.y)
        })
        var spread = raw
        var smoothed: RunCurve.FinitePointsValue?
        if smoothing > 0 {
            spread = GroupAggregate(curves: traces.map { t in
                let f = FinitePoints(x: t.trace.x, values: Smoothing.tensorBoard(t.trace.values, weight: smoothing), positive: false)
                return (f.x, f.y)
            })
            let s = FinitePoints(x: spread.x, values: spread.mean, positive: logY)
            smoothed = RunCurve.FinitePointsValue(x: s.x, y: s.y)
        }
        let line = FinitePoints(x: raw.x, values: raw.mean, positive: logY)
        let band = RunCurve.BandValues(x: spread.x, lower: spread.lower, upper: spread.upper)
        return finish(RunCurve(label: label, color: color, runs: traces.map(\.run), x: line.x, y: line.y, smoothed: smoothed,
                               band: traces.count > 1 ? band : nil, nonFiniteX: traces.flatMap { nonFinite($0.trace) },
                               minimum: nil, last: nil))
    }

    func nonFinite(_ trace: MetricTrace) -> [Double] {
        zip(trace.x, trace.values).compactMap { $1.isFinite ? nil : $0 }
    }

    /// Adds the marks: the lowest value (first occurrence) and the last.
    func finish(_ c: RunCurve) -> RunCurve {
        var c = c
        if let i = c.y.indices.min(by: { c.y[$0] < c.y[$1] || (c.y[$0] == c.y[$1] && $0 < $1) }) {
            c.minimum = DataPoint(x: c.x[i], y: c.y[i])
        }
        if let x = c.x.last, let y = c.y.last { c.last = DataPoint(x: x, y: y) }
        return c
    }
}
