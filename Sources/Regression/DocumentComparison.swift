import Foundation

/// One model of the document's comparison, fitted on the training split and scored on
/// the test split.
public struct ModelScore: Sendable, Equatable {
    /// The document's label, e.g. "Ridge (MSE + L2)".
    public var name: String
    /// Fitted slope(s).
    public var coefficients: [Double]
    /// Fitted intercept.
    public var intercept: Double
    /// `mean_squared_error(y_test, y_pred)`.
    public var testMSE: Double
    /// `mean_absolute_error(y_test, y_pred)`.
    public var testMAE: Double
    /// Test MSE over the test points that are not outliers.
    public var cleanTestMSE: Double
    /// Test MAE over the test points that are not outliers.
    public var cleanTestMAE: Double
}

/// The document's own comparison ("Реальний приклад: Порівняння Loss Functions"):
/// `LinearRegression()`, `Ridge(alpha=1.0)` and `Lasso(alpha=1.0)` on its dataset, and
/// the text its Python prints.
public enum DocumentComparison {
    /// Fits the three models in the document's order and scores them on the test split.
    public static func scores(for data: OutlierRegressionData) throws -> [ModelScore] {
        let models: [(String, any LinearModel)] = [
            ("Linear (MSE)", LinearRegression()),
            ("Ridge (MSE + L2)", RidgeRegression(alpha: 1.0)),
            ("Lasso (MSE + L1)", LassoRegression(alpha: 1.0)),
        ]
        return try models.map { name, model in
            var fitted = model
            try fitted.fit(x: data.xTrain, y: data.yTrain)
            let predicted = try fitted.predict(data.xTest)
            let clean = data.cleanTestPositions
            let cleanTrue = clean.map { data.yTest[$0] }, cleanPred = clean.map { predicted[$0] }
            return ModelScore(
                name: name, coefficients: fitted.coefficients, intercept: fitted.intercept,
                testMSE: try RegressionMetrics.meanSquaredError(data.yTest, predicted),
                testMAE: try RegressionMetrics.meanAbsoluteError(data.yTest, predicted),
                cleanTestMSE: try RegressionMetrics.meanSquaredError(cleanTrue, cleanPred),
                cleanTestMAE: try RegressionMetrics.meanAbsoluteError(cleanTrue, cleanPred))
        }
    }

    /// What the document's code block prints, with `scores` in place of its `results`
    /// (Python's `f"{x:.2f}"` and `%.2f` round the same binary value the same way).
    public static func printedOutput(_ scores: [ModelScore]) -> String {
        let rule = String(repeating: "=", count: 70)
        var lines = [rule, "COMPARING LOSS FUNCTIONS FOR REGRESSION", rule]
        for score in scores {
            lines += ["", "\(score.name):",
                      "  MSE: " + String(format: "%.2f", score.testMSE),
                      "  MAE: " + String(format: "%.2f", score.testMAE)]
        }
        lines += ["", rule, "Висновок:", "MSE (Linear) сильно страждає від outliers",
                  "L1 regularization (Lasso) більш robust", rule]
        return lines.joined(separator: "\n") + "\n"
    }
}
