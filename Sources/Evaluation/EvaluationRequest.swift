import LossFunctions

/// How samples are weighted by class.
public enum ClassWeighting: String, CaseIterable, Sendable {
    /// scikit-learn's `class_weight="balanced"`: n / (classes * count of the sample's class).
    case balanced
}

/// A checked evaluation: a loss, its options, and a data reference for each of its inputs (a file,
/// `preds.csv:target` or `preds.npz:y_pred`: `DataReference`).
public struct EvaluationRequest: Sendable, Equatable {
    public let loss: LossName
    public let options: LossOptions
    /// The data references of the loss's inputs, in `loss.inputKind.slots` order.
    public let inputs: [String]
    /// Per-sample weights, one column.
    public let weights: String?
    public let classWeight: ClassWeighting?
    public let reduction: Reduction
    /// Whether gradients are computed.
    public let gradient: Bool

    /// Checks that `files` gives exactly the loss's inputs, that the options apply to the loss and
    /// are in range, and that class weights are asked only of a classification loss.
    /// - Parameter files: a data reference per input; `.weights` is read from `weights`, not here.
    public init(loss: LossName, options: LossOptions = LossOptions(), files: [LossInputError.Input: String],
                weights: String? = nil, classWeight: ClassWeighting? = nil, reduction: Reduction = .mean,
                gradient: Bool = false) throws(EvaluationError) {
        try options.validate(for: loss)
        if classWeight != nil && !loss.isClassification {
            throw .usage("\(parameter: EvaluationOption.classWeight): \(loss.rawValue) is not a classification loss")
        }
        let needed = loss.inputKind.slots
        var inputs: [String] = []
        for slot in InputSlot.all where slot != .weights {
            let file = files[slot.input]
            if needed.contains(slot) {
                guard let file else { throw .usage("\(loss.rawValue) needs \(input: slot.input) FILE") }
                inputs.append(file)
            } else if file != nil {
                let taken = LossMessage(needed.enumerated().flatMap { k, s -> [LossMessage.Part] in
                    (k > 0 ? [.text(", ")] : []) + [.term(.input(s.input))]
                })
                throw .usage("\(input: slot.input) does not apply to \(loss.rawValue) (it takes \(taken))")
            }
        }
        if files[.weights] != nil { throw .usage("\(input: .weights) is given apart from the loss's inputs") }
        self.loss = loss
        self.options = options
        self.inputs = inputs
        self.weights = weights
        self.classWeight = classWeight
        self.reduction = reduction
        self.gradient = gradient
    }
}
