import LossPlotCharts
import LossFunctions

/// Code block 1, the document's first figure: MSE and MAE against the error, with the note that
/// MSE punishes large errors quadratically.
enum MSEvsMAEFigure {
    static let scenario = Scenario(
        id: "mse-vs-mae",
        title: LocalizedText(en: "MSE vs MAE", uk: "MSE проти MAE"),
        section: .regression,
        codeBlocks: [1],
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let errors = linspace(-5, 5, 100)
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "MSE vs MAE Loss Functions", uk: "Функції втрат MSE і MAE"),
                                  xLabel: FigureStyle.error)
        ax.plot(LineSeries(x: errors, y: lossCurve(MeanSquaredError(), errors: errors), label: "MSE (L2)", color: .mpl("blue"), width: 2))
        ax.plot(LineSeries(x: errors, y: lossCurve(MeanAbsoluteError(), errors: errors), label: "MAE (L1)", color: .mpl("red"), width: 2))
        ax.referenceLines.append(.vertical(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        ax.referenceLines.append(.horizontal(0, color: .mpl("k"), dash: .dashed, alpha: 0.3))
        let note = LocalizedText(en: "MSE punishes large errors\nmore (quadratically)",
                                 uk: "MSE карає великі помилки\nсильніше (квадратично)")
        ax.annotate(FigureStyle.note(note(language), at: (3, 9), text: (1, 15), fill: .mpl("lightblue"), arrow: .mpl("blue")))
        let description = LocalizedText(
            en: "MSE (blue) and MAE (red) for errors from −5 to 5: the squared loss reaches 25 at the ends while the absolute loss reaches 5.",
            uk: "MSE (синя) і MAE (червона) для помилок від −5 до 5: квадратична втрата сягає 25 на краях, а абсолютна — 5.")
        return FigureStyle.figure(10, 6, ax, description: description(language))
    }
}
