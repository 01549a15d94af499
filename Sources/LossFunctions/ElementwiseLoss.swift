import Phrasing
/// A loss whose per-sample term depends on one target and one prediction.
///
/// Conforming types give the term and its derivative; batches (arrays or buffers), weights and
/// reductions come from the extension below, through the one shared `BatchReducer`.
public protocol ElementwiseLoss: Sendable {
    /// Per-sample loss term l(yTrue, yPred).
    func term(_ yTrue: Double, _ yPred: Double) -> Double
    /// d term / d yPred (subgradient 0 at kinks).
    func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double
    /// The term and its derivative together (losses that share work between them override this).
    func termAndDerivative(_ yTrue: Double, _ yPred: Double) -> (term: Double, derivative: Double)
    /// Whether the pair lies in the loss's domain (default: both finite).
    func accepts(_ yTrue: Double, _ yPred: Double) -> Bool
    /// Which side is wrong and why, for a pair that `accepts` refused.
    func rejectionReason(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage)
    /// The loss as it applies to this batch of targets (hinge losses map 0/1 labels to -1/+1 here).
    func adapted(toTargets yTrue: UnsafeBufferPointer<Double>) -> Self
    /// Four consecutive terms at once. The default calls `term` per lane; a loss whose term has a
    /// vector form (binary cross-entropy's logarithm) overrides it, and unweighted batches use it.
    func terms(_ yTrue: SIMD4<Double>, _ yPred: SIMD4<Double>) -> SIMD4<Double>
    /// Which of four consecutive pairs `accepts` refuses: 1 in a refused lane, 0 elsewhere. The
    /// default asks `accepts` lane by lane; a loss whose test has a vector form overrides it.
    func refusals(_ yTrue: SIMD4<Double>, _ yPred: SIMD4<Double>) -> SIMD4<Int64>
}

extension ElementwiseLoss {
    @inlinable
    public func termAndDerivative(_ yTrue: Double, _ yPred: Double) -> (term: Double, derivative: Double) {
        (term(yTrue, yPred), termDerivative(yTrue, yPred))
    }

    /// Both finite, tested without branches: x - x is exactly 0 for finite x and NaN for infinities
    /// and NaN (it cannot overflow), so the batch loop stays straight-line and vectorizes.
    @inlinable
    public func accepts(_ yTrue: Double, _ yPred: Double) -> Bool {
        (yTrue - yTrue) + (yPred - yPred) == 0
    }

    public func rejectionReason(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage) {
        finiteRejection(yTrue, yPred) ?? (.yPred, "value \(yPred) is outside the loss's domain")
    }

    @inlinable
    public func adapted(toTargets yTrue: UnsafeBufferPointer<Double>) -> Self { self }

    @inlinable @inline(__always)
    public func terms(_ yTrue: SIMD4<Double>, _ yPred: SIMD4<Double>) -> SIMD4<Double> {
        SIMD4(term(yTrue[0], yPred[0]), term(yTrue[1], yPred[1]),
              term(yTrue[2], yPred[2]), term(yTrue[3], yPred[3]))
    }

    @inlinable @inline(__always)
    public func refusals(_ yTrue: SIMD4<Double>, _ yPred: SIMD4<Double>) -> SIMD4<Int64> {
        SIMD4(accepts(yTrue[0], yPred[0]) ? 0 : 1, accepts(yTrue[1], yPred[1]) ? 0 : 1,
              accepts(yTrue[2], yPred[2]) ? 0 : 1, accepts(yTrue[3], yPred[3]) ? 0 : 1)
    }

    /// The rejection for a non-finite target or prediction, nil when both are finite.
    public func finiteRejection(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage)? {
        if !yTrue.isFinite { return (.yTrue, "value \(yTrue) is not a finite number") }
        if !yPred.isFinite { return (.yPred, "value \(yPred) is not a finite number") }
        return nil
    }

    /// Evaluates the loss on a batch held in arrays.
    ///
    /// - Parameters:
    ///   - weights: optional per-sample weights (finite, non-negative); mean = sum(w*l)/sum(w).
    ///   - gradient: whether to compute the gradient with respect to `yPred`.
    /// - Throws: `LossInputError` on length mismatch, values outside the domain, or overflow.
    @inlinable
    public func evaluate(
        yTrue: [Double], yPred: [Double], weights: [Double]? = nil,
        reduction: Reduction = .mean, gradient: Bool = true
    ) throws(LossInputError) -> LossEvaluation {
        let n = yPred.count
        var perSample: [Double]? = reduction == .none ? [Double](repeating: 0, count: n) : nil
        var grad: [Double]? = gradient ? [Double](repeating: 0, count: n) : nil
        let value = try yTrue.withUnsafeBufferPointer { t throws(LossInputError) in
            try yPred.withUnsafeBufferPointer { p throws(LossInputError) in
                try withOptionalBuffer(weights) { w throws(LossInputError) in
                    try withOptionalMutableBuffer(&grad) { g throws(LossInputError) in
                        try withOptionalMutableBuffer(&perSample) { s throws(LossInputError) in
                            try evaluate(yTrue: t, yPred: p, weights: w, reduction: reduction,
                                         gradient: g, perSample: s)
                        }
                    }
                }
            }
        }
        return LossEvaluation(reduction: reduction, value: value, perSample: perSample, gradient: grad)
    }

