import LossFunctions

/// The inputs of one evaluation, as views of loaded data.
public enum LossInputs {
    case predictions(yTrue: MatrixView, yPred: MatrixView)
    case pairs(x1: MatrixView, x2: MatrixView, labels: UnsafeBufferPointer<Double>)
    case triplets(anchor: MatrixView, positive: MatrixView, negative: MatrixView)
}

/// What `evaluateLoss` computed: the value, per-sample terms for `.none`, and the gradients asked for,
/// one per differentiated input (y_pred; x1, x2; anchor, positive, negative), stored back to back.
public struct LossOutcome: Sendable {
    /// The reduced value (for `.none`, the weighted mean).
    public let value: Double
    /// Weighted per-sample terms, for `.none`.
    public let perSample: [Double]?
    /// All gradients, concatenated in input order; empty when not asked for.
    public let gradientStorage: [Double]
    /// Number of values of each input's gradient.
    public let gradientCounts: [Int]

    /// Whether gradients were computed.
    public var hasGradients: Bool { !gradientCounts.isEmpty }

    /// The gradient with respect to differentiated input `k` (0 for y_pred), flat and row-major.
    public func gradient(_ k: Int) -> ArraySlice<Double> {
        let start = gradientCounts.prefix(k).reduce(0, +)
        return gradientStorage[start..<start + gradientCounts[k]]
    }
}

/// Evaluates a loss chosen by name on views of loaded data: the one entry point from a loss's
/// name and options to `LossFunctions`.
///
/// Options must have passed `LossOptions.validate(for:)`. Elementwise losses read one column per input.
public func evaluateLoss(
    _ name: LossName, options: LossOptions, inputs: LossInputs, weights: UnsafeBufferPointer<Double>?,
    balancedClassWeights: Bool, reduction: Reduction, gradient: Bool
) throws(LossInputError) -> LossOutcome {
    var run = LossRun(reduction: reduction, gradient: gradient, weights: weights)
    let epsilon = options.epsilon ?? 1e-15
    switch (name, inputs) {
    case (.contrastive, .pairs(let x1, let x2, let labels)):
        return try run.pairs(ContrastiveLoss(margin: options.margin ?? 1), x1, x2, labels)
    case (.triplet, .triplets(let anchor, let positive, let negative)):
        return try run.triplets(TripletLoss(margin: options.margin ?? 0.5), anchor, positive, negative)
    case (.cce, .predictions(let yTrue, let yPred)):
        if balancedClassWeights { try run.balance(classes: argmaxClasses(yTrue)) }
        return try run.categorical(CategoricalCrossEntropy(epsilon: epsilon, fromLogits: options.fromLogits), yTrue, yPred)
    case (.sparseCCE, .predictions(let yTrue, let yPred)):
        guard yTrue.columns == 1 else {
            throw LossInputError(.yTrue, sample: nil, "class indices must be one column, found \(yTrue.columns)")
        }
        if balancedClassWeights { try run.balance(classes: integerClasses(yTrue.elements)) }
        return try run.sparse(SparseCategoricalCrossEntropy(epsilon: epsilon, fromLogits: options.fromLogits),
                              yTrue.elements, yPred)
    case (_, .predictions(let yTrue, let yPred)):
        for (view, input) in [(yTrue, LossInputError.Input.yTrue), (yPred, .yPred)] where view.columns != 1 {
            throw LossInputError(input, sample: nil, "\(name.rawValue) takes one column, found \(view.columns)")
        }
        if balancedClassWeights && name.isClassification { try run.balance(classes: integerClasses(yTrue.elements)) }
        let t = yTrue.elements, p = yPred.elements
        switch name {
        case .mse: return try run.elementwise(MeanSquaredError(), t, p)
        case .mae: return try run.elementwise(MeanAbsoluteError(), t, p)
        case .huber: return try run.elementwise(HuberLoss(delta: options.delta ?? 1), t, p)
        case .logCosh: return try run.elementwise(LogCoshLoss(), t, p)
        case .quantile: return try run.elementwise(QuantileLoss(quantile: options.quantile ?? 0.5), t, p)
        case .combined: return try run.elementwise(CombinedLoss(alpha: options.alpha ?? 0.5), t, p)
        case .msePenalty: return try run.elementwise(MSEWithPenalty(lambda: options.lambda ?? 0.1), t, p)
        case .bce: return try run.elementwise(BinaryCrossEntropy(epsilon: epsilon, fromLogits: options.fromLogits), t, p)
        case .hinge: return try run.elementwise(HingeLoss(), t, p)
        case .squaredHinge: return try run.elementwise(SquaredHingeLoss(), t, p)
        case .focal:
            return try run.elementwise(FocalLoss(gamma: options.gamma ?? 2, alpha: options.alpha ?? 0.25,
                                                 epsilon: epsilon, fromLogits: options.fromLogits), t, p)
        case .cce, .sparseCCE, .contrastive, .triplet:
            break
        }
    default:
        break
    }
    throw LossInputError(nil, sample: nil, "\(name.rawValue) does not take these inputs")
}

/// The class of each sample as an integer label (0/1, -1/+1, or class indices).
func integerClasses(_ labels: UnsafeBufferPointer<Double>) throws(LossInputError) -> [Int] {
    var classes: [Int] = []
    classes.reserveCapacity(labels.count)
    for (i, y) in labels.enumerated() {
        guard y.isFinite, y.rounded() == y, abs(y) < 1e9 else {
            throw LossInputError(.yTrue, sample: i, "\(parameter: EvaluationOption.classWeight) balanced needs integer class labels, found \(y)")
        }
        classes.append(Int(y))
    }
    return classes
}

