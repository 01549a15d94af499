/// Huber loss as the document: with e = y_true - y_pred,
/// l = 0.5 e^2 for |e| <= delta, delta (|e| - 0.5 delta) otherwise.
/// Derivative (in y_pred): -e inside, -delta sign(e) outside.
///
/// `delta` must be positive; `LossOptions.validate(for:)` rejects other values before a command uses it.
public struct HuberLoss: ElementwiseLoss {
    /// Where the quadratic part turns linear (default 1).
    public let delta: Double

    public init(delta: Double = 1) { self.delta = delta }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        let a = abs(e)
        return a <= delta ? 0.5 * (e * e) : delta * (a - 0.5 * delta)
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        return abs(e) <= delta ? -e : -delta * signum(e)
    }
}
