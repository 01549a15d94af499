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

extension Color {
    /// A matplotlib colour name the document uses; black if the name were unknown.
    static func mpl(_ name: String) -> Color { Color(matplotlib: name) ?? .black }
    /// CSS "lavender", a box fill for the additions' notes.
    static let lavender = Color(hex: 0xE6E6FA)
}
