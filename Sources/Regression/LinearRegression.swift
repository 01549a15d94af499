/// Ordinary least squares with an intercept, as scikit-learn's `LinearRegression()`:
/// centre X and y, solve `min ||Xc w - yc||²` (here by Householder QR in Float64; scikit-learn
/// calls LAPACK `gelsd`), then `b = mean(y) - mean(X) · w`.
public struct LinearRegression: LinearModel {
    /// Whether to fit an intercept (scikit-learn's `fit_intercept`).
    public var fitIntercept: Bool
    public private(set) var coefficients: [Double] = []
    public private(set) var intercept: Double = 0

    /// An unfitted model.
    public init(fitIntercept: Bool = true) {
        self.fitIntercept = fitIntercept
    }

    /// Fits by least squares.
    /// - Throws: `RegressionError` for mismatched or non-finite input, and
    ///   `.singularSystem` for collinear (or, with an intercept, constant) columns, where the
    ///   solution is not unique.
    public mutating func fit(x: Matrix, y: [Double]) throws {
        let problem = try CenteredProblem(x: x, y: y, fitIntercept: fitIntercept)
        if fitIntercept {
            for j in 0..<x.columns {
                let first = x[0, j]
                if (0..<x.rows).allSatisfy({ x[$0, j] == first }) {
                    throw RegressionError.singularSystem("column \(j) is constant, so it is collinear with the intercept")
                }
            }
        }
        let w = try LinearSolvers.leastSquares(problem.x, problem.y)
        let b = fitIntercept ? problem.intercept(for: w) : 0
        try CenteredProblem.checkFinite(w, b)
        coefficients = w
        intercept = b
    }
}
