import LossFunctions

/// How a robust line fit reached its answer and how good that answer is.
public struct RobustFitConvergence: Sendable, Equatable {
    /// The algorithm that ran.
    public enum Method: String, Sendable {
        /// Iteratively reweighted least squares with weights `ψ(r)/r = -termDerivative/r`.
        case irls
        /// Exhaustive search over the lines through two samples (exact for piecewise-linear losses).
        case vertexSearch = "vertex search"
    }
    /// The algorithm used.
    public var method: Method
    /// IRLS steps, or candidate lines examined by the vertex search.
    public var iterations: Int
    /// Mean training loss `F(b, w)` at the answer.
    public var objective: Double
    /// Norm of the gradient `(1/n) Σ termDerivative(yᵢ, ŷᵢ) (1, xᵢ)` at the answer, as the
    /// loss defines it (at kinks its chosen subgradient, 0).
    public var gradientNorm: Double
    /// Distance from 0 to the subdifferential of `F` at the answer: the gradient norm for a
    /// smooth loss, and the exact first-order optimality measure for MAE / quantile.
    public var optimalityGap: Double
    /// `optimalityGap <= tolerance`.
    public var converged: Bool
}

/// A straight line `ŷ = b + w x` fitted by minimising the mean of any `ElementwiseLoss`
/// from `LossFunctions`, using only its `term` and `termDerivative`.
///
/// - Smooth losses (MSE, Huber, log-cosh): IRLS. With `r = y - ŷ`, the loss's derivative gives
///   `ψ(r) = -termDerivative(y, ŷ)` and each step solves weighted least squares with
///   `wᵢ = ψ(rᵢ)/rᵢ` (residuals floored at `residualFloor` in size). For losses with
///   `ψ(r)/r` non-increasing in `|r|` (all of these) each step is a majorise-minimise step,
///   so the mean loss never increases. It stops when the gradient norm is below `tolerance`.
/// - Piecewise-linear losses (`PiecewiseLinearLoss`: MAE, quantile): the vertex search over all
///   `n(n-1)/2` lines through two samples (O(n³), fine for the document's 70 points), which is
///   exact; optimality is then certified by `optimalityGap` (0 ∈ ∂F).
///
/// One feature only: the exact vertex search and the exact subdifferential distance are
/// written for a line.
public struct RobustLinearRegression<Loss: ElementwiseLoss>: LinearModel {
    /// The loss whose mean is minimised.
    public var loss: Loss
    /// Stop (and call the fit converged) when the optimality gap is at most this.
    public var tolerance: Double
    /// Largest number of IRLS steps.
    public var maxIterations: Int
    /// Smallest residual size used in the IRLS weights (keeps `ψ(r)/r` finite).
    public var residualFloor: Double
    public private(set) var coefficients: [Double] = []
    public private(set) var intercept: Double = 0
    /// How the last `fit` went; nil before `fit`.
    public private(set) var convergence: RobustFitConvergence?

    /// An unfitted line for `loss`.
    public init(loss: Loss, tolerance: Double = 1e-9, maxIterations: Int = 10_000,
                residualFloor: Double = 1e-12) {
        self.loss = loss
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.residualFloor = residualFloor
    }

    /// Fits the line to a one-column `x`.
    /// - Throws: `RegressionError.dimensionMismatch` unless `x` has one column and as many rows
    ///   as `y`; `.invalidArgument` for fewer than two samples, all-equal `x`, or bad settings;
    ///   `.nonFiniteInput` for NaN or infinity.
    public mutating func fit(x: Matrix, y: [Double]) throws {
        guard x.columns == 1 else {
            throw RegressionError.dimensionMismatch("a robust line needs exactly one feature, got \(x.columns)")
        }
        try fit(x: x.column(0), y: y)
    }

