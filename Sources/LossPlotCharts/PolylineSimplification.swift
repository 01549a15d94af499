/// Drops the vertices of a long polyline that no one could see, as matplotlib's `path.simplify`
/// does for lines of 128 vertices or more: every dropped vertex lies within `tolerance` of the
/// simplified line. One pass, O(n).
///
/// A run starts at the last kept vertex and takes its direction from the first vertex farther
/// than `tolerance / 2` from it. The run goes on while each vertex stays within `tolerance / 2` of
/// that direction's line and gets farther along it; the run's last vertex is kept when one does
/// not. Dropped vertices are within `tolerance / 2` of the direction line and no farther along it
/// than the run's end, which is itself within `tolerance / 2` of the line: so within `tolerance`
/// of the kept segment.
///
/// matplotlib's threshold is 1/9 pixel (`path.simplify_threshold`); `AxesDrawing` passes that
/// in figure points at the figure's dpi.
public enum PolylineSimplification {
    /// matplotlib's `Path.should_simplify`: shorter paths are drawn as they are.
    public static let minimumVertices = 128

    /// The vertices of `points` to draw; the first and last are always kept.
    public static func simplify(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count >= minimumVertices, tolerance > 0, let first = points.first, let last = points.last else {
            return points
        }
        let half = tolerance / 2
        var kept = [first]
        kept.reserveCapacity(points.count / 4)
        var anchor = first
        // The run's unit direction, nil until a vertex leaves the anchor's neighbourhood.
        var direction: (x: Double, y: Double)?
        var runEnd = first
        var reach = 0.0  // progress of the run's end along the direction
        for p in points.dropFirst() {
            let dx = p.x - anchor.x, dy = p.y - anchor.y
            guard let d = direction else {
                let length = (dx * dx + dy * dy).squareRoot()
                if length > half {
                    direction = (dx / length, dy / length)
                    reach = length
                }
                runEnd = p
                continue
            }
            let along = dx * d.x + dy * d.y
            let across = abs(dx * d.y - dy * d.x)
            if across <= half && along >= reach {
                reach = along
                runEnd = p
                continue
            }
            // p leaves the run: keep its end and start the next run there, heading for p.
            kept.append(runEnd)
            anchor = runEnd
            let ex = p.x - anchor.x, ey = p.y - anchor.y
            let length = (ex * ex + ey * ey).squareRoot()
            direction = length > half ? (ex / length, ey / length) : nil
            reach = length
            runEnd = p
        }
        if kept.last != last { kept.append(last) }
        return kept
    }
}
