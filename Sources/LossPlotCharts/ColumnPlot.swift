/// Why a column plot has nothing to draw.
public struct ColumnPlotError: Error, CustomStringConvertible, Equatable {
    public let description: String
}

/// Named data columns drawn against one x column: a user's training log as `lossplot plot`
/// draws it. Missing cells (nil: "not logged at this row") are skipped per series, so train and
/// validation rows that alternate (Lightning's metrics.csv) give two unbroken curves.
public struct ColumnPlot: Sendable {
    /// How each y column is drawn.
    public enum Kind: String, Sendable, CaseIterable { case line, scatter }

    /// A named column of optional values.
    public struct Column: Sendable {
        public var name: String
        public var values: [Double?]
        public init(name: String, values: [Double?]) { self.name = name; self.values = values }
    }

    public var x: Column
    public var ys: [Column]
    public var kind: Kind = .line
    public var title: String?
    /// Axis labels; the x column's name and the y columns' names when nil.
    public var xLabel: String?
    public var yLabel: String?
    public var logY = false
    /// Scatter marker area in points² (matplotlib's `s`; its default 36 is a 6 pt dot).
    public var markerSize = 36.0
    /// Size in pixels at `dpi` (matplotlib's default 640x480 at 100 dpi).
    public var widthPixels = 640.0
    public var heightPixels = 480.0
    public var dpi = 100.0
    /// Where the data came from, for the chart's description.
    public var source = ""

    public init(x: Column, ys: [Column]) { self.x = x; self.ys = ys }

    /// The rows where both `x` and `y` have a value (and, on a log axis, y is positive).
    public static func pairs(x: [Double?], y: [Double?], positiveY: Bool = false) -> (x: [Double], y: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        let n = min(x.count, y.count)
        xs.reserveCapacity(n); ys.reserveCapacity(n)
        for i in 0..<n {
            guard let a = x[i], let b = y[i], !positiveY || b > 0 else { continue }
            xs.append(a); ys.append(b)
        }
        return (xs, ys)
    }

    /// The figure: one series per y column in the default colour cycle, a legend entry each,
    /// a light grid. Throws when no y column has a single row to show.
    public func figure() throws -> Figure {
        guard !ys.isEmpty else { throw ColumnPlotError(description: "no y columns given") }
        var ax = Axes()
        var shown = 0
        for column in ys {
            let (px, py) = ColumnPlot.pairs(x: x.values, y: column.values, positiveY: logY)
            shown += px.count
            switch kind {
            case .line: ax.plot(LineSeries(x: px, y: py, label: column.name))
            case .scatter: ax.scatter(ScatterSeries(x: px, y: py, label: column.name, size: markerSize))
            }
        }
        guard shown > 0 else {
            let names = ys.map(\.name).joined(separator: ", ")
            let why = logY ? "with x and a positive y" : "with both x and y"
            throw ColumnPlotError(description: "nothing to plot: no row has a value \(why) (x \(x.name), y \(names))")
        }
        if let title, !title.isEmpty { ax.title = Label(title, fontSize: 12, bold: true) }
        ax.xLabel = Label(xLabel ?? x.name)
        ax.yLabel = Label(yLabel ?? ys.map(\.name).joined(separator: ", "))
        ax.yScale = logY ? .log : .linear
        ax.gridAlpha = 0.3
        ax.legend = Legend(location: .best)
        let what = "\(ys.map(\.name).joined(separator: ", ")) against \(x.name)"
        let from = source.isEmpty ? "" : " from \(source)"
        return Figure(widthInches: widthPixels / dpi, heightInches: heightPixels / dpi, dpi: dpi, axes: [ax],
                      title: title ?? what, description: "\(kind == .line ? "Lines" : "Points") of \(what)\(from)\(logY ? ", log-scale y" : "").")
    }
}
