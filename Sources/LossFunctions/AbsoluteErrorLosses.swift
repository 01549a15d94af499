/// Mean absolute error: l = |y_true - y_pred|, dl/dy_pred = sign(y_pred - y_true), 0 at e = 0.
public struct MeanAbsoluteError: ElementwiseLoss {
    public init() {}

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        abs(yTrue - yPred)
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        signum(yPred - yTrue)
    }
}

/// Quantile (pinball) loss, as scikit-learn's `mean_pinball_loss`, with e = y_true - y_pred:
/// l = q * e for e >= 0, (q - 1) * e otherwise. Derivative -q above, 1 - q below, 0 at e = 0.
public struct QuantileLoss: ElementwiseLoss {
    /// The quantile q in (0, 1); 0.5 gives half the MAE.
    public let quantile: Double

    public init(quantile: Double = 0.5) { self.quantile = quantile }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        return e >= 0 ? quantile * e : (quantile - 1) * e
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        if e > 0 { return -quantile }
        if e < 0 { return 1 - quantile }
        return 0
    }
}

/// The document's combined loss: alpha * MSE + (1 - alpha) * MAE, per sample
/// l = alpha * e^2 + (1 - alpha) * |e| with e = y_true - y_pred.
public struct CombinedLoss: ElementwiseLoss {
    /// Share of the squared error (default 0.5).
    public let alpha: Double

    public init(alpha: Double = 0.5) { self.alpha = alpha }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yTrue - yPred
        return alpha * (e * e) + (1 - alpha) * abs(e)
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        let d = yPred - yTrue
        return alpha * 2 * d + (1 - alpha) * signum(d)
    }
}

/// sign(x) with sign(0) = 0: the subgradient chosen at every absolute-value kink.
@inlinable @inline(__always)
func signum(_ x: Double) -> Double {
    x > 0 ? 1 : (x < 0 ? -1 : 0)
}
