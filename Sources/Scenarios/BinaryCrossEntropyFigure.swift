import LossPlotCharts
import LossFunctions

/// Code block 9: binary cross-entropy against the predicted probability for both classes.
enum BinaryCrossEntropyFigure {
    static let scenario = Scenario(
        id: "binary-cross-entropy",
        title: LocalizedText(en: "Binary cross-entropy", uk: "Binary Cross-Entropy"),
        section: .classification,
        codeBlocks: [9],
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let p = linspace(0.01, 0.99, 100)
        let bce = BinaryCrossEntropy()
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Binary Cross-Entropy Loss", uk: "Функція втрат Binary Cross-Entropy"),
                                  xLabel: LocalizedText(en: "Predicted Probability ŷ", uk: "Передбачена ймовірність ŷ"), legendSize: 12)
        ax.plot(LineSeries(x: p, y: p.map { bce.term(1, $0) }, label: "y_true = 1", color: .mpl("blue"), width: 3))
        ax.plot(LineSeries(x: p, y: p.map { bce.term(0, $0) }, label: "y_true = 0", color: .mpl("red"), width: 3))
        ax.yLimits = 0...5
        let right = LocalizedText(en: "Confident correct\nprediction\n(low loss)",
                                  uk: "Впевнене правильне\nпередбачення\n(низька loss)")
        let wrong = LocalizedText(en: "Confident wrong\nprediction\n(high loss)",
                                  uk: "Впевнене неправильне\nпередбачення\n(висока loss)")
        ax.annotate(FigureStyle.note(right(language), at: (0.95, 0.05), text: (0.7, 1.5), fill: .mpl("lightgreen"), arrow: .mpl("green")))
        ax.annotate(FigureStyle.note(wrong(language), at: (0.05, 3), text: (0.2, 4), fill: .mpl("lightcoral"), arrow: .mpl("red")))
        let description = LocalizedText(
            en: "Binary cross-entropy against the predicted probability: −log ŷ for class 1 (blue) and −log(1 − ŷ) for class 0 (red); confident wrong predictions cost the most.",
            uk: "Binary cross-entropy залежно від передбаченої ймовірності: −log ŷ для класу 1 (синя) і −log(1 − ŷ) для класу 0 (червона); найдорожче коштують впевнені помилки.")
        return FigureStyle.figure(12, 6, ax, description: description(language))
    }
}
