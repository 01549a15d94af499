#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binary cross-entropy (log loss) for targets y in [0, 1].
///
/// On probabilities (the document's form): p is clipped to [epsilon, 1 - epsilon],
/// l = -(y log p + (1 - y) log(1 - p)) and the derivative is the document's
/// -(y / p - (1 - y) / (1 - p)) evaluated at the clipped p. Inside the clipped region this is the
/// derivative of the formula at the clipped value, not the zero derivative of the clip itself:
/// it keeps pointing towards the target, as the document's `bce_gradient` does.
///
/// With `fromLogits` the input is z and l = softplus(z) - y z (as optax's
/// `sigmoid_binary_cross_entropy`), derivative sigmoid(z) - y: finite for any z, and for 0/1 labels
/// computed without cancellation, as -sigmoid(-z) when y = 1. The term is summed as
/// max(z, 0) - y z + log1p(exp(-|z|)), so for a confident correct prediction (y = 1, large z) the
/// z's cancel exactly and the small loss keeps full relative precision (softplus(z) - z lost it:
/// 1e-2 relative error at z = 30, and 0 instead of 2.3e-16 at z = 36; PyTorch's BCEWithLogitsLoss
/// agrees with this form to an ulp).
public struct BinaryCrossEntropy: ElementwiseLoss {
    /// Clip for probabilities (default 1e-15, as the document).
    public let epsilon: Double
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool

    public init(epsilon: Double = 1e-15, fromLogits: Bool = false) {
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        if fromLogits { return (max(yPred, 0) - yTrue * yPred) + log1p(exp(-abs(yPred))) }
        let p = min(max(yPred, epsilon), 1 - epsilon)
        // A hard label zeroes one of the document's two terms exactly: take one logarithm.
        if yTrue == 0 || yTrue == 1 { return -log(yTrue == 1 ? p : 1 - p) }
        return -(yTrue * log(p) + (1 - yTrue) * log(1 - p))
    }

    /// Four terms through the vector logarithm: one logarithm a lane when all four labels are hard
    /// (0 or 1), the document's two otherwise. Logits, and a clip below the smallest normal number,
    /// go lane by lane through `term`.
    @inlinable @inline(__always)
    public func terms(_ yTrue: SIMD4<Double>, _ yPred: SIMD4<Double>) -> SIMD4<Double> {
        guard !fromLogits, epsilon >= .leastNormalMagnitude, epsilon <= 0.5 else {
            return SIMD4(term(yTrue[0], yPred[0]), term(yTrue[1], yPred[1]),
                         term(yTrue[2], yPred[2]), term(yTrue[3], yPred[3]))
        }
        let low = SIMD4(repeating: epsilon), high = SIMD4(repeating: 1 - epsilon)
        // The clip as selects (SIMD's pointwiseMin/Max are not inlined across modules).
        let p = yPred.replacing(with: low, where: yPred .< low).replacing(with: high, where: yPred .> high)
        let positive = yTrue .== 1
        if all(positive .| (yTrue .== 0)) {
            return -StableMath.logarithm((1 - p).replacing(with: p, where: positive))
        }
        return -(yTrue * StableMath.logarithm(p) + (1 - yTrue) * StableMath.logarithm(1 - p))
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        // sigmoid(z) - y as (1 - y) sigmoid(z) - y sigmoid(-z): the same number, but for a hard label
        // one term vanishes and no 1 - 0.99999... cancels (y = 1, z = 40: -4.2e-18, not 0).
        if fromLogits { return (1 - yTrue) * StableMath.sigmoid(yPred) - yTrue * StableMath.sigmoid(-yPred) }
        let p = min(max(yPred, epsilon), 1 - epsilon)
        return -(yTrue / p - (1 - yTrue) / (1 - p))
    }

    /// The predictions `accepts` takes: probabilities in [0, 1], or any finite logit.
    @inlinable var predictionRange: (low: Double, high: Double) {
        fromLogits ? (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude) : (0, 1)
    }

    /// Target in [0, 1]; prediction in [0, 1], or finite for logits. Four comparisons and no branches
    /// (NaN fails every one), so the batch loop stays straight-line.
    @inlinable public func accepts(_ yTrue: Double, _ yPred: Double) -> Bool {
        let (low, high) = predictionRange
        return (yTrue >= 0 ? 1 : 0) & (yTrue <= 1 ? 1 : 0) & (yPred >= low ? 1 : 0) & (yPred <= high ? 1 : 0) == 1
    }

    /// `accepts` on four pairs at once: the same four comparisons as vector compares.
    @inlinable @inline(__always)
    public func refusals(_ yTrue: SIMD4<Double>, _ yPred: SIMD4<Double>) -> SIMD4<Int64> {
        let low = SIMD4(repeating: predictionRange.low), high = SIMD4(repeating: predictionRange.high)
        let accepted = (yTrue .>= 0) .& (yTrue .<= 1) .& (yPred .>= low) .& (yPred .<= high)
        return SIMD4<Int64>(repeating: 1).replacing(with: 0, where: accepted)
    }

    public func rejectionReason(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage) {
        probabilityRejection(yTrue, yPred, fromLogits: fromLogits)
    }
}

/// The rejection shared by the probability losses: target outside [0, 1], non-finite values,
/// or a probability outside [0, 1] when predictions are not logits.
func probabilityRejection(_ yTrue: Double, _ yPred: Double, fromLogits: Bool) -> (input: LossInputError.Input, message: LossMessage) {
    if !yTrue.isFinite { return (.yTrue, "value \(yTrue) is not a finite number") }
    if !(yTrue >= 0 && yTrue <= 1) { return (.yTrue, "target \(yTrue) is outside [0, 1]") }
    if !yPred.isFinite { return (.yPred, "value \(yPred) is not a finite number") }
    return (.yPred, "probability \(yPred) is outside [0, 1] (pass \(parameter: "fromLogits") for raw scores)")
}