    /// Evaluates the loss on buffers read in place (the fast path for memory-mapped files).
    ///
    /// - Parameters:
    ///   - gradient: if given, receives the gradient with respect to `yPred` (same count).
    ///   - perSample: if given, receives the weighted per-sample terms (same count).
    /// - Returns: the reduced value (for `.none`, the weighted mean).
    @inlinable
    public func evaluate(
        yTrue: UnsafeBufferPointer<Double>, yPred: UnsafeBufferPointer<Double>,
        weights: UnsafeBufferPointer<Double>? = nil, reduction: Reduction = .mean,
        gradient: UnsafeMutableBufferPointer<Double>? = nil,
        perSample: UnsafeMutableBufferPointer<Double>? = nil
    ) throws(LossInputError) -> Double {
        guard yTrue.count == yPred.count else {
            throw LossInputError(.yPred, sample: nil, "has \(yPred.count) values but \(input: .yTrue) has \(yTrue.count)")
        }
        if let gradient, gradient.count != yPred.count {
            throw LossInputError(nil, sample: nil, "gradient output holds \(gradient.count) values for \(yPred.count) samples")
        }
        let kernel = ElementwiseKernel(loss: adapted(toTargets: yTrue), yTrue: yTrue, yPred: yPred,
                                       gradient: gradient?.baseAddress)
        return try BatchReducer.reduce(kernel, weights: weights, reduction: reduction,
                                       writesGradient: gradient != nil, perSample: perSample)
    }
}

/// Adapts an `ElementwiseLoss` to the reducer: sample i is the pair (yTrue[i], yPred[i]).
@usableFromInline
struct ElementwiseKernel<Loss: ElementwiseLoss>: SampleKernel {
    @usableFromInline let loss: Loss
    @usableFromInline let yTrue: UnsafeBufferPointer<Double>
    @usableFromInline let yPred: UnsafeBufferPointer<Double>
    @usableFromInline let gradient: UnsafeMutablePointer<Double>?

    @usableFromInline
    init(loss: Loss, yTrue: UnsafeBufferPointer<Double>, yPred: UnsafeBufferPointer<Double>,
         gradient: UnsafeMutablePointer<Double>?) {
        self.loss = loss
        self.yTrue = yTrue
        self.yPred = yPred
        self.gradient = gradient
    }

    @usableFromInline var count: Int { yPred.count }

    @inlinable @inline(__always)
    func accepts(_ i: Int) -> Bool { loss.accepts(yTrue[i], yPred[i]) }

    @usableFromInline
    func rejection(_ i: Int) -> LossInputError {
        let reason = loss.rejectionReason(yTrue[i], yPred[i])
        return LossInputError(reason.input, sample: i, reason.message)
    }

    @inlinable @inline(__always)
    func term(_ i: Int) -> Double { loss.term(yTrue[i], yPred[i]) }

    /// Samples i..<i+4 as two vectors; nil when they are not all in the batch.
    @inlinable @inline(__always)
    func pairs(from i: Int) -> (yTrue: SIMD4<Double>, yPred: SIMD4<Double>)? {
        guard let t = yTrue.baseAddress, let p = yPred.baseAddress, i >= 0, i + 4 <= yPred.count, i + 4 <= yTrue.count else {
            return nil
        }
        return (UnsafeRawPointer(t + i).loadUnaligned(as: SIMD4<Double>.self),
                UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self))
    }

    @inlinable @inline(__always)
    func terms(from i: Int) -> SIMD4<Double> {
        guard let (t, p) = pairs(from: i) else { return SIMD4(term(i), term(i + 1), term(i + 2), term(i + 3)) }
        return loss.terms(t, p)
    }

    @inlinable @inline(__always)
    func refusals(from i: Int) -> SIMD4<Int64> {
        guard let (t, p) = pairs(from: i) else {
            return SIMD4(accepts(i) ? 0 : 1, accepts(i + 1) ? 0 : 1, accepts(i + 2) ? 0 : 1, accepts(i + 3) ? 0 : 1)
        }
        return loss.refusals(t, p)
    }

    @inlinable
    func firstNonFiniteGradient() -> (LossInputError.Input, Int)? {
        firstNonFinite(gradient, count: yPred.count, columns: 1).map { (.yPred, $0) }
    }

    @inlinable @inline(__always)
    func termWritingGradient(_ i: Int, scale: Double) -> Double {
        let (l, d) = loss.termAndDerivative(yTrue[i], yPred[i])
        gradient?[i] = scale * d
        return l
    }
}

/// Calls `body` with a buffer over `array`, or with nil.
@inlinable
func withOptionalBuffer<R>(
    _ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) throws(LossInputError) -> R
) throws(LossInputError) -> R {
    guard let array else { return try body(nil) }
    return try array.withUnsafeBufferPointer { buffer throws(LossInputError) in try body(buffer) }
}

/// Calls `body` with a mutable buffer over `array`, or with nil.
@inlinable
func withOptionalMutableBuffer<R>(
    _ array: inout [Double]?, _ body: (UnsafeMutableBufferPointer<Double>?) throws(LossInputError) -> R
) throws(LossInputError) -> R {
    guard var unwrapped = array else { return try body(nil) }
    array = nil  // keep the storage uniquely referenced while it is written
    defer { array = unwrapped }
    return try unwrapped.withUnsafeMutableBufferPointer { buffer throws(LossInputError) in try body(buffer) }
}
