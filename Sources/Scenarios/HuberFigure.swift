import LossPlotCharts
import LossFunctions

/// Code block 5: Huber loss (δ = 1.5) between MSE and MAE, with the ±δ switch points.
enum HuberFigure {
    static let delta = 1.5

    static let scenario = Scenario(
        id: "huber",
        title: LocalizedText(en: "Huber loss: best of both worlds", uk: "Huber Loss: найкраще з обох світів"),
        section: .regression,
        codeBlocks: [5],
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let errors = linspace(-5, 5, 1000)
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Huber Loss: Best of Both Worlds", uk: "Huber Loss: найкраще з обох світів"),
                                  xLabel: LocalizedText(en: "Error", uk: "Помилка"))
        ax.plot(LineSeries(x: errors, y: lossCurve(MeanSquaredError(), errors: errors), label: "MSE", width: 2, alpha: 0.7))
        ax.plot(LineSeries(x: errors, y: lossCurve(MeanAbsoluteError(), errors: errors), label: "MAE", width: 2, alpha: 0.7))
        ax.plot(LineSeries(x: errors, y: lossCurve(HuberLoss(delta: delta), errors: errors),
                           label: "Huber (δ=\(Python.float(delta)))", color: .mpl("green"), width: 3))
        ax.referenceLines.append(.vertical(delta, color: .mpl("red"), dash: .dashed, alpha: 0.5, label: "±δ"))
        ax.referenceLines.append(.vertical(-delta, color: .mpl("red"), dash: .dashed, alpha: 0.5))
        ax.yLimits = 0...10
        let description = LocalizedText(
            en: "MSE, MAE and Huber loss with δ = 1.5 for errors from −5 to 5: Huber follows the parabola 0.5·e² inside ±δ (red dashed lines) and grows linearly outside.",
            uk: "MSE, MAE і Huber loss з δ = 1.5 для помилок від −5 до 5: усередині ±δ (червоні пунктири) Huber іде параболою 0.5·e², а поза ними росте лінійно.")
        return FigureStyle.figure(12, 6, ax, description: description(language))
    }
}
