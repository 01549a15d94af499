import LossPlotCharts
import LossFunctions

/// Beyond the document: triplet loss against the anchor–negative distance for three
/// anchor–positive distances, with the document's margin 0.5.
enum TripletFigure {
    static let positiveDistances = [0.5, 1.0, 2.0]

    static let scenario = Scenario(
        id: "triplet",
        title: LocalizedText(en: "Triplet loss against distance", uk: "Triplet Loss залежно від відстані"),
        section: .advanced,
        origin: .addition,
        figure: { make($0) }
    )

    /// Per-triplet loss with the anchor at the origin, the positive `positiveDistance` along x
    /// and the negative at each of `negativeDistances` along y.
    static func curve(positiveDistance: Double, negativeDistances: [Double], margin: Double) throws -> [Double] {
        let evaluation = try TripletLoss(margin: margin).evaluate(
            anchor: negativeDistances.map { _ in [0, 0] },
            positive: negativeDistances.map { _ in [positiveDistance, 0] },
            negative: negativeDistances.map { [0, $0] },
            reduction: .none, gradient: false)
        return evaluation.perSample ?? []
    }

    static func make(_ language: Language) -> Figure {
        let margin = TripletExample.margin
        let negatives = linspace(0, 4, 400)
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Triplet Loss vs Negative Distance", uk: "Triplet Loss залежно від відстані до негативного"),
                                  xLabel: LocalizedText(en: "Distance D(a, n) between anchor and negative",
                                                        uk: "Відстань D(a, n) між якорем і негативним прикладом"))
        for (i, dp) in positiveDistances.enumerated() {
            guard let losses = try? curve(positiveDistance: dp, negativeDistances: negatives, margin: margin) else {
                return FigureStyle.failure("triplet loss could not be evaluated")
            }
            ax.plot(LineSeries(x: negatives, y: losses, label: "D(a, p) = \(Python.float(dp))", color: FigureStyle.paletteEntry(i).color, width: 2,
                               dash: FigureStyle.paletteEntry(i).dash))
            ax.referenceLines.append(.vertical(dp + margin, color: FigureStyle.paletteEntry(i).color, dash: .dotted, alpha: 0.7))
        }
        let note = LocalizedText(
            en: "loss is 0 once\nD(a, n) ≥ D(a, p) + margin\n(dashed lines, margin = \(Python.float(margin)))",
            uk: "втрата = 0, щойно\nD(a, n) ≥ D(a, p) + відступ\n(пунктири, відступ = \(Python.float(margin)))")
        let last = positiveDistances[positiveDistances.count - 1]
        ax.annotate(FigureStyle.note(note(language), at: (last + margin, 0), text: (2.8, 0.9), fill: .mpl("lightyellow"), arrow: .mpl("black")))
        let description = LocalizedText(
            en: "Triplet loss max(0, D(a, p) − D(a, n) + 0.5) against the anchor–negative distance for anchor–positive distances 0.5, 1 and 2: it falls linearly and is zero once the negative is farther than the positive by the margin.",
            uk: "Triplet loss max(0, D(a, p) − D(a, n) + 0.5) залежно від відстані anchor–negative для відстаней anchor–positive 0.5, 1 і 2: спадає лінійно й дорівнює нулю, щойно negative далі за positive на margin.")
        return FigureStyle.figure(10, 6, ax, description: description(language))
    }
}