    /// Fits the line to samples `(xᵢ, yᵢ)`.
    public mutating func fit(x: [Double], y: [Double]) throws {
        guard x.count == y.count else {
            throw RegressionError.dimensionMismatch("\(x.count) samples in x but \(y.count) targets")
        }
        guard x.count >= 2 else { throw RegressionError.invalidArgument("a line needs at least two samples") }
        guard x.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite }) else {
            throw RegressionError.nonFiniteInput("x and y must be finite")
        }
        guard let first = x.first, x.contains(where: { $0 != first }) else {
            throw RegressionError.invalidArgument("all x are equal, so the slope is undetermined")
        }
        guard tolerance.isFinite, tolerance >= 0, maxIterations >= 1,
              residualFloor.isFinite, residualFloor > 0 else {
            throw RegressionError.invalidArgument("robust fit needs tolerance >= 0, maxIterations >= 1, residualFloor > 0")
        }
        guard x.reduce(0, { $0 + $1 * $1 }).isFinite, y.reduce(0, { $0 + $1 * $1 }).isFinite else {
            throw RegressionError.nonFiniteInput("x or y too large in magnitude: their squares overflow")
        }
        let objective = LineObjective(loss: loss, x: x, y: y)
        let (b, w, iterations, method): (Double, Double, Int, RobustFitConvergence.Method)
        if loss is any PiecewiseLinearLoss {
            (b, w, iterations) = Self.vertexSearch(objective)
            method = .vertexSearch
        } else {
            (b, w, iterations) = try irls(objective)
            method = .irls
        }
        try CenteredProblem.checkFinite([w], b)
        let gradient = objective.gradient(intercept: b, slope: w)
        let gap = objective.subdifferentialDistance(intercept: b, slope: w)
        coefficients = [w]
        intercept = b
        convergence = RobustFitConvergence(
            method: method, iterations: iterations,
            objective: objective.value(intercept: b, slope: w),
            gradientNorm: (gradient.0 * gradient.0 + gradient.1 * gradient.1).squareRoot(),
            optimalityGap: gap, converged: gap <= tolerance)
    }

    /// IRLS from the least-squares line.
    private func irls(_ objective: LineObjective<Loss>) throws -> (Double, Double, Int) {
        let x = objective.x, y = objective.y
        let unit = [Double](repeating: 1, count: x.count)
        var (b, w) = try Self.weightedLine(x: x, y: y, weights: unit)
        var iterations = 0
        while iterations < maxIterations {
            if objective.subdifferentialDistance(intercept: b, slope: w) <= tolerance { break }
            var weights = [Double](repeating: 0, count: x.count)
            for i in x.indices {
                let r = y[i] - (b + w * x[i])
                let size = max(abs(r), residualFloor)
                let signed = r < 0 ? -size : size
                // ψ(r)/r with ψ(r) = -d loss/d ŷ at ŷ = y - r.
                let weight = -loss.termDerivative(y[i], y[i] - signed) / signed
                weights[i] = weight.isFinite ? max(weight, 0) : 0
            }
            let previous = objective.value(intercept: b, slope: w)
            guard let next = try? Self.weightedLine(x: x, y: y, weights: weights) else { break }
            iterations += 1
            let value = objective.value(intercept: next.0, slope: next.1)
            // A majorise-minimise step cannot increase F beyond rounding; if it does, or the
            // step no longer moves the line (a fixed point), stop.
            let roundingMargin = 1e-12 * (abs(previous) + 1)
            if !(value <= previous + roundingMargin) || next == (b, w) { break }
            (b, w) = next
        }
        return (b, w, iterations)
    }

    /// Weighted least squares for `(b, w)`: the 2x2 normal equations on weighted-centred data.
    static func weightedLine(x: [Double], y: [Double], weights: [Double]) throws -> (Double, Double) {
        var sw = 0.0, sx = 0.0, sy = 0.0
        for i in x.indices {
            sw += weights[i]
            sx += weights[i] * x[i]
            sy += weights[i] * y[i]
        }
        guard sw > 0 else { throw RegressionError.singularSystem("all IRLS weights are zero") }
        let mx = sx / sw, my = sy / sw
        var sxx = 0.0, sxy = 0.0
        for i in x.indices {
            let dx = x[i] - mx
            sxx += weights[i] * dx * dx
            sxy += weights[i] * dx * (y[i] - my)
        }
        guard sxx > 0, sxx.isFinite else { throw RegressionError.singularSystem("weighted x has no spread") }
        let w = sxy / sxx
        return (my - w * mx, w)
    }

    /// The best of all lines through two samples with different x.
    static func vertexSearch(_ objective: LineObjective<Loss>) -> (Double, Double, Int) {
        let x = objective.x, y = objective.y
        var best = (b: 0.0, w: 0.0, value: Double.infinity)
        var examined = 0
        for i in x.indices {
            for j in (i + 1)..<max(x.count, i + 1) where x[j] != x[i] {
                let w = (y[j] - y[i]) / (x[j] - x[i])
                let b = y[i] - w * x[i]
                guard w.isFinite, b.isFinite else { continue }
                examined += 1
                let value = objective.value(intercept: b, slope: w)
                if value < best.value { best = (b, w, value) }
            }
        }
        return (best.b, best.w, examined)
    }
}
