import LossPlotCharts
import LossFunctions

/// Code block 6: Huber loss for δ = 0.5, 1, 2 and 5 in a 2x2 grid.
enum HuberDeltasFigure {
    static let deltas = [0.5, 1.0, 2.0, 5.0]

    static let scenario = Scenario(
        id: "huber-deltas",
        title: LocalizedText(en: "Choosing δ for Huber loss", uk: "Вибір δ для Huber Loss"),
        section: .regression,
        codeBlocks: [6],
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let errors = linspace(-5, 5, 1000)
        let axes = deltas.map { delta -> Axes in
            // The grid's axes keep matplotlib's default 10 pt labels and have no legend.
            var ax = FigureStyle.axes(language, title: LocalizedText("δ = \(Python.float(delta))"),
                                      xLabel: LocalizedText(en: "Error", uk: "Помилка"),
                                      titleSize: 12, labelSize: 10, legendSize: nil)
            ax.plot(LineSeries(x: errors, y: lossCurve(HuberLoss(delta: delta), errors: errors), color: .mpl("green"), width: 2))
            ax.referenceLines.append(.vertical(delta, color: .mpl("red"), dash: .dashed, alpha: 0.5))
            ax.referenceLines.append(.vertical(-delta, color: .mpl("red"), dash: .dashed, alpha: 0.5))
            ax.yLimits = 0...10
            return ax
        }
        let description = LocalizedText(
            en: "Huber loss for δ = 0.5, 1, 2 and 5: the larger δ, the wider the quadratic middle between the red dashed lines and the closer the loss is to MSE.",
            uk: "Huber loss для δ = 0.5, 1, 2 і 5: що більше δ, то ширша квадратична середина між червоними пунктирами і то ближча втрата до MSE.")
        let title = LocalizedText(en: "Huber Loss with Different δ", uk: "Huber Loss з різними δ")
        return Figure(widthInches: 14, heightInches: 10, rows: 2, columns: 2, axes: axes,
                      suptitle: Label(title(language), fontSize: 14, bold: true),
                      title: title(language), description: description(language))
    }
}
