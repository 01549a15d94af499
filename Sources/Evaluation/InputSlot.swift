import LossFunctions

/// One input an evaluation reads from a data file: the one table from a loss's input to the name a
/// command line gives it, its key in JSON output, whether a gradient is computed for it, and what
/// it holds.
public struct InputSlot: Sendable, Hashable {
    /// The loss's input.
    public let input: LossInputError.Input
    /// The command line's name for it, without dashes (`y-true`).
    public let flag: String
    /// Its key in JSON output and its name in text output (`y_pred` in `gradient d/dy_pred`).
    public let jsonKey: String
    /// Whether a gradient is computed with respect to it.
    public let isDifferentiated: Bool
    /// What the file holds.
    public let help: String

    public static let yTrue = InputSlot(input: .yTrue, flag: "y-true", jsonKey: "y_true", isDifferentiated: false,
                                        help: "Targets: values, labels, class indices or one-hot rows.")
    public static let yPred = InputSlot(input: .yPred, flag: "y-pred", jsonKey: "y_pred", isDifferentiated: true,
                                        help: "Predictions (probabilities, scores or logits).")
    public static let x1 = InputSlot(input: .x1, flag: "x1", jsonKey: "x1", isDifferentiated: true,
                                     help: "contrastive: first embeddings (n x d).")
    public static let x2 = InputSlot(input: .x2, flag: "x2", jsonKey: "x2", isDifferentiated: true,
                                     help: "contrastive: second embeddings (n x d).")
    public static let labels = InputSlot(input: .labels, flag: "labels", jsonKey: "labels", isDifferentiated: false,
                                         help: "contrastive: 0 = similar, 1 = dissimilar.")
    public static let anchor = InputSlot(input: .anchor, flag: "anchor", jsonKey: "anchor", isDifferentiated: true,
                                         help: "triplet: anchor embeddings.")
    public static let positive = InputSlot(input: .positive, flag: "positive", jsonKey: "positive", isDifferentiated: true,
                                           help: "triplet: positive embeddings.")
    public static let negative = InputSlot(input: .negative, flag: "negative", jsonKey: "negative", isDifferentiated: true,
                                           help: "triplet: negative embeddings.")
    public static let weights = InputSlot(input: .weights, flag: "weights", jsonKey: "weights", isDifferentiated: false,
                                          help: "Per-sample weights, one column.")

    /// Every slot, one per `LossInputError.Input`.
    public static let all: [InputSlot] = [.yTrue, .yPred, .x1, .x2, .labels, .anchor, .positive, .negative, .weights]

    /// The slot of an input.
    public static func slot(_ input: LossInputError.Input) -> InputSlot {
        switch input {
        case .yTrue: return .yTrue
        case .yPred: return .yPred
        case .x1: return .x1
        case .x2: return .x2
        case .labels: return .labels
        case .anchor: return .anchor
        case .positive: return .positive
        case .negative: return .negative
        case .weights: return .weights
        }
    }
}
