/// L2-penalised least squares, as scikit-learn's `Ridge(alpha)` with its dense
/// "cholesky" solver: minimise `||yc - Xc w||² + alpha ||w||²` on centred data, i.e.
/// `w = (XcᵀXc + alpha I)⁻¹ Xcᵀ yc`, then `b = mean(y) - mean(X) · w`.
public struct RidgeRegression: LinearModel {
    /// Penalty strength (scikit-learn's `alpha`), finite and `>= 0`.
    public var alpha: Double
    /// Whether to fit an intercept.
    public var fitIntercept: Bool
    public private(set) var coefficients: [Double] = []
    public private(set) var intercept: Double = 0

    /// An unfitted model; the document uses `alpha = 1`.
    public init(alpha: Double = 1.0, fitIntercept: Bool = true) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
    }

    /// Fits by Cholesky on the regularised normal equations.
    /// - Throws: `RegressionError.invalidArgument` for a negative or non-finite `alpha`,
    ///   `.singularSystem` when `alpha = 0` and the columns are collinear.
    public mutating func fit(x: Matrix, y: [Double]) throws {
        guard alpha.isFinite, alpha >= 0 else {
            throw RegressionError.invalidArgument("ridge alpha must be finite and >= 0, got \(alpha)")
        }
        let problem = try CenteredProblem(x: x, y: y, fitIntercept: fitIntercept)
        var a = problem.x.gram
        for j in 0..<a.rows { a[j, j] += alpha }
        let w = try LinearSolvers.choleskySolve(a, problem.x.transposeMultiplying(problem.y))
        let b = fitIntercept ? problem.intercept(for: w) : 0
        try CenteredProblem.checkFinite(w, b)
        coefficients = w
        intercept = b
    }
}
