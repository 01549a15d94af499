#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Categorical cross-entropy over n x C rows: targets one-hot or probability rows, predictions
/// probabilities (clipped to [epsilon, 1 - epsilon] as the document) or logits.
///
/// Probabilities: l = -sum_c y_c log p_c, derivative -y_c / p_c at the clipped p (as `BinaryCrossEntropy`).
/// Logits (as optax's `softmax_cross_entropy`): l = sum_c y_c (logsumexp(z) - z_c),
/// derivative sum(y) softmax(z)_c - y_c, finite for logits of any size.
public struct CategoricalCrossEntropy: Sendable {
    /// Clip for probabilities (default 1e-15).
    public let epsilon: Double
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool

    public init(epsilon: Double = 1e-15, fromLogits: Bool = false) {
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    /// Evaluates rows held in nested arrays (each inner array one sample).
    public func evaluate(
        yTrue: [[Double]], yPred: [[Double]], weights: [Double]? = nil,
        reduction: Reduction = .mean, gradient: Bool = true
    ) throws(LossInputError) -> LossEvaluation {
        let targets = try flattenRows(yTrue, input: .yTrue)
        let predictions = try flattenRows(yPred, input: .yPred)
        guard yTrue.count == yPred.count, targets.columns == predictions.columns else {
            throw LossInputError(.yPred, sample: nil, "shape \(yPred.count) x \(predictions.columns) differs from \(input: .yTrue)'s \(yTrue.count) x \(targets.columns)")
        }
        let rows = yPred.count, columns = predictions.columns
        return try evaluateRows(targets.values, predictions.values, rows: rows, columns: columns,
                                weights: weights, reduction: reduction, gradient: gradient) { t, p, w, g, s throws(LossInputError) in
            try evaluate(yTrue: MatrixView(elements: t, rows: rows, columns: columns),
                         yPred: MatrixView(elements: p, rows: rows, columns: columns),
                         weights: w, reduction: reduction, gradient: g, perSample: s)
        }
    }

    /// Evaluates rows read in place; `gradient` (if given) is shaped like `yPred`.
    public func evaluate(
        yTrue: MatrixView, yPred: MatrixView, weights: UnsafeBufferPointer<Double>? = nil,
        reduction: Reduction = .mean, gradient: UnsafeMutableBufferPointer<Double>? = nil,
        perSample: UnsafeMutableBufferPointer<Double>? = nil
    ) throws(LossInputError) -> Double {
        guard yTrue.rows == yPred.rows, yTrue.columns == yPred.columns else {
            throw LossInputError(.yPred, sample: nil,
                                 "shape \(yPred.rows) x \(yPred.columns) differs from \(input: .yTrue)'s \(yTrue.rows) x \(yTrue.columns)")
        }
        try checkGradientShape(gradient, yPred)
        let kernel = CategoricalKernel(loss: self, yTrue: yTrue, yPred: yPred, gradient: gradient?.baseAddress)
        return try BatchReducer.reduce(kernel, weights: weights, reduction: reduction,
                                       writesGradient: gradient != nil, perSample: perSample)
    }
}

/// Sparse categorical cross-entropy: targets are class indices 0..C-1, predictions n x C rows
/// (probabilities clipped as the document, or logits). l = -log p_k, or logsumexp(z) - z_k.
public struct SparseCategoricalCrossEntropy: Sendable {
    /// Clip for probabilities (default 1e-15).
    public let epsilon: Double
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool

