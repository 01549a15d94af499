import LossPlotCharts
import LossFunctions

/// Code block 15: focal loss against p_t for γ = 0.5, 1, 2, 5 beside cross-entropy (γ = 0).
enum FocalFigure {
    /// The document's `gammas = [0, 0.5, 1, 2, 5]`; 0 is the cross-entropy curve.
    static let gammas: [Double] = [0, 0.5, 1, 2, 5]

    static let scenario = Scenario(
        id: "focal",
        title: LocalizedText(en: "Focal loss: down-weighting easy examples", uk: "Focal Loss: менша вага легких прикладів"),
        section: .classification,
        codeBlocks: [15],
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let p = linspace(0.01, 0.99, 100)
        // Focal loss of the true class (y = 1, p = p_t) without α balancing, as the document's curves.
        func curve(_ gamma: Double) -> [Double] {
            let focal = FocalLoss(gamma: gamma, alpha: nil)
            return p.map { focal.term(1, $0) }
        }
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Focal Loss: Down-weighting Easy Examples",
                                                                 uk: "Focal Loss: менша вага легких прикладів"),
                                  xLabel: LocalizedText(en: "Predicted Probability p_t (for true class)",
                                                        uk: "Передбачена ймовірність p_t (справжнього класу)"))
        ax.plot(LineSeries(x: p, y: curve(gammas[0]), label: "CE (γ=\(Python.literal(gammas[0])))", width: 3, dash: .dashed))
        for gamma in gammas.dropFirst() {
            ax.plot(LineSeries(x: p, y: curve(gamma), label: "Focal (γ=\(Python.literal(gamma)))", width: 2))
        }
        ax.yLimits = 0...5
        // The document writes this note in English; the Ukrainian figure translates it.
        let easy = LocalizedText(en: "Easy examples\n(high p_t)\nget low weight",
                                 uk: "Легкі приклади\n(високе p_t)\nмають малу вагу")
        ax.annotate(FigureStyle.note(easy(language), at: (0.9, 0.1), text: (0.7, 2),
                                     fill: .mpl("lightgreen"), arrow: .mpl("green")))
        let description = LocalizedText(
            en: "Focal loss −(1 − p_t)^γ·log p_t for γ = 0.5, 1, 2 and 5 beside cross-entropy (γ = 0, dashed): the larger γ, the less well-classified examples (high p_t) contribute.",
            uk: "Focal loss −(1 − p_t)^γ·log p_t для γ = 0.5, 1, 2 і 5 поруч із cross-entropy (γ = 0, пунктир): що більше γ, то менший внесок добре класифікованих прикладів (високе p_t).")
        return FigureStyle.figure(12, 6, ax, description: description(language))
    }
}
