import LossFunctions

/// scikit-learn's regression metrics, computed by the project's own losses (one definition of
/// MSE and MAE in the whole project).
public enum RegressionMetrics {
    /// `mean_squared_error(y_true, y_pred)`: mean of `(y - ŷ)²`.
    /// - Throws: `RegressionError.dimensionMismatch` for different lengths,
    ///   `.invalidArgument` for empty or non-finite input.
    public static func meanSquaredError(_ yTrue: [Double], _ yPred: [Double]) throws -> Double {
        try mean(MeanSquaredError(), yTrue, yPred)
    }

    /// `mean_absolute_error(y_true, y_pred)`: mean of `|y - ŷ|`.
    /// - Throws: as `meanSquaredError`.
    public static func meanAbsoluteError(_ yTrue: [Double], _ yPred: [Double]) throws -> Double {
        try mean(MeanAbsoluteError(), yTrue, yPred)
    }

    private static func mean(_ loss: some ElementwiseLoss, _ yTrue: [Double], _ yPred: [Double]) throws -> Double {
        guard yTrue.count == yPred.count else {
            throw RegressionError.dimensionMismatch("\(yTrue.count) targets but \(yPred.count) predictions")
        }
        guard !yTrue.isEmpty else { throw RegressionError.invalidArgument("metrics need at least one sample") }
        do {
            return try loss.evaluate(yTrue: yTrue, yPred: yPred, gradient: false).value
        } catch {
            throw RegressionError.invalidArgument("metric: \(error.message)")
        }
    }
}
