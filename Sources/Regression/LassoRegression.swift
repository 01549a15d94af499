/// L1-penalised least squares, as scikit-learn's `Lasso(alpha)`: minimise
/// `(1 / (2n)) ||yc - Xc w||² + alpha ||w||₁` on centred data by cyclic coordinate descent,
/// ported from `enet_coordinate_descent` in `sklearn/linear_model/_cd_fast.pyx` (scikit-learn
/// 1.9, dense, `precompute=False`, `selection="cyclic"`, gap-safe screening on, `beta = 0`).
///
/// The solver works with the objective multiplied by `n`: `l1 = alpha * n`. After each sweep
/// whose largest coefficient change is at most `tolerance` times the largest coefficient
/// (or when every coefficient is zero, or on the last sweep), it computes the duality gap
/// and stops when `gap <= tolerance * ||yc||²`.
public struct LassoRegression: LinearModel {
    /// Penalty strength (scikit-learn's `alpha`), finite and `>= 0`.
    public var alpha: Double
    /// Maximum number of coordinate sweeps (scikit-learn's `max_iter`).
    public var maxIterations: Int
    /// Stopping tolerance (scikit-learn's `tol`).
    public var tolerance: Double
    /// Whether to fit an intercept.
    public var fitIntercept: Bool
    public private(set) var coefficients: [Double] = []
    public private(set) var intercept: Double = 0
    /// Sweeps run (scikit-learn's `n_iter_`).
    public private(set) var iterations: Int = 0
    /// Final duality gap of the `1/(2n)` objective (scikit-learn's `dual_gap_`).
    public private(set) var dualGap: Double = .infinity
    /// Whether the gap criterion was met within `maxIterations`.
    public private(set) var converged: Bool = false

    /// An unfitted model with scikit-learn's defaults; the document uses `alpha = 1`.
    public init(alpha: Double = 1.0, maxIterations: Int = 1000, tolerance: Double = 1e-4,
                fitIntercept: Bool = true) {
        self.alpha = alpha
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.fitIntercept = fitIntercept
    }

    /// Fits by coordinate descent from `w = 0`.
    /// - Throws: `RegressionError.invalidArgument` for a negative or non-finite `alpha` or
    ///   `tolerance`, or `maxIterations < 1`; the usual shape and finiteness errors.
    public mutating func fit(x: Matrix, y: [Double]) throws {
        guard alpha.isFinite, alpha >= 0 else {
            throw RegressionError.invalidArgument("lasso alpha must be finite and >= 0, got \(alpha)")
        }
        guard tolerance.isFinite, tolerance >= 0, maxIterations >= 1 else {
            throw RegressionError.invalidArgument("lasso needs tolerance >= 0 and maxIterations >= 1")
        }
        let problem = try CenteredProblem(x: x, y: y, fitIntercept: fitIntercept)
        let n = Double(problem.x.rows)
        let result = Self.coordinateDescent(
            x: problem.x, y: problem.y, l1: alpha * n,
            maxIterations: maxIterations, tolerance: tolerance)
        let b = fitIntercept ? problem.intercept(for: result.w) : 0
        try CenteredProblem.checkFinite(result.w, b)
        coefficients = result.w
        intercept = b
        iterations = result.iterations
        dualGap = result.gap / n
        converged = result.converged
    }

    struct Result {
        var w: [Double]
        var gap: Double
        var iterations: Int
        var converged: Bool
    }

    /// `enet_coordinate_descent` with `beta = 0`, `positive = false`, `random = false`.
    static func coordinateDescent(x: Matrix, y: [Double], l1 alpha: Double,
                                  maxIterations: Int, tolerance tol0: Double) -> Result {
        let nSamples = x.rows, nFeatures = x.columns
        // Column-major copy: each coordinate step reads one column.
        let columns = (0..<nFeatures).map { x.column($0) }
        let norm2 = columns.map { dot($0, $0) }
        var w = [Double](repeating: 0, count: nFeatures)
        var residual = y  // R = y - X w with w = 0
        let tol = tol0 * dot(y, y)
        let dWTol = tol0
        let doScreening = alpha != 0

        var (gap, dualNorm, xtA) = dualityGap(columns: columns, w: w, alpha: alpha, y: y, residual: residual)
        if gap <= tol { return Result(w: w, gap: gap, iterations: 0, converged: true) }

        var active = Array(0..<nFeatures)
        var excluded = [Bool](repeating: false, count: nFeatures)
        func screen() {
            var kept: [Int] = []
            for j in 0..<nFeatures {
                if excluded[j] { continue }
                if norm2[j] == 0 {
                    w[j] = 0
                    excluded[j] = true
                    continue
                }
                let xjTheta = xtA[j] / Swift.max(alpha, dualNorm)
                let dj = (1 - abs(xjTheta)) / norm2[j].squareRoot()
                if dj <= (2 * gap).squareRoot() / alpha {
                    kept.append(j)
                } else {
                    if w[j] != 0 {
                        for i in 0..<nSamples { residual[i] += w[j] * columns[j][i] }
                        w[j] = 0
                    }
                    excluded[j] = true
                }
            }
            active = kept
        }
        if doScreening { screen() }

        var iteration = 0
        var converged = false
        while iteration < maxIterations {
            var wMax = 0.0, dWMax = 0.0
            for j in active {
                if norm2[j] == 0 { continue }
                let wj = w[j]
                let tmp = dot(columns[j], residual) + wj * norm2[j]
                let sign: Double = tmp > 0 ? 1 : (tmp < 0 ? -1 : 0)
                w[j] = sign * Swift.max(abs(tmp) - alpha, 0) / norm2[j]
                if w[j] != wj {
                    let step = wj - w[j]
                    for i in 0..<nSamples { residual[i] += step * columns[j][i] }
                }
                dWMax = Swift.max(dWMax, abs(w[j] - wj))
                wMax = Swift.max(wMax, abs(w[j]))
            }
            if wMax == 0 || dWMax / wMax <= dWTol || iteration == maxIterations - 1 {
                (gap, dualNorm, xtA) = dualityGap(columns: columns, w: w, alpha: alpha, y: y, residual: residual)
                if gap <= tol {
                    converged = true
                    break
                }
                if doScreening { screen() }
            }
            iteration += 1
        }
        // scikit-learn reports n_iter + 1 for the loop variable it stopped at.
        let sweeps = converged ? iteration + 1 : maxIterations
        return Result(w: w, gap: gap, iterations: sweeps, converged: converged)
    }

    /// `gap_enet` with `beta = 0`: formulation A of the duality gap for `alpha > 0`, the
    /// first-order condition `||XᵀR||²` for `alpha = 0`. Returns the gap, the dual norm of
    /// `XᵀR` and `XᵀR` itself.
    static func dualityGap(columns: [[Double]], w: [Double], alpha: Double, y: [Double],
                           residual: [Double]) -> (Double, Double, [Double]) {
        let rNorm2 = dot(residual, residual)
        let xtA = columns.map { dot($0, residual) }
        if alpha == 0 {
            let norm = dot(xtA, xtA)
            return (norm, norm, xtA)
        }
        let ry = dot(residual, y)
        let dualNorm = xtA.reduce(0) { Swift.max($0, abs($1)) }
        let wL1 = w.reduce(0) { $0 + abs($1) }
        let primal = 0.5 * rNorm2 + alpha * wL1
        let scale = dualNorm > alpha ? alpha / dualNorm : 1.0
        let dual = -0.5 * scale * scale * rNorm2 + scale * ry
        return (primal - dual, dualNorm, xtA)
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<Swift.min(a.count, b.count) { sum += a[i] * b[i] }
        return sum
    }
}
