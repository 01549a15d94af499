/// Dense solvers for the small systems of the linear models: Cholesky for the
/// symmetric positive-definite normal equations of ridge regression, Householder QR for
/// least squares. All in Float64.
enum LinearSolvers {
    /// Solves `A x = b` for symmetric positive-definite `A` by Cholesky (`A = L Lᵀ`).
    /// - Throws: `RegressionError.singularSystem` when `A` is not numerically positive definite.
    static func choleskySolve(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        let n = a.rows
        guard a.columns == n, b.count == n else {
            throw RegressionError.dimensionMismatch("Cholesky needs a square system")
        }
        var l = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var diagonal = a[j, j]
            for k in 0..<j { diagonal -= l[j, k] * l[j, k] }
            guard diagonal > 0, diagonal.isFinite else {
                throw RegressionError.singularSystem("matrix is not positive definite (pivot \(j))")
            }
            let root = diagonal.squareRoot()
            l[j, j] = root
            for i in (j + 1)..<max(n, j + 1) {
                var sum = a[i, j]
                for k in 0..<j { sum -= l[i, k] * l[j, k] }
                l[i, j] = sum / root
            }
        }
        // L z = b, then Lᵀ x = z.
        var z = b
        for i in 0..<n {
            var sum = z[i]
            for k in 0..<i { sum -= l[i, k] * z[k] }
            z[i] = sum / l[i, i]
        }
        var x = z
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<max(n, i + 1) { sum -= l[k, i] * x[k] }
            x[i] = sum / l[i, i]
        }
        return x
    }

    /// Least squares `min ||A x - b||` by Householder QR, for `rows >= columns` and full
    /// column rank.
    /// - Throws: `RegressionError.singularSystem` when a column is (numerically) dependent on
    ///   the others, `RegressionError.dimensionMismatch` for fewer rows than columns.
    static func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        let m = a.rows, n = a.columns
        guard b.count == m else { throw RegressionError.dimensionMismatch("\(m) rows but \(b.count) targets") }
        guard m >= n else {
            throw RegressionError.dimensionMismatch("least squares needs at least as many samples (\(m)) as features (\(n))")
        }
        var r = a
        var qtb = b
        // Scale for the rank test: the largest column norm of A.
        var scale = 0.0
        for j in 0..<n {
            var norm2 = 0.0
            for i in 0..<m { norm2 += a[i, j] * a[i, j] }
            scale = max(scale, norm2.squareRoot())
        }
        let tolerance = 1e-12 * scale
        for k in 0..<n {
            var norm = 0.0
            for i in k..<m { norm += r[i, k] * r[i, k] }
            norm = norm.squareRoot()
            guard norm > tolerance, norm.isFinite else {
                throw RegressionError.singularSystem("column \(k) is linearly dependent on the others")
            }
            let alpha = r[k, k] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m)
            for i in k..<m { v[i] = r[i, k] }
            v[k] -= alpha
            var vNorm2 = 0.0
            for i in k..<m { vNorm2 += v[i] * v[i] }
            if vNorm2 > 0 {
                for j in k..<n {
                    var dot = 0.0
                    for i in k..<m { dot += v[i] * r[i, j] }
                    let factor = 2 * dot / vNorm2
                    for i in k..<m { r[i, j] -= factor * v[i] }
                }
                var dot = 0.0
                for i in k..<m { dot += v[i] * qtb[i] }
                let factor = 2 * dot / vNorm2
                for i in k..<m { qtb[i] -= factor * v[i] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = qtb[i]
            for k in (i + 1)..<max(n, i + 1) { sum -= r[i, k] * x[k] }
            x[i] = sum / r[i, i]
        }
        return x
    }
}