    public init(epsilon: Double = 1e-15, fromLogits: Bool = false) {
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    /// Evaluates class indices against rows held in nested arrays.
    public func evaluate(
        classIndices: [Int], yPred: [[Double]], weights: [Double]? = nil,
        reduction: Reduction = .mean, gradient: Bool = true
    ) throws(LossInputError) -> LossEvaluation {
        let labels = classIndices.map(Double.init)
        let p = try flattenRows(yPred, input: .yPred)
        return try evaluateRows(labels, p.values, rows: yPred.count, columns: p.columns,
                                weights: weights, reduction: reduction, gradient: gradient) { t, pv, w, g, s throws(LossInputError) in
            try evaluate(classIndices: t, yPred: MatrixView(elements: pv, rows: yPred.count, columns: p.columns),
                         weights: w, reduction: reduction, gradient: g, perSample: s)
        }
    }

    /// Evaluates class indices (stored as doubles, e.g. read from a file) against rows read in place.
    public func evaluate(
        classIndices: UnsafeBufferPointer<Double>, yPred: MatrixView, weights: UnsafeBufferPointer<Double>? = nil,
        reduction: Reduction = .mean, gradient: UnsafeMutableBufferPointer<Double>? = nil,
        perSample: UnsafeMutableBufferPointer<Double>? = nil
    ) throws(LossInputError) -> Double {
        guard classIndices.count == yPred.rows else {
            throw LossInputError(.yPred, sample: nil, "has \(yPred.rows) rows but \(input: .yTrue) has \(classIndices.count) labels")
        }
        try checkGradientShape(gradient, yPred)
        let kernel = SparseCategoricalKernel(loss: self, labels: classIndices, yPred: yPred, gradient: gradient?.baseAddress)
        return try BatchReducer.reduce(kernel, weights: weights, reduction: reduction,
                                       writesGradient: gradient != nil, perSample: perSample)
    }
}

/// Checks that a gradient output has room for exactly one value per prediction.
func checkGradientShape(_ gradient: UnsafeMutableBufferPointer<Double>?, _ yPred: MatrixView) throws(LossInputError) {
    if let gradient, gradient.count != yPred.elements.count {
        throw LossInputError(nil, sample: nil, "gradient output holds \(gradient.count) values for \(yPred.elements.count)")
    }
}

/// Runs a buffer-based row evaluation on arrays, allocating the per-sample and gradient outputs.
func evaluateRows(
    _ targets: [Double], _ predictions: [Double], rows: Int, columns: Int,
    weights: [Double]?, reduction: Reduction, gradient: Bool,
    _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>?,
             UnsafeMutableBufferPointer<Double>?, UnsafeMutableBufferPointer<Double>?) throws(LossInputError) -> Double
) throws(LossInputError) -> LossEvaluation {
    var perSample: [Double]? = reduction == .none ? [Double](repeating: 0, count: rows) : nil
    var grad: [Double]? = gradient ? [Double](repeating: 0, count: predictions.count) : nil
    let value = try targets.withUnsafeBufferPointer { t throws(LossInputError) in
        try predictions.withUnsafeBufferPointer { p throws(LossInputError) in
            try withOptionalBuffer(weights) { w throws(LossInputError) in
                try withOptionalMutableBuffer(&grad) { g throws(LossInputError) in
                    try withOptionalMutableBuffer(&perSample) { s throws(LossInputError) in
                        try body(t, p, w, g, s)
                    }
                }
            }
        }
    }
    return LossEvaluation(reduction: reduction, value: value, perSample: perSample, gradient: grad)
}

/// Row i of `CategoricalCrossEntropy`.
struct CategoricalKernel: SampleKernel {
    let loss: CategoricalCrossEntropy
    let yTrue: MatrixView
    let yPred: MatrixView
    let gradient: UnsafeMutablePointer<Double>?

    var count: Int { yPred.rows }

    func firstNonFiniteGradient() -> (LossInputError.Input, Int)? {
        firstNonFinite(gradient, count: yPred.elements.count, columns: yPred.columns).map { (.yPred, $0) }
    }

    func accepts(_ i: Int) -> Bool {
        let t = yTrue.row(i), p = yPred.row(i)
        for c in 0..<yPred.columns {
            guard t[c] >= 0, t[c] <= 1, p[c].isFinite else { return false }
            if !loss.fromLogits && !(p[c] >= 0 && p[c] <= 1) { return false }
        }
        return true
    }

    func rejection(_ i: Int) -> LossInputError {
        let t = yTrue.row(i), p = yPred.row(i)
        for c in 0..<yPred.columns {
            let reason = probabilityRejection(t[c], p[c], fromLogits: loss.fromLogits)
            if !(t[c] >= 0 && t[c] <= 1) || !p[c].isFinite || (!loss.fromLogits && !(p[c] >= 0 && p[c] <= 1)) {
                return LossInputError(reason.input, sample: i, "column \(c + 1): \(reason.message)")
            }
        }
        return LossInputError(.yPred, sample: i, "row is outside the loss's domain")
    }