/// The class of each one-hot or probability row: its largest target.
func argmaxClasses(_ yTrue: MatrixView) -> [Int] {
    let columns = yTrue.columns, values = yTrue.elements
    return (0..<yTrue.rows).map { i in
        var best = 0
        for c in 1..<max(columns, 1) where values[i * columns + c] > values[i * columns + best] { best = c }
        return best
    }
}

/// One evaluation's reduction, weights and outputs, shared by every loss family.
struct LossRun {
    let reduction: Reduction
    let gradient: Bool
    var weights: UnsafeBufferPointer<Double>?
    /// Balanced per-sample weights, when asked for; they replace `weights`.
    var ownedWeights: [Double]?

    init(reduction: Reduction, gradient: Bool, weights: UnsafeBufferPointer<Double>?) {
        self.reduction = reduction
        self.gradient = gradient
        self.weights = weights
    }

    /// Replaces the weights by weights times scikit-learn's balanced class weights.
    mutating func balance(classes: [Int]) throws(LossInputError) {
        if let weights, weights.count != classes.count {
            throw LossInputError(.weights, sample: nil, "has \(weights.count) values for \(classes.count) samples")
        }
        ownedWeights = ClassWeights.balancedSampleWeights(classes: classes, base: weights)
    }

    /// Allocates the outputs, runs `body` on buffers over them, and packs the outcome.
    func withOutputs(
        samples: Int, gradientCounts: [Int],
        _ body: (UnsafeBufferPointer<Double>?, [UnsafeMutableBufferPointer<Double>]?, UnsafeMutableBufferPointer<Double>?) throws(LossInputError) -> Double
    ) throws(LossInputError) -> LossOutcome {
        var perSample = [Double](repeating: 0, count: reduction == .none ? samples : 0)
        var storage = [Double](repeating: 0, count: gradient ? gradientCounts.reduce(0, +) : 0)
        let owned = ownedWeights ?? []
        let value = try owned.withUnsafeBufferPointer { ownedBuffer throws(LossInputError) in
            try perSample.withUnsafeMutableBufferPointer { s throws(LossInputError) in
                try storage.withUnsafeMutableBufferPointer { all throws(LossInputError) in
                    var parts: [UnsafeMutableBufferPointer<Double>]? = nil
                    if gradient {
                        var start = 0
                        parts = gradientCounts.map { count in
                            defer { start += count }
                            return UnsafeMutableBufferPointer(rebasing: all[start..<start + count])
                        }
                    }
                    return try body(ownedWeights == nil ? weights : ownedBuffer, parts, reduction == .none ? s : nil)
                }
            }
        }
        return LossOutcome(value: value, perSample: reduction == .none ? perSample : nil, gradientStorage: storage,
                           gradientCounts: gradient ? gradientCounts : [])
    }

    func elementwise<L: ElementwiseLoss>(
        _ loss: L, _ t: UnsafeBufferPointer<Double>, _ p: UnsafeBufferPointer<Double>
    ) throws(LossInputError) -> LossOutcome {
        try withOutputs(samples: p.count, gradientCounts: [p.count]) { w, g, s throws(LossInputError) in
            try loss.evaluate(yTrue: t, yPred: p, weights: w, reduction: reduction, gradient: g?.first, perSample: s)
        }
    }

    func categorical(_ loss: CategoricalCrossEntropy, _ t: MatrixView, _ p: MatrixView) throws(LossInputError) -> LossOutcome {
        try withOutputs(samples: p.rows, gradientCounts: [p.elements.count]) { w, g, s throws(LossInputError) in
            try loss.evaluate(yTrue: t, yPred: p, weights: w, reduction: reduction, gradient: g?.first, perSample: s)
        }
    }

    func sparse(_ loss: SparseCategoricalCrossEntropy, _ t: UnsafeBufferPointer<Double>, _ p: MatrixView) throws(LossInputError) -> LossOutcome {
        try withOutputs(samples: p.rows, gradientCounts: [p.elements.count]) { w, g, s throws(LossInputError) in
            try loss.evaluate(classIndices: t, yPred: p, weights: w, reduction: reduction, gradient: g?.first, perSample: s)
        }
    }

    func pairs(_ loss: ContrastiveLoss, _ x1: MatrixView, _ x2: MatrixView, _ labels: UnsafeBufferPointer<Double>) throws(LossInputError) -> LossOutcome {
        try withOutputs(samples: x1.rows, gradientCounts: [x1.elements.count, x2.elements.count]) { w, g, s throws(LossInputError) in
            try loss.evaluate(x1: x1, x2: x2, labels: labels, weights: w, reduction: reduction,
                              gradients: g.map { ($0[0], $0[1]) }, perSample: s)
        }
    }

    func triplets(_ loss: TripletLoss, _ a: MatrixView, _ p: MatrixView, _ n: MatrixView) throws(LossInputError) -> LossOutcome {
        try withOutputs(samples: a.rows, gradientCounts: [a.elements.count, p.elements.count, n.elements.count]) { w, g, s throws(LossInputError) in
            try loss.evaluate(anchor: a, positive: p, negative: n, weights: w, reduction: reduction,
                              gradients: g.map { ($0[0], $0[1], $0[2]) }, perSample: s)
        }
    }
}
