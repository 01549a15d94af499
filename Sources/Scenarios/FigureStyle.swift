import LossPlotCharts

/// The look the document's figures share, in one place: bold 14 pt titles, 12 pt axis labels,
/// a grid at alpha 0.3 and a legend, on a 10x6 or 12x6 inch canvas at 100 dpi.
enum FigureStyle {
    /// matplotlib's `plt.grid(True, alpha=0.3)`.
    static let gridAlpha = 0.3

    /// An axes styled as the document's single-plot figures:
    /// `title(fontsize=14, fontweight='bold')`, `xlabel/ylabel(fontsize=12)`, `legend(fontsize=legendSize)`,
    /// `grid(True, alpha=0.3)`.
    static func axes(title: String, xLabel: String, yLabel: String = "Loss",
                     titleSize: Double = 14, labelSize: Double = 12, legendSize: Double? = 11) -> Axes {
        var ax = Axes()
        ax.title = Label(title, fontSize: titleSize, bold: true)
        ax.xLabel = Label(xLabel, fontSize: labelSize)
        ax.yLabel = Label(yLabel, fontSize: labelSize)
        ax.gridAlpha = gridAlpha
        if let legendSize { ax.legend = Legend(fontSize: legendSize) }
        return ax
    }

    /// The document's y label, `ylabel('Loss')`, in both languages.
    static let loss = LocalizedText(en: "Loss", uk: "Втрата")

    /// The document's x label `xlabel('Error (y_true - y_pred)')`, in both languages.
    static let error = LocalizedText(en: "Error (y_true - y_pred)", uk: "Помилка (y_true - y_pred)")

    /// `axes(title:xLabel:yLabel:...)` with each text in `language`.
    static func axes(_ language: Language, title: LocalizedText, xLabel: LocalizedText, yLabel: LocalizedText = loss,
                     titleSize: Double = 14, labelSize: Double = 12, legendSize: Double? = 11) -> Axes {
        axes(title: title(language), xLabel: xLabel(language), yLabel: yLabel(language),
             titleSize: titleSize, labelSize: labelSize, legendSize: legendSize)
    }

    /// A boxed annotation with an arrow, as the document's
    /// `annotate(..., fontsize=10, bbox=dict(boxstyle='round', facecolor=FILL, alpha=0.7),
    /// arrowprops=dict(arrowstyle='->', color=ARROW, lw=2))`.
    static func note(_ text: String, at point: (Double, Double), text position: (Double, Double),
                     fill: Color, arrow: Color) -> Annotation {
        Annotation(text, point: point, textPosition: position, fontSize: 10,
                   box: TextBox(fill: fill, alpha: 0.7), arrow: Arrow(color: arrow, width: 2))
    }

    /// A single-axes figure of `width` x `height` inches.
    static func figure(_ width: Double, _ height: Double, _ axes: Axes, description: String) -> Figure {
        Figure(widthInches: width, heightInches: height, axes: [axes],
               title: axes.title?.text ?? "", description: description)
    }

    /// What a figure shows when its data could not be computed: the reason as its title, so a
    /// report still renders and the failure is visible rather than a crash.
    static func failure(_ message: String, width: Double = 10, height: Double = 6) -> Figure {
        var ax = Axes()
        ax.title = Label("Could not compute this figure: \(message)", fontSize: 12, bold: true)
        return Figure(widthInches: width, heightInches: height, axes: [ax],
                      title: "Could not compute this figure", description: message)
    }
}

extension FigureStyle {
    /// The colours of the charts lossplot adds to the guide's: Okabe and Ito's colour-blind-safe
    /// set, the two that fall below 3:1 on white (orange, sky blue) replaced by a dark yellow and
    /// grey; each at least 3.4:1 on white (`ColorScheme` keeps them 3:1 on the dark page too).
    /// Lines that share a chart also differ in dash, so no line is told by colour alone.
    static let palette: [(color: Color, dash: LineDash)] = [
        (Color(hex: 0x0072B2), .solid),   // blue, 5.2:1
        (Color(hex: 0xD55E00), .dashed),  // vermillion, 3.9:1
        (Color(hex: 0x009E73), .dashDot), // bluish green, 3.4:1
        (Color(hex: 0xAA3377), .dotted),  // purple, 6.1:1
        (Color(hex: 0x8C6D00), .solid),   // dark yellow, 4.9:1
        (Color(hex: 0x5E5E5E), .dashed),  // grey, 6.5:1
    ]

    /// The n-th colour and dash of `palette`.
    static func paletteEntry(_ n: Int) -> (color: Color, dash: LineDash) { palette[((n % palette.count) + palette.count) % palette.count] }

    /// Labels each labelled line at one end (its first or last point inside the y limits), in
    /// the line's colour, and drops the legend: for a chart whose lines run close together, where
    /// a legend makes the reader match colours.
    static func labelLineEnds(_ ax: inout Axes, atLeft: Bool = false, fontSize: Double = 10) {
        for series in ax.series {
            guard case .line(let line) = series, let label = line.label else { continue }
            let visible = zip(line.x, line.y).filter { ax.yLimits?.contains($0.1) ?? true }
            guard let end = atLeft ? visible.min(by: { $0.0 < $1.0 }) : visible.max(by: { $0.0 < $1.0 }) else { continue }
            ax.pointLabels.append(PointLabel(label, x: end.0, y: end.1, color: line.color ?? .black, fontSize: fontSize))
        }
        ax.legend = nil
    }
}

extension Color {
    /// A matplotlib colour name the document uses; black if the name were unknown.
    static func mpl(_ name: String) -> Color { Color(matplotlib: name) ?? .black }
    /// CSS "lavender", a box fill for the additions' notes.
    static let lavender = Color(hex: 0xE6E6FA)
}
