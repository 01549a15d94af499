/// A dense row-major matrix of `Double`: the design matrix `X` of the regression code
/// (rows are samples, columns are features). Deliberately small: only what the fitters need.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (samples).
    public let rows: Int
    /// Number of columns (features).
    public let columns: Int
    /// Row-major storage, `rows * columns` values.
    public private(set) var values: [Double]

    /// A matrix filled with one value. Negative sizes are treated as zero.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.values = [Double](repeating: value, count: self.rows * self.columns)
    }

    /// A matrix from row-major values.
    /// - Throws: `RegressionError.dimensionMismatch` when the count is not `rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) throws {
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw RegressionError.dimensionMismatch(
                "\(values.count) values for a \(rows)x\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from its rows.
    /// - Throws: `RegressionError.dimensionMismatch` for ragged rows.
    public init(rowArrays: [[Double]]) throws {
        let width = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == width }) else {
            throw RegressionError.dimensionMismatch("rows of different lengths")
        }
        try self.init(rows: rowArrays.count, columns: width, values: rowArrays.flatMap { $0 })
    }

    /// A one-column matrix (`x.reshape(-1, 1)`).
    public init(column: [Double]) {
        rows = column.count
        columns = 1
        values = column
    }

    /// Element access; indices must be in range (programmer error otherwise).
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One row as an array.
    public func row(_ index: Int) -> [Double] {
        Array(values[(index * columns)..<((index + 1) * columns)])
    }

    /// One column as an array.
    public func column(_ index: Int) -> [Double] {
        (0..<rows).map { self[$0, index] }
    }

    /// The rows at the given indices, in that order (`X[indices]`).
    /// - Throws: `RegressionError.invalidArgument` for an index out of range.
    public func selectingRows(_ indices: [Int]) throws -> Matrix {
        guard indices.allSatisfy({ (0..<rows).contains($0) }) else {
            throw RegressionError.invalidArgument("row index out of range 0..<\(rows)")
        }
        var out: [Double] = []
        out.reserveCapacity(indices.count * columns)
        for index in indices { out.append(contentsOf: values[(index * columns)..<((index + 1) * columns)]) }
        return Matrix(unchecked: indices.count, columns, out)
    }

    /// The columns at the given indices, in that order (`X[:, indices]`).
    /// - Throws: `RegressionError.invalidArgument` for an index out of range.
    public func selectingColumns(_ indices: [Int]) throws -> Matrix {
        guard indices.allSatisfy({ (0..<columns).contains($0) }) else {
            throw RegressionError.invalidArgument("column index out of range 0..<\(columns)")
        }
        var out: [Double] = []
        out.reserveCapacity(rows * indices.count)
        for r in 0..<rows { for c in indices { out.append(self[r, c]) } }
        return Matrix(unchecked: rows, indices.count, out)
    }

    /// Column means (`X.mean(axis=0)`); zeros for an empty matrix.
    public var columnMeans: [Double] {
        guard rows > 0 else { return [Double](repeating: 0, count: columns) }
        var sums = [Double](repeating: 0, count: columns)
        for r in 0..<rows { for c in 0..<columns { sums[c] += self[r, c] } }
        return sums.map { $0 / Double(rows) }
    }

    /// `X - means` row by row.
    func subtractingFromRows(_ means: [Double]) -> Matrix {
        var out = self
        for r in 0..<rows { for c in 0..<columns { out[r, c] -= means[c] } }
        return out
    }

    /// `X @ v` for a vector of length `columns`.
    /// - Throws: `RegressionError.dimensionMismatch` when the length differs.
    public func multiplying(_ vector: [Double]) throws -> [Double] {
        guard vector.count == columns else {
            throw RegressionError.dimensionMismatch("\(columns) columns but a vector of \(vector.count)")
        }
        return (0..<rows).map { r in
            var sum = 0.0
            for c in 0..<columns { sum += self[r, c] * vector[c] }
            return sum
        }
    }

    /// `Xᵀ X` (columns x columns).
    var gram: Matrix {
        var out = Matrix(rows: columns, columns: columns)
        for i in 0..<columns {
            for j in i..<columns {
                var sum = 0.0
                for r in 0..<rows { sum += self[r, i] * self[r, j] }
                out[i, j] = sum
                out[j, i] = sum
            }
        }
        return out
    }

    /// `Xᵀ v` for a vector of length `rows`.
    func transposeMultiplying(_ vector: [Double]) -> [Double] {
        (0..<columns).map { c in
            var sum = 0.0
            for r in 0..<rows { sum += self[r, c] * vector[r] }
            return sum
        }
    }

    /// True when every entry is finite.
    public var isFinite: Bool { values.allSatisfy { $0.isFinite } }

    private init(unchecked rows: Int, _ columns: Int, _ values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }
}
