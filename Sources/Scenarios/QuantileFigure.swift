import LossPlotCharts
import LossFunctions

/// Beyond the document, which lists Quantile Loss without a formula or plot: the pinball loss
/// for q = 0.1, 0.5 and 0.9 against the error e = y_true - y_pred.
enum QuantileFigure {
    static let quantiles = [0.1, 0.5, 0.9]

    static let scenario = Scenario(
        id: "quantile",
        title: LocalizedText(en: "Quantile (pinball) loss", uk: "Quantile (pinball) loss"),
        section: .regression,
        origin: .addition,
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let errors = linspace(-5, 5, 1000)
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Quantile (Pinball) Loss", uk: "Квантильна втрата (pinball loss)"),
                                  xLabel: FigureStyle.error)
        for (i, q) in quantiles.enumerated() {
            ax.plot(LineSeries(x: errors, y: lossCurve(QuantileLoss(quantile: q), errors: errors),
                               label: "q = \(Python.float(q))", color: FigureStyle.paletteEntry(i).color, width: 2,
                               dash: FigureStyle.paletteEntry(i).dash))
        }
        ax.referenceLines.append(.vertical(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        ax.yLimits = 0...6
        ax.legend = Legend(location: .upperLeft, fontSize: 11)
        let high = quantiles[quantiles.count - 1]
        let at = 4.0, value = QuantileLoss(quantile: high).term(at, 0)
        let note = LocalizedText(
            en: "q = \(Python.float(high)): predicting too low (e > 0)\ncosts \(Python.literal((high / (1 - high)).rounded()))× more than too high",
            uk: "q = \(Python.float(high)): занижений прогноз (e > 0)\nкоштує в \(Python.literal((high / (1 - high)).rounded())) разів більше, ніж завищений")
        ax.annotate(FigureStyle.note(note(language), at: (at, value), text: (0.6, 5.1), fill: .mpl("lightblue"), arrow: FigureStyle.paletteEntry(quantiles.count - 1).color))
        let description = LocalizedText(
            en: "Pinball loss q·e for e ≥ 0 and (q − 1)·e below, for q = 0.1, 0.5 and 0.9: asymmetric slopes make the minimiser the q-th quantile; q = 0.5 is half the absolute error.",
            uk: "Pinball loss q·e для e ≥ 0 і (q − 1)·e нижче, для q = 0.1, 0.5 і 0.9: різні нахили роблять мінімумом q-й квантиль; q = 0.5 — половина абсолютної помилки.")
        return FigureStyle.figure(10, 6, ax, description: description(language))
    }
}
