/// Mean squared error: l = (y_true - y_pred)^2, dl/dy_pred = 2 (y_pred - y_true).
public struct MeanSquaredError: ElementwiseLoss {
    public init() {}

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        return e * e
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        2 * (yPred - yTrue)
    }
}

/// The document's custom Keras loss: MSE + lambda * mean(y_pred^2), per sample
/// l = (y_true - y_pred)^2 + lambda * y_pred^2.
public struct MSEWithPenalty: ElementwiseLoss {
    /// Weight of the penalty on large predictions (default 0.1, as the document).
    public let lambda: Double

    public init(lambda: Double = 0.1) { self.lambda = lambda }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        return e * e + lambda * (yPred * yPred)
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        2 * (yPred - yTrue) + 2 * lambda * yPred
    }
}
