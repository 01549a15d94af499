/// The whole dataset of the document's last example ("Реальний приклад: Порівняння Loss
/// Functions"): `make_regression(100, 1 feature, noise 10, random_state 42)`, five targets
/// shifted by ±100 from the global stream seeded 42, and the 70/30 split with
/// `random_state=42`. Built by `documentDataset()`; scenarios plot and print from it.
public struct OutlierRegressionData: Sendable, Equatable {
    /// All 100 samples, one column.
    public var x: Matrix
    /// Targets with the outliers added.
    public var y: [Double]
    /// Targets as `make_regression` returned them, before the outliers.
    public var cleanY: [Double]
    /// The generating slope of `make_regression` (its `coef`); the intercept is 0.
    public var trueCoefficients: [Double]
    /// Rows that received an outlier shift: `[10, 25, 50, 75, 90]`.
    public var outlierIndices: [Int]
    /// The shift added to each outlier row, from `np.random.choice([-100, 100], size=5)`.
    public var outlierShifts: [Double]
    /// The split of the 100 rows.
    public var split: TrainTestIndices

    /// The single feature as a plain array.
    public var xValues: [Double] { x.column(0) }
    /// Training samples (`X_train`).
    public var xTrain: Matrix { rows(split.train) }
    /// Test samples (`X_test`).
    public var xTest: Matrix { rows(split.test) }
    /// Training targets (`y_train`).
    public var yTrain: [Double] { split.train.map { y[$0] } }
    /// Test targets (`y_test`).
    public var yTest: [Double] { split.test.map { y[$0] } }
    /// Positions within the test set (0..<30) whose row is not an outlier.
    public var cleanTestPositions: [Int] {
        split.test.indices.filter { !outlierIndices.contains(split.test[$0]) }
    }

    private func rows(_ indices: [Int]) -> Matrix {
        // Indices come from the split of these same rows, so selection cannot fail;
        // fall back to an empty matrix rather than trap.
        (try? x.selectingRows(indices)) ?? Matrix(rows: 0, columns: x.columns)
    }
}

/// Builds the document's dataset exactly as its Python does:
///
/// ```python
/// np.random.seed(42)
/// X, y = make_regression(n_samples=100, n_features=1, noise=10, random_state=42)
/// outlier_indices = [10, 25, 50, 75, 90]
/// y[outlier_indices] += np.random.choice([-100, 100], size=len(outlier_indices))
/// X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)
/// ```
///
/// `make_regression` uses its own `RandomState(42)`, so the global stream seeded 42 is
/// still fresh when `choice` draws from it.
public func documentDataset() throws -> OutlierRegressionData {
    try outlierDataset(seed: 42)
}

/// The document's generator with every 42 replaced by `seed` (the global stream, the data's
/// `random_state` and the split's): one draw of the same experiment, for repeating it.
public func outlierDataset(seed: UInt32) throws -> OutlierRegressionData {
    var global = NumpyRandomState(seed: seed)
    let data = try makeRegression(nSamples: 100, nFeatures: 1, noise: 10, seed: seed)
    let outlierIndices = [10, 25, 50, 75, 90]
    let shifts = try global.choice([-100.0, 100.0], count: outlierIndices.count)
    var y = data.y
    for (index, shift) in zip(outlierIndices, shifts) { y[index] += shift }
    let split = try trainTestSplit(nSamples: 100, testFraction: 0.3, seed: seed)
    return OutlierRegressionData(
        x: data.x, y: y, cleanY: data.y, trueCoefficients: data.coefficients,
        outlierIndices: outlierIndices, outlierShifts: shifts, split: split)
}
