/// How a figure is redrawn for a phone: the grid stacked into one column on a canvas about as wide
/// as a phone's page, every text at least `minimumFontSize` points and titles at most
/// `maximumTitleSize`, lines and markers thinned to the smaller canvas. Data, colours and the
/// order of the axes are kept; only the layout and the sizes change.
public struct NarrowLayout: Sendable, Equatable {
    /// Canvas width in inches (360 px at the figures' 100 dpi, shown about 1:1 on a 375 px screen).
    public var widthInches = 3.6
    /// Height of each stacked axes, in inches.
    public var axesHeightInches = 3.0
    /// The smallest text drawn, in points: 9 pt is 12.5 px at 100 dpi, 11.5 CSS px when the chart
    /// is shown 333 px wide (a 375 px screen less the page's margins).
    public var minimumFontSize = 9.0
    /// Titles are shrunk to this, so a guide's 14 pt title fits the narrow width.
    public var maximumTitleSize = 11.0
    /// Axis labels are shrunk to this.
    public var maximumLabelSize = 10.0
    /// Line widths and marker sizes are multiplied by this.
    public var strokeScale = 0.75

    public init() {}

    /// `figure` laid out narrow.
    public func apply(to figure: Figure) -> Figure {
        var out = figure
        let count = figure.axes.count
        out.columns = 1
        out.rows = count
        out.widthInches = widthInches
        // A grid of more than two axes stacks lower ones, so the chart stays a few screens tall.
        var height = (count > 2 ? axesHeightInches * 0.8 : axesHeightInches) * Double(count)
        if figure.suptitle != nil { height += 0.35 }
        if let legend = figure.legend { height += 0.25 * Double(min(legend.entries.count, 6)) }
        out.heightInches = height
        out.suptitle = figure.suptitle.map { var t = title($0); t.text = Self.wrap(t.text, width: titleWidth); return t }
        if var legend = figure.legend {
            legend.fontSize = font(legend.fontSize)
            legend.maximumRows = max(legend.maximumRows, legend.entries.count)
            out.legend = legend
        }
        out.axes = figure.axes.map(apply)
        // Each wrapped title line and note line takes a little height of its own (9 to 11 pt
        // text at a line spacing of 1.2: about 0.17 inch).
        out.heightInches += 0.17 * Double(out.axes.map(Self.extraLines).reduce(0, +))
        return out
    }

    func apply(to axes: Axes) -> Axes {
        var ax = axes
        ax.title = axes.title.map { title($0) }
        ax.xLabel = axes.xLabel.map { label($0) }
        ax.yLabel = axes.yLabel.map { label($0) }
        ax.tickFontSize = font(axes.tickFontSize)
        if var legend = axes.legend {
            legend.fontSize = font(min(legend.fontSize, minimumFontSize))
            ax.legend = legend
        }
        // A note's text would cover half a narrow plot: the plot keeps its box and arrow with a
        // number in it, and the text goes under the axis label, after the same number.
        var notes: [String] = []
        ax.annotations = axes.annotations.map { a in
            var a = a
            a.fontSize = font(min(a.fontSize, minimumFontSize))
            if a.box != nil || a.arrow != nil {
                notes.append(Self.wrap("\(notes.count + 1): " + a.text, width: noteLineWidth))
                a.text = "\(notes.count)"
            } else {
                a.text = Self.wrap(a.text, width: noteWidth)
            }
            a.keepInside = true
            a.arrow = a.arrow.map { arrow in var arrow = arrow; arrow.width *= strokeScale; return arrow }
            return a
        }
        if !notes.isEmpty {
            var label = ax.xLabel ?? Label("", fontSize: maximumLabelSize)
            label.text = ([label.text] + notes).filter { !$0.isEmpty }.joined(separator: "\n")
            label.fontSize = minimumFontSize
            ax.xLabel = label
        }
        ax.title = ax.title.map { t in var t = t; t.text = Self.wrap(t.text, width: titleWidth); return t }
        ax.pointLabels = axes.pointLabels.map { p in var p = p; p.fontSize = font(min(p.fontSize, minimumFontSize)); return p }
        ax.series = axes.series.map { series in
            switch series {
            case .line(var line):
                line.width *= strokeScale
                return .line(line)
            case .scatter(var scatter):
                scatter.size *= strokeScale * strokeScale
                scatter.lineWidth *= strokeScale
                return .scatter(scatter)
            }
        }
        ax.referenceLines = axes.referenceLines.map { r in var r = r; r.width *= strokeScale; return r }
        return ax
    }

    /// Characters a note's line may hold before it is wrapped (about half the narrow frame at 9 pt).
    public var noteWidth = 24
    /// Characters a line of the notes under the axis may hold (the canvas width at 9 pt).
    public var noteLineWidth = 42
    /// Characters a title's line may hold (the canvas width at 11 pt bold).
    public var titleWidth = 34

    /// The lines of text under an axes (its label and notes) beyond one.
    static func extraLines(_ axes: Axes) -> Int {
        max(0, (axes.xLabel?.text.split(separator: "\n", omittingEmptySubsequences: false).count ?? 1) - 1)
            + max(0, (axes.title?.text.split(separator: "\n", omittingEmptySubsequences: false).count ?? 1) - 1)
    }

    func font(_ size: Double) -> Double { max(size, minimumFontSize) }

    /// `text` re-wrapped at spaces to lines of at most `width` characters (a longer word stays
    /// whole); its own line breaks become spaces.
    public static func wrap(_ text: String, width: Int) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty { line = String(word) }
            else if line.count + 1 + word.count <= width { line += " " + word }
            else { lines.append(line); line = String(word) }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    func title(_ l: Label) -> Label {
        var l = l
        l.fontSize = max(minimumFontSize, min(l.fontSize, maximumTitleSize))
        return l
    }

    func label(_ l: Label) -> Label {
        var l = l
        l.fontSize = max(minimumFontSize, min(l.fontSize, maximumLabelSize))
        return l
    }
}

extension Figure {
    /// The figure laid out for a phone (`NarrowLayout`).
    public func narrowed(_ layout: NarrowLayout = NarrowLayout()) -> Figure { layout.apply(to: self) }

    /// The figure drawn for a dark page.
    public func darkened() -> Figure {
        var f = self
        f.colorScheme = .dark
        return f
    }
}
