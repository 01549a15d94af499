/// Every scenario lossplot knows, in the document's order, each addition beside the section
/// it illustrates.
public enum ScenarioCatalog {
    public static let all: [Scenario] = [
        // Regression losses
        MSEExample.scenario,
        MSEvsMAEFigure.scenario,
        MAEExample.scenario,
        OutlierExample.scenario,
        HuberExample.scenario,
        HuberFigure.scenario,
        HuberDeltasFigure.scenario,
        LogCoshExample.scenario,
        LogCoshFigure.scenario,
        QuantileFigure.scenario,
        LossExplorers.huber,
        LossExplorers.quantile,
        GradientsFigure.scenario,
        // Classification losses
        BinaryCrossEntropyExample.scenario,
        BinaryCrossEntropyFigure.scenario,
        CategoricalCrossEntropyExample.scenario,
        SparseCategoricalCrossEntropyExample.scenario,
        HingeFigure.scenario,
        FocalExample.scenario,
        FocalFigure.scenario,
        LossExplorers.focalGamma,
        LossExplorers.focalAlpha,
        // Advanced losses
        ContrastiveExample.scenario,
        ContrastiveFigure.scenario,
        TripletExample.scenario,
        TripletFigure.scenario,
        LossExplorers.contrastive,
        LossExplorers.triplet,
        // The document's real example, and what it should have compared
        RegressionComparison.scenario,
        RegressionRobustFigure.scenario,
        RegressionSeedsSection.scenario,
    ]

    public static var ids: [String] { all.map(\.id) }

    public static func scenario(id: String) -> Scenario? { all.first { $0.id == id } }
}

/// Everything the document's code prints, block by block, in the form of
/// `printed-output.txt`: a `=== code block N ===` header for each Python block the scenarios
/// reproduce (blocks that print nothing keep their header), followed by what it prints.
public enum DocumentTranscript {
    /// The document's code blocks that lossplot reproduces, in order (blocks 18–21 need a
    /// trained Keras or scikit-learn model and print nothing, so no scenario covers them).
    public static var codeBlocks: [Int] {
        Array(Set(ScenarioCatalog.all.filter { $0.origin == .document }.flatMap(\.codeBlocks))).sorted()
    }

    /// One block's header and printed lines, with the scenario that printed them (if any).
    public struct Block: Sendable {
        public var number: Int
        public var scenario: Scenario?
        public var results: PrintedResults?
        public var text: String { "=== code block \(number) ===\n" + (results?.text ?? "") }
    }

    /// Every block, computing each scenario's results once.
    public static func blocks() -> [Block] {
        codeBlocks.map { n in
            let scenario = ScenarioCatalog.all.first { $0.printedCodeBlock == n }
            return Block(number: n, scenario: scenario, results: scenario?.results?())
        }
    }

    /// The whole transcript as one string.
    public static func text() -> String { blocks().map(\.text).joined() }
}
