import Charts
import LossFunctions

/// The document's first figure: MSE and MAE against the error, with the note that MSE
/// punishes large errors quadratically.
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
        // e = y_true - y_pred: the loss of predicting 0 when the target is e.
        let mse = errors.map { MeanSquaredError().term($0, 0) }
        let mae = errors.map { MeanAbsoluteError().term($0, 0) }
        var ax = Axes()
        ax.plot(LineSeries(x: errors, y: mse, label: "MSE (L2)", color: .named["blue"], width: 2))
        ax.plot(LineSeries(x: errors, y: mae, label: "MAE (L1)", color: .named["red"], width: 2))
        ax.xLabel = Label("Error (y_true - y_pred)", fontSize: 12)
        ax.yLabel = Label("Loss", fontSize: 12)
        ax.title = Label("MSE vs MAE Loss Functions", fontSize: 14, bold: true)
        ax.legend = Legend(fontSize: 11)
        ax.gridAlpha = 0.3
        ax.referenceLines.append(.vertical(0, color: .black, dash: .dashed, alpha: 0.3))
        ax.referenceLines.append(.horizontal(0, color: .black, dash: .dashed, alpha: 0.3))
        let note = LocalizedText(en: "MSE punishes large errors\nmore (quadratically)",
                                 uk: "MSE карає великі помилки\nсильніше (квадратично)")
        ax.annotate(Annotation(note(language), point: (3, 9), textPosition: (1, 15), fontSize: 10,
                               box: TextBox(fill: Color.named["lightblue"] ?? .white, alpha: 0.7),
                               arrow: Arrow(color: Color.named["blue"] ?? .black, width: 2)))
        let description = LocalizedText(
            en: "MSE (blue) and MAE (red) for errors from −5 to 5: the squared loss reaches 25 at the ends while the absolute loss reaches 5.",
            uk: "MSE (синя) і MAE (червона) для помилок від −5 до 5: квадратична втрата сягає 25 на краях, а абсолютна — 5.")
        return Figure(widthInches: 10, heightInches: 6, axes: [ax],
                      title: "MSE vs MAE Loss Functions", description: description(language))
    }
}
