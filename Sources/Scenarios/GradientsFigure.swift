import LossPlotCharts
import LossFunctions

/// Beyond the document, which says MSE "can give large gradients" and MAE's "gradient is
/// constant": the derivative of each regression loss with respect to the prediction, against
/// the prediction error.
enum GradientsFigure {
    /// The losses drawn, with their legend names and colours.
    static let losses: [(name: LocalizedText, loss: any ElementwiseLoss, style: Int, width: Double)] = [
        (LocalizedText("MSE"), MeanSquaredError(), 0, 2),
        (LocalizedText("MAE"), MeanAbsoluteError(), 1, 2),
        (LocalizedText("Huber (δ=1.0)"), HuberLoss(delta: 1), 2, 3),
        (LocalizedText("Log-Cosh"), LogCoshLoss(), 3, 2),
        (LocalizedText(en: "Quantile (q=0.9)", uk: "Квантильна (q=0.9)"), QuantileLoss(quantile: 0.9), 5, 2),
    ]

    static let scenario = Scenario(
        id: "gradients",
        title: LocalizedText(en: "Gradients of the regression losses", uk: "Градієнти функцій втрат регресії"),
        section: .regression,
        origin: .addition,
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        // The residual r = y_true - y_pred, as on every other chart and in the report's notation;
        // the gradient is with respect to the prediction, so every gradient falls as r grows
        // (MSE's is -2r). Drawn at y_pred = 0, y_true = r.
        let residuals = linspace(-5, 5, 1001)
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Gradients of Regression Losses", uk: "Градієнти функцій втрат регресії"),
                                  xLabel: LocalizedText(en: "Residual r = y_true - y_pred", uk: "Залишок r = y_true - y_pred"),
                                  yLabel: LocalizedText(en: "dLoss / dy_pred", uk: "Похідна втрати за y_pred"))
        for entry in losses {
            ax.plot(LineSeries(x: residuals, y: residuals.map { entry.loss.termDerivative($0, 0) },
                               label: entry.name(language), color: FigureStyle.paletteEntry(entry.style).color, width: entry.width,
                               dash: FigureStyle.paletteEntry(entry.style).dash))
        }
        ax.referenceLines.append(.vertical(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        ax.referenceLines.append(.horizontal(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        ax.yLimits = -3...3
        let growing = LocalizedText(en: "MSE: the gradient's size grows with the error,\nso an outlier pulls hardest",
                                    uk: "MSE: величина градієнта росте з помилкою,\nтож викид тягне найсильніше")
        let bounded = LocalizedText(en: "MAE, Huber, Log-Cosh: bounded gradient,\nan outlier pulls no harder than ±1",
                                    uk: "MAE, Huber, Log-Cosh: градієнт обмежений,\nвикид тягне не сильніше за ±1")
        // The notes sit where no curve runs: MSE's line crosses the plot from top left to bottom
        // right, the bounded gradients are +1 left of zero and -1 right of it.
        let r = -1.35
        ax.annotate(FigureStyle.note(growing(language), at: (r, MeanSquaredError().termDerivative(r, 0)), text: (-4.8, 1.5),
                                     fill: .mpl("lightblue"), arrow: FigureStyle.palette[0].color))
        ax.annotate(FigureStyle.note(bounded(language), at: (3.5, -1), text: (1.9, -2.6), fill: .mpl("lightgreen"), arrow: FigureStyle.palette[2].color))
        let description = LocalizedText(
            en: "The derivative of each loss with respect to the prediction against the residual r = y_true − y_pred: MSE's is −2r, unbounded; MAE's is −1 for r > 0 and +1 for r < 0; Huber's and log-cosh's are linear near zero and level off at ∓1; the 0.9 quantile's is −0.9 for r > 0 and 0.1 for r < 0.",
            uk: "Похідна кожної функції втрат за передбаченням залежно від залишку r = y_true − y_pred: у MSE це −2r, без обмежень; у MAE −1 для r > 0 і +1 для r < 0; у Huber і log-cosh вона лінійна біля нуля й вирівнюється на ∓1; у квантиля 0.9 це −0.9 для r > 0 і 0.1 для r < 0.")
        return FigureStyle.figure(12, 6, ax, description: description(language))
    }
}
