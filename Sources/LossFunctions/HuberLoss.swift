/// Huber loss as the document: with e = y_true - y_pred,
/// l = 0.5 e^2 for |e| <= delta, delta (|e| - 0.5 delta) otherwise.
/// Derivative (in y_pred): -e inside, -delta sign(e) outside.
///
/// `delta` must be positive; `LossOptions.validate(for:)` rejects other values before a command uses it.
public struct HuberLoss: ElementwiseLoss {
    /// Where the quadratic part turns linear (default 1).
    public let delta: Double

    public init(delta: Double = 1) { self.delta = delta }

    // Branch-free forms with q = min(|e|, delta): q (|e| - 0.5 q) is 0.5 e^2 inside and
    // delta (|e| - 0.5 delta) outside, bit for bit; the derivative is -e clamped to [-delta, delta].
    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let a = abs(yTrue - yPred)
        let q = min(a, delta)
        return q * (a - 0.5 * q)
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        return -min(max(e, -delta), delta)
    }
}
