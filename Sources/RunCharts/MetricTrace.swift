import RunLogs

/// One run's metric as drawn against the chosen x: every point that has that x, in the order
/// written, with x continued past restarts; non-finite values kept (they are marked, not drawn).
struct MetricTrace {
    var x: [Double] = []
    var values: [Double] = []
    /// The logged step of each point (for warnings).
    var steps: [Int64] = []
    /// Points without the chosen x (no epoch, no wall time) and points at x <= 0 on a log axis.
    var missingX = 0
    var nonPositiveX = 0
    /// Parts moved to continue after an earlier part whose x went back.
    var restarts = 0

    /// Reads `metric` against `axis`; wall time counts from `start`.
    init(_ metric: Metric, axis: RunXAxis, start: Double?, logX: Bool) {
        x.reserveCapacity(metric.points.count)
        values.reserveCapacity(metric.points.count)
        steps.reserveCapacity(metric.points.count)
        for p in metric.points {
            let px: Double?
            switch axis {
            case .step: px = Double(p.step)
            case .epoch: px = metric.axis == .epoch ? Double(p.step) : p.epoch
            case .wall: px = p.wallTime.flatMap { w in start.map { w - $0 } }
            }
            guard let px, px.isFinite else { missingX += 1; continue }
            x.append(px)
            values.append(p.value)
            steps.append(p.step)
        }
        (x, restarts) = StepContinuation.continued(x)
        if logX {
            let keep = x.indices.filter { x[$0] > 0 }
            nonPositiveX = x.count - keep.count
            if nonPositiveX > 0 {
                x = keep.map { x[$0] }
                values = keep.map { values[$0] }
                steps = keep.map { steps[$0] }
            }
        }
    }

    /// The first logged wall time of any metric of `run`: where its wall-time x starts.
    static func start(of run: Run) -> Double? {
        var start: Double?
        for m in run.metrics {
            for p in m.points {
                if let w = p.wallTime, w.isFinite, start.map({ w < $0 }) ?? true { start = w }
            }
        }
        return start
    }
}

/// A curve's finite points: x and y of the same length.
struct FinitePoints {
    var x: [Double] = []
    var y: [Double] = []

    /// The points of `values` that are finite and (on a log y axis) positive.
    init(x xs: [Double], values: [Double], positive: Bool) {
        x.reserveCapacity(xs.count)
        y.reserveCapacity(xs.count)
        for (a, b) in zip(xs, values) where b.isFinite && (!positive || b > 0) {
            x.append(a)
            y.append(b)
        }
    }

    init(x: [Double], y: [Double]) { self.x = x; self.y = y }
}
