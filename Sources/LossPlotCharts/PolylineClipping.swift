/// Splits a polyline into the runs that lie inside `rect`, cutting segments at its edges and
/// breaking at non-finite points. Keeps paths small and far-away coordinates out of renderers.
func clipPolyline(_ points: [Point], to rect: Rect) -> [[Point]] {
    var runs: [[Point]] = []
    var current: [Point] = []
    func flush() {
        if current.count > 1 { runs.append(current) }
        current = []
    }
    guard points.count > 1 else { return [] }
    for i in 1..<points.count {
        let a = points[i - 1], b = points[i]
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { flush(); continue }
        guard let (p, q) = clipSegment(a, b, to: rect) else { flush(); continue }
        if let last = current.last, last == p {
            current.append(q)
        } else {
            flush()
            current = [p, q]
        }
        if q != b { flush() }
    }
    flush()
    return runs
}

/// The part of segment a-b inside `rect` (Liang-Barsky), nil when none is.
func clipSegment(_ a: Point, _ b: Point, to r: Rect) -> (Point, Point)? {
    var t0 = 0.0, t1 = 1.0
    let dx = b.x - a.x, dy = b.y - a.y
    for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
        if p == 0 {
            if q < 0 { return nil }
        } else {
            let t = q / p
            if p < 0 { if t > t1 { return nil }; t0 = max(t0, t) } else { if t < t0 { return nil }; t1 = min(t1, t) }
        }
    }
    let p = t0 == 0 ? a : Point(a.x + t0 * dx, a.y + t0 * dy)
    let q = t1 == 1 ? b : Point(a.x + t1 * dx, a.y + t1 * dy)
    return (p, q)
}
