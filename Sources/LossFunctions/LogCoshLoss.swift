#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Log-cosh loss as the document: l = log(cosh(y_pred - y_true)), derivative tanh(y_pred - y_true).
///
/// The document's `np.log(np.cosh(e))` overflows for |e| > 710; beyond `LogCoshLoss.directLimit`
/// the exact identity log cosh x = |x| + log1p(exp(-2|x|)) - log 2 is used instead.
public struct LogCoshLoss: ElementwiseLoss {
    /// Largest |e| computed with the document's log(cosh(e)); cosh overflows just past 710.
    public static let directLimit = 700.0

    public init() {}

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let e = yPred - yTrue
        let a = abs(e)
        if a <= LogCoshLoss.directLimit { return log(cosh(e)) }
        return a + log1p(exp(-2 * a)) - M_LN2
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        tanh(yPred - yTrue)
    }
}
