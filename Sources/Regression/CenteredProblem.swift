/// Checked, centred training data for the linear models, as scikit-learn's
/// `_preprocess_data` makes it: `X - mean(X)`, `y - mean(y)` when fitting an intercept,
/// then `intercept = mean(y) - mean(X) · coef`.
struct CenteredProblem {
    let x: Matrix
    let y: [Double]
    let xMeans: [Double]
    let yMean: Double

    init(x: Matrix, y: [Double], fitIntercept: Bool) throws {
        guard x.rows == y.count else {
            throw RegressionError.dimensionMismatch("\(x.rows) samples in X but \(y.count) targets")
        }
        guard x.rows > 0, x.columns > 0 else {
            throw RegressionError.invalidArgument("need at least one sample and one feature")
        }
        guard x.isFinite, y.allSatisfy({ $0.isFinite }) else {
            throw RegressionError.nonFiniteInput("X and y must be finite")
        }
        if fitIntercept {
            let means = x.columnMeans
            let mean = y.reduce(0, +) / Double(y.count)
            xMeans = means
            yMean = mean
            self.x = x.subtractingFromRows(means)
            self.y = y.map { $0 - mean }
        } else {
            xMeans = [Double](repeating: 0, count: x.columns)
            yMean = 0
            self.x = x
            self.y = y
        }
        // Squared sums must be representable, or every solver below would overflow.
        guard self.x.gram.values.allSatisfy({ $0.isFinite }),
              self.y.reduce(0, { $0 + $1 * $1 }).isFinite else {
            throw RegressionError.nonFiniteInput("X or y too large in magnitude: their squares overflow")
        }
    }

    /// Throws unless every fitted number is finite (huge inputs can overflow the sums).
    static func checkFinite(_ coefficients: [Double], _ intercept: Double) throws {
        guard intercept.isFinite, coefficients.allSatisfy({ $0.isFinite }) else {
            throw RegressionError.nonFiniteInput("the fit overflowed: inputs too large in magnitude")
        }
    }

    /// `mean(y) - mean(X) · coef` (zero without an intercept, where the means are zero).
    func intercept(for coefficients: [Double]) -> Double {
        var dot = 0.0
        for (m, w) in zip(xMeans, coefficients) { dot += m * w }
        return yMean - dot
    }
}
