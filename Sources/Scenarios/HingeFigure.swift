import LossPlotCharts
import LossFunctions

/// Code blocks 12 and 13: the hinge loss of five scores (printed) and its curve for both
/// labels; block 13 only defines the squared hinge loss and prints nothing.
enum HingeFigure {
    static let yTrue = [1.0, -1, 1, -1, 1]
    static let yPred = [2.0, -1.5, 0.5, -0.3, -0.1]

    static let scenario = Scenario(
        id: "hinge",
        title: LocalizedText(en: "Hinge loss (SVM)", uk: "Hinge Loss (SVM)"),
        section: .classification,
        codeBlocks: [12, 13],
        figure: { make($0) },
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            out.number("Hinge Loss: ", try HingeLoss().evaluate(yTrue: yTrue, yPred: yPred, gradient: false).value, decimals: 4)
        }
    }

    static func make(_ language: Language) -> Figure {
        let scores = linspace(-3, 3, 100)
        let hinge = HingeLoss()
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Hinge Loss", uk: "Hinge Loss: втрата з відступом"),
                                  xLabel: LocalizedText(en: "Predicted Score ŷ", uk: "Передбачена оцінка ŷ"))
        ax.plot(LineSeries(x: scores, y: scores.map { hinge.term(1, $0) }, label: "y = +1", width: 2))
        ax.plot(LineSeries(x: scores, y: scores.map { hinge.term(-1, $0) }, label: "y = -1", width: 2))
        ax.referenceLines.append(.horizontal(0, color: .mpl("k"), width: 0.5))
        ax.referenceLines.append(.vertical(0, color: .mpl("k"), width: 0.5))
        let description = LocalizedText(
            en: "Hinge loss against the raw score for y = +1 and y = −1: zero once the score is on the right side with margin 1, growing linearly otherwise.",
            uk: "Hinge loss залежно від сирої оцінки для y = +1 і y = −1: нуль, коли оцінка з правильного боку з відступом 1, інакше лінійне зростання.")
        return FigureStyle.figure(10, 6, ax, description: description(language))
    }
}
