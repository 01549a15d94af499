import LossPlotCharts
import LossFunctions

/// Beyond the document: contrastive loss against the distance between two embeddings, for a
/// similar and a dissimilar pair, with the document's margin 2.
enum ContrastiveFigure {
    static let scenario = Scenario(
        id: "contrastive",
        title: LocalizedText(en: "Contrastive loss against distance", uk: "Contrastive Loss залежно від відстані"),
        section: .advanced,
        origin: .addition,
        figure: { make($0) }
    )

    /// Per-pair contrastive loss of 1-D embeddings 0 and d, one pair per distance, all with `label`.
    static func curve(distances: [Double], label: Double, margin: Double) throws -> [Double] {
        let evaluation = try ContrastiveLoss(margin: margin).evaluate(
            x1: distances.map { _ in [0] }, x2: distances.map { [$0] },
            labels: distances.map { _ in label }, reduction: .none, gradient: false)
        return evaluation.perSample ?? []
    }

    static func make(_ language: Language) -> Figure {
        let margin = ContrastiveExample.margin
        let distances = linspace(0, 3, 300)
        let similar: [Double], dissimilar: [Double]
        do {
            similar = try curve(distances: distances, label: 0, margin: margin)
            dissimilar = try curve(distances: distances, label: 1, margin: margin)
        } catch {
            return FigureStyle.failure("\(error)")
        }
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Contrastive Loss vs Distance", uk: "Contrastive Loss залежно від відстані"),
                                  xLabel: LocalizedText(en: "Distance D between embeddings", uk: "Відстань D між ембедингами"))
        let similarName = LocalizedText(en: "Similar pair (y = 0): ½·D²", uk: "Схожа пара (y = 0): ½·D²")
        let dissimilarName = LocalizedText(en: "Dissimilar pair (y = 1): ½·max(0, m − D)²", uk: "Несхожа пара (y = 1): ½·max(0, m − D)²")
        let marginName = LocalizedText(en: "margin m = \(Python.float(margin))", uk: "відступ m = \(Python.float(margin))")
        ax.plot(LineSeries(x: distances, y: similar, label: similarName(language), color: FigureStyle.palette[0].color, width: 2))
        ax.plot(LineSeries(x: distances, y: dissimilar, label: dissimilarName(language), color: FigureStyle.palette[1].color, width: 2, dash: FigureStyle.palette[1].dash))
        ax.referenceLines.append(.vertical(margin, color: .mpl("gray"), dash: .dashed, alpha: 0.7, label: marginName(language)))
        let pull = LocalizedText(en: "similar pairs are pulled\ntogether at any distance",
                                 uk: "схожі пари притягуються\nна будь-якій відстані")
        let free = LocalizedText(en: "dissimilar pairs beyond\nthe margin cost nothing",
                                 uk: "несхожі пари за відступом\nнічого не коштують")
        // Arrows point at the curves where D = 2.5.
        let i = distances.firstIndex { $0 >= 2.5 } ?? distances.count - 1
        ax.annotate(FigureStyle.note(pull(language), at: (distances[i], similar[i]), text: (1.2, 3.6),
                                     fill: .mpl("lightblue"), arrow: FigureStyle.palette[0].color))
        ax.annotate(FigureStyle.note(free(language), at: (distances[i], dissimilar[i]), text: (2.2, 1.2),
                                     fill: .mpl("lightcoral"), arrow: FigureStyle.palette[1].color))
        let description = LocalizedText(
            en: "Contrastive loss against the embedding distance D with margin 2: a similar pair costs ½·D² and is always pulled together; a dissimilar pair costs ½·(2 − D)² until it is 2 apart, then nothing.",
            uk: "Contrastive loss залежно від відстані D між embeddings з margin 2: схожа пара коштує ½·D² і завжди притягується; різна пара коштує ½·(2 − D)², доки не віддалиться на 2, а далі — нічого.")
        return FigureStyle.figure(10, 6, ax, description: description(language))
    }
}