    func term(_ i: Int) -> Double {
        let t = yTrue.row(i), p = yPred.row(i), k = yPred.columns
        var l = 0.0
        if loss.fromLogits {
            let lse = StableMath.logSumExp(p, k)
            for c in 0..<k where t[c] != 0 { l += t[c] * (lse - p[c]) }
        } else {
            for c in 0..<k where t[c] != 0 { l -= t[c] * log(min(max(p[c], loss.epsilon), 1 - loss.epsilon)) }
        }
        return l
    }

    func termWritingGradient(_ i: Int, scale: Double) -> Double {
        let l = term(i)
        guard let gradient else { return l }
        let t = yTrue.row(i), p = yPred.row(i), k = yPred.columns
        let g = gradient + i * k
        if loss.fromLogits {
            let lse = StableMath.logSumExp(p, k)
            var mass = 0.0
            for c in 0..<k { mass += t[c] }
            for c in 0..<k { g[c] = scale * (mass * exp(p[c] - lse) - t[c]) }
        } else {
            for c in 0..<k { g[c] = scale * (-t[c] / min(max(p[c], loss.epsilon), 1 - loss.epsilon)) }
        }
        return l
    }
}

/// Row i of `SparseCategoricalCrossEntropy`.
struct SparseCategoricalKernel: SampleKernel {
    let loss: SparseCategoricalCrossEntropy
    let labels: UnsafeBufferPointer<Double>
    let yPred: MatrixView
    let gradient: UnsafeMutablePointer<Double>?

    var count: Int { yPred.rows }

    func firstNonFiniteGradient() -> (LossInputError.Input, Int)? {
        firstNonFinite(gradient, count: yPred.elements.count, columns: yPred.columns).map { (.yPred, $0) }
    }

    /// Whether `k` is an integer in 0..<C (NaN and infinities are not).
    func isClassIndex(_ k: Double) -> Bool {
        k >= 0 && k < Double(yPred.columns) && k.rounded(.towardZero) == k
    }

    /// Terms use the label as an offset into the row (and the gradient's row): every label is
    /// checked before the first term runs.
    func firstUnsafeSample() -> Int? {
        labels.firstIndex { !isClassIndex($0) }
    }

    func accepts(_ i: Int) -> Bool {
        guard isClassIndex(labels[i]) else { return false }
        let p = yPred.row(i)
        for c in 0..<yPred.columns {
            guard p[c].isFinite, loss.fromLogits || (p[c] >= 0 && p[c] <= 1) else { return false }
        }
        return true
    }

    func rejection(_ i: Int) -> LossInputError {
        let k = labels[i]
        if !isClassIndex(k) {
            return LossInputError(.yTrue, sample: i, "class index \(k) is not an integer in 0...\(yPred.columns - 1)")
        }
        let p = yPred.row(i)
        for c in 0..<yPred.columns where !p[c].isFinite || !(loss.fromLogits || (p[c] >= 0 && p[c] <= 1)) {
            return LossInputError(.yPred, sample: i,
                                  "column \(c + 1): \(probabilityRejection(0, p[c], fromLogits: loss.fromLogits).message)")
        }
        return LossInputError(.yPred, sample: i, "row is outside the loss's domain")
    }

    /// Only called once `firstUnsafeSample()` found every label a valid index.
    func term(_ i: Int) -> Double {
        let p = yPred.row(i), k = Int(labels[i])
        if loss.fromLogits { return StableMath.logSumExp(p, yPred.columns) - p[k] }
        return -log(min(max(p[k], loss.epsilon), 1 - loss.epsilon))
    }

    func termWritingGradient(_ i: Int, scale: Double) -> Double {
        let l = term(i)
        guard let gradient else { return l }
        let p = yPred.row(i), k = Int(labels[i]), columns = yPred.columns
        let g = gradient + i * columns
        if loss.fromLogits {
            let lse = StableMath.logSumExp(p, columns)
            for c in 0..<columns { g[c] = scale * (exp(p[c] - lse) - (c == k ? 1 : 0)) }
        } else {
            for c in 0..<columns { g[c] = 0 }
            g[k] = scale * (-1 / min(max(p[k], loss.epsilon), 1 - loss.epsilon))
        }
        return l
    }
}
