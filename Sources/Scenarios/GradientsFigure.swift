import LossPlotCharts
import LossFunctions

/// Beyond the document, which says MSE "can give large gradients" and MAE's "gradient is
/// constant": the derivative of each regression loss with respect to the prediction, against
/// the prediction error.
enum GradientsFigure {
    /// The losses drawn, with their legend names and colours.
    static let losses: [(name: String, loss: any ElementwiseLoss, color: String, width: Double)] = [
        ("MSE", MeanSquaredError(), "tab:blue", 2),
        ("MAE", MeanAbsoluteError(), "tab:orange", 2),
        ("Huber (δ=1.0)", HuberLoss(delta: 1), "green", 3),
        ("Log-Cosh", LogCoshLoss(), "purple", 2),
        ("Quantile (q=0.9)", QuantileLoss(quantile: 0.9), "tab:gray", 2),
    ]

    static let scenario = Scenario(
        id: "gradients",
        title: LocalizedText(en: "Gradients of the regression losses", uk: "Градієнти функцій втрат регресії"),
        section: .regression,
        origin: .addition,
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        // Residual r = y_pred - y_true, so every gradient rises with r.
        let residuals = linspace(-5, 5, 1001)
        var ax = FigureStyle.axes(title: "Gradients of Regression Losses", xLabel: "Prediction error (y_pred - y_true)",
                                  yLabel: "dLoss / dy_pred")
        for entry in losses {
            ax.plot(LineSeries(x: residuals, y: residuals.map { entry.loss.termDerivative(0, $0) },
                               label: entry.name, color: .mpl(entry.color), width: entry.width))
        }
        ax.referenceLines.append(.vertical(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        ax.referenceLines.append(.horizontal(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        ax.yLimits = -3...3
        let growing = LocalizedText(en: "MSE: the gradient grows with the error,\nso an outlier pulls hardest",
                                    uk: "MSE: градієнт росте з помилкою,\nтож outlier тягне найсильніше")
        let bounded = LocalizedText(en: "MAE, Huber, Log-Cosh: bounded gradient,\nan outlier pulls no harder than ±1",
                                    uk: "MAE, Huber, Log-Cosh: градієнт обмежений,\noutlier тягне не сильніше за ±1")
        let r = 1.25
        ax.annotate(FigureStyle.note(growing(language), at: (r, MeanSquaredError().termDerivative(0, r)), text: (-4.8, 2.2),
                                     fill: .mpl("lightblue"), arrow: .mpl("blue")))
        ax.annotate(FigureStyle.note(bounded(language), at: (3.5, 1), text: (1.2, -2.4), fill: .mpl("lightgreen"), arrow: .mpl("green")))
        let description = LocalizedText(
            en: "The derivative of each loss with respect to the prediction against the prediction error: MSE's grows without bound (2·r), MAE's is ±1, Huber's and log-cosh's are linear near zero and level off at ±1, and the 0.9 quantile's is −0.9 or 0.1.",
            uk: "Похідна кожної функції втрат за передбаченням залежно від помилки передбачення: у MSE вона росте необмежено (2·r), у MAE дорівнює ±1, у Huber і log-cosh лінійна біля нуля й вирівнюється на ±1, а в квантиля 0.9 дорівнює −0.9 або 0.1.")
        return FigureStyle.figure(12, 6, ax, description: description(language))
    }
}
