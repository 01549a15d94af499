/// A fitted (or not yet fitted) linear model `y ≈ X w + b`, the common face of
/// `LinearRegression`, `RidgeRegression`, `LassoRegression` and the robust line fits.
public protocol LinearModel: Sendable {
    /// The weights `w`, one per feature; empty before `fit`.
    var coefficients: [Double] { get }
    /// The intercept `b` (zero when the model fits none).
    var intercept: Double { get }
    /// Fits the model to rows of `x` and targets `y`.
    mutating func fit(x: Matrix, y: [Double]) throws
}

extension LinearModel {
    /// `X w + b` for each row of `x`.
    /// - Throws: `RegressionError.notFitted` before `fit`, `.dimensionMismatch` when the
    ///   number of columns differs from the fitted coefficients.
    public func predict(_ x: Matrix) throws -> [Double] {
        guard !coefficients.isEmpty else { throw RegressionError.notFitted }
        return try x.multiplying(coefficients).map { $0 + intercept }
    }

    /// Predictions for one-feature inputs (`x.reshape(-1, 1)`).
    public func predict(_ x: [Double]) throws -> [Double] {
        try predict(Matrix(column: x))
    }
}
