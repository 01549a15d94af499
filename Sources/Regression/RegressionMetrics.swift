/// scikit-learn's regression metrics, plain means of per-sample errors.
public enum RegressionMetrics {
    /// `mean_squared_error(y_true, y_pred)`: mean of `(y - ŷ)²`.
    /// - Throws: `RegressionError.dimensionMismatch` for different lengths,
    ///   `.invalidArgument` for empty input.
    public static func meanSquaredError(_ yTrue: [Double], _ yPred: [Double]) throws -> Double {
        try mean(yTrue, yPred) { d in d * d }
    }

    /// `mean_absolute_error(y_true, y_pred)`: mean of `|y - ŷ|`.
    /// - Throws: as `meanSquaredError`.
    public static func meanAbsoluteError(_ yTrue: [Double], _ yPred: [Double]) throws -> Double {
        try mean(yTrue, yPred) { d in abs(d) }
    }

    private static func mean(_ yTrue: [Double], _ yPred: [Double], _ term: (Double) -> Double) throws -> Double {
        guard yTrue.count == yPred.count else {
            throw RegressionError.dimensionMismatch("\(yTrue.count) targets but \(yPred.count) predictions")
        }
        guard !yTrue.isEmpty else { throw RegressionError.invalidArgument("metrics need at least one sample") }
        var sum = 0.0
        for (t, p) in zip(yTrue, yPred) { sum += term(t - p) }
        return sum / Double(yTrue.count)
    }
}
