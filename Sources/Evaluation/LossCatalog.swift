import LossFunctions

/// Every loss that can be evaluated by name on data files.
public enum LossName: String, CaseIterable, Sendable {
    case mse, mae, huber, logCosh = "log-cosh", quantile, combined, msePenalty = "mse-penalty"
    case bce, cce, sparseCCE = "sparse-cce", hinge, squaredHinge = "squared-hinge", focal
    case contrastive, triplet

    /// The names, comma-separated, for help and messages.
    public static var knownNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// What the loss reads: targets and predictions, embedding pairs, or triplets.
    public var inputKind: LossInputKind {
        switch self {
        case .contrastive: return .pairs
        case .triplet: return .triplets
        default: return .predictions
        }
    }

    /// Whether balanced class weights apply.
    public var isClassification: Bool {
        switch self {
        case .bce, .cce, .sparseCCE, .hinge, .squaredHinge, .focal: return true
        default: return false
        }
    }

    /// The parameters this loss takes.
    public var parameters: Set<LossParameter> {
        switch self {
        case .mse, .mae, .logCosh, .hinge, .squaredHinge: return []
        case .huber: return [.delta]
        case .quantile: return [.quantile]
        case .combined: return [.alpha]
        case .msePenalty: return [.lambda]
        case .bce, .cce, .sparseCCE: return [.epsilon, .fromLogits]
        case .focal: return [.gamma, .alpha, .epsilon, .fromLogits]
        case .contrastive, .triplet: return [.margin]
        }
    }
}

/// The shape of a loss's inputs.
public enum LossInputKind: Sendable {
    /// Targets and predictions.
    case predictions
    /// Two embeddings and a similar/dissimilar label per pair.
    case pairs
    /// Anchor, positive and negative embeddings.
    case triplets

    /// The inputs, in the order the loss takes them (and `EvaluationRequest.inputs` holds them).
    public var slots: [InputSlot] {
        switch self {
        case .predictions: return [.yTrue, .yPred]
        case .pairs: return [.x1, .x2, .labels]
        case .triplets: return [.anchor, .positive, .negative]
        }
    }

    /// The inputs a gradient is computed for, in the order `LossOutcome.gradient(_:)` numbers them.
    public var differentiatedSlots: [InputSlot] { slots.filter(\.isDifferentiated) }
}
