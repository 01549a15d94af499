import Foundation
import LossPlotCharts

/// The points a chart plots, as tables a screen reader can read: for each axes, the labelled
/// series that share an x array side by side (one column each), at most `maximumRows` rows at
/// evenly spaced indices, the first and last point included. Series of their own x (a scatter of
/// other points) get a table of their own. Numbers keep four significant digits.
struct ChartDataTable: Equatable {
    var title: String
    var columns: [String]
    var rows: [[String]]

    static let maximumRows = 11
    /// An explorer's frame draws a formula at one value: fewer points say it.
    static let frameRows = 7

    static func tables(of figure: Figure, maximumRows: Int = maximumRows) -> [ChartDataTable] {
        var out: [ChartDataTable] = []
        for (i, axes) in figure.axes.enumerated() {
            let title = axes.title?.text ?? (figure.axes.count == 1 ? figure.title : "\(figure.title) (\(i + 1))")
            let xName = axes.xLabel?.text ?? "x"
            var groups: [(x: [Double], names: [String], ys: [[Double]])] = []
            for series in axes.series {
                guard let name = series.label, !series.x.isEmpty, series.x.count == series.y.count else { continue }
                if let g = groups.firstIndex(where: { $0.x == series.x }) {
                    groups[g].names.append(name)
                    groups[g].ys.append(series.y)
                } else {
                    groups.append((series.x, [name], [series.y]))
                }
            }
            for group in groups {
                let rows = sampleIndices(group.x.count, maximumRows: maximumRows).map { j in
                    [number(group.x[j])] + group.ys.map { number($0[j]) }
                }
                let name = groups.count == 1 ? title : "\(title): \(group.names.joined(separator: ", "))"
                out.append(ChartDataTable(title: name, columns: [xName] + group.names, rows: rows))
            }
        }
        return out
    }

    /// At most `maximumRows` indices of `0..<count`, evenly spread, both ends included.
    static func sampleIndices(_ count: Int, maximumRows: Int = maximumRows) -> [Int] {
        guard count > maximumRows else { return Array(0..<count) }
        let step = Double(count - 1) / Double(maximumRows - 1)
        var seen = Set<Int>()
        return (0..<maximumRows).map { Int((Double($0) * step).rounded()) }.filter { seen.insert($0).inserted }
    }

    /// Four significant digits, no exponent for everyday sizes, "−" for minus.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "−∞") }
        if x == 0 { return "0" }
        var s = String(format: "%.4g", x)
        if s.contains("e") {
            s = String(format: abs(x) < 1 ? "%.3e" : "%.4g", x)
        }
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }
}
