#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binary focal loss (Lin et al.) for labels y in {0, 1}, as the document and torchvision's
/// `sigmoid_focal_loss`: l = alpha_t (1 - p_t)^gamma CE, with p_t = p for y = 1 and 1 - p for y = 0,
/// alpha_t = alpha for y = 1 and 1 - alpha for y = 0 (alpha nil: no balancing, alpha_t = 1).
///
/// On probabilities, p is clipped to [epsilon, 1 - epsilon] as the document, and the derivative is the
/// formula's at the clipped value (as for `BinaryCrossEntropy`). With `fromLogits` it is computed in log
/// space: with s = z for y = 1 and -z for y = 0, (1 - p_t)^gamma = exp(-gamma softplus(s)) and
/// CE = softplus(-s), finite for logits of any size.
public struct FocalLoss: ElementwiseLoss {
    /// Focusing parameter (default 2).
    public let gamma: Double
    /// Balancing weight of the positive class (default 0.25); nil for none.
    public let alpha: Double?
    /// Clip for probabilities (default 1e-15).
    public let epsilon: Double
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool

    public init(gamma: Double = 2, alpha: Double? = 0.25, epsilon: Double = 1e-15, fromLogits: Bool = false) {
        self.gamma = gamma
        self.alpha = alpha
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    @inlinable func alphaT(_ positive: Bool) -> Double {
        guard let alpha else { return 1 }
        return positive ? alpha : 1 - alpha
    }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        termAndDerivative(yTrue, yPred).term
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        termAndDerivative(yTrue, yPred).derivative
    }

    @inlinable
    public func termAndDerivative(_ yTrue: Double, _ yPred: Double) -> (term: Double, derivative: Double) {
        let positive = yTrue == 1
        let a = alphaT(positive)
        if fromLogits {
            let t = positive ? 1.0 : -1.0
            let s = t * yPred
            let modulator = exp(-gamma * StableMath.softplus(s))   // (1 - p_t)^gamma
            let ce = StableMath.softplus(-s)
            let dS = modulator * (-gamma * StableMath.sigmoid(s) * ce - StableMath.sigmoid(-s))
            return (a * modulator * ce, t * a * dS)
        }
        let p = min(max(yPred, epsilon), 1 - epsilon)
        if positive {
            let q = 1 - p
            let ce = -log(p)
            let term = a * pow(q, gamma) * ce
            let d = a * (gamma * pow(q, gamma - 1) * log(p) - pow(q, gamma) / p)
            return (term, gamma == 0 ? -a / p : d)
        }
        let ce = -log(1 - p)
        let term = a * pow(p, gamma) * ce
        let d = a * (-gamma * pow(p, gamma - 1) * log(1 - p) + pow(p, gamma) / (1 - p))
        return (term, gamma == 0 ? a / (1 - p) : d)
    }

    @inlinable public func accepts(_ yTrue: Double, _ yPred: Double) -> Bool {
        (yTrue == 0 || yTrue == 1) && yPred.isFinite && (fromLogits || (yPred >= 0 && yPred <= 1))
    }

    public func rejectionReason(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage) {
        if yTrue.isFinite && !(yTrue == 0 || yTrue == 1) { return (.yTrue, "label \(yTrue) is not 0 or 1") }
        return probabilityRejection(yTrue, yPred, fromLogits: fromLogits)
    }
}
