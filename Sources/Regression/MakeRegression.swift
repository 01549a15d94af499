/// A synthetic regression problem from `makeRegression`: samples, targets and the
/// ground-truth coefficients (scikit-learn's `coef=True` third value).
public struct SyntheticRegression: Sendable, Equatable {
    /// Samples, `nSamples x nFeatures`.
    public var x: Matrix
    /// Targets, one per sample.
    public var y: [Double]
    /// The coefficients the targets were generated from (zero for uninformative features).
    public var coefficients: [Double]
}

/// scikit-learn's `make_regression` for one target and `effective_rank=None`, drawing
/// from numpy's legacy streams in scikit-learn 1.9's order:
///
/// 1. `X = standard_normal(size=(nSamples, nFeatures))` (row-major);
/// 2. `ground_truth[:nInformative] = 100 * uniform(size=(nInformative, 1))`;
/// 3. `y = X @ ground_truth + bias`;
/// 4. `y += normal(scale=noise, size=nSamples)` when `noise > 0`;
/// 5. with `shuffle`: rows by `shuffle(arange(nSamples))`, then columns by
///    `shuffle(arange(nFeatures))` (coefficients permuted alike).
///
/// `nInformative` is clipped to `nFeatures` as scikit-learn does. With one feature the
/// products are exact; with several, the sum in step 3 runs in column order (BLAS may
/// differ in the last bit).
///
/// - Parameter randomState: the stream to draw from (advanced in place), as a
///   `RandomState` passed to `random_state`.
/// - Throws: `RegressionError.invalidArgument` for counts below 1 or a negative or
///   non-finite noise or bias.
public func makeRegression(
    nSamples: Int = 100, nFeatures: Int = 100, nInformative: Int = 10,
    bias: Double = 0, noise: Double = 0, shuffle: Bool = true,
    randomState: inout NumpyRandomState
) throws -> SyntheticRegression {
    guard nSamples >= 1, nFeatures >= 1, nInformative >= 0 else {
        throw RegressionError.invalidArgument("makeRegression needs nSamples, nFeatures >= 1 and nInformative >= 0")
    }
    guard noise.isFinite, noise >= 0, bias.isFinite else {
        throw RegressionError.invalidArgument("makeRegression needs a finite noise >= 0 and a finite bias")
    }
    let informative = min(nInformative, nFeatures)
    var x = try Matrix(rows: nSamples, columns: nFeatures,
                       values: randomState.standardNormal(count: nSamples * nFeatures))
    var truth = [Double](repeating: 0, count: nFeatures)
    for j in 0..<informative { truth[j] = 100 * randomState.uniform() }
    var y = try x.multiplying(truth).map { $0 + bias }
    if noise > 0 {
        for i in 0..<nSamples { y[i] += randomState.normal(loc: 0, scale: noise) }
    }
    if shuffle {
        let rows = randomState.permutation(nSamples)
        x = try x.selectingRows(rows)
        y = rows.map { y[$0] }
        let columns = randomState.permutation(nFeatures)
        x = try x.selectingColumns(columns)
        truth = columns.map { truth[$0] }
    }
    guard y.allSatisfy({ $0.isFinite }) else {
        throw RegressionError.invalidArgument("noise or bias so large that y overflows")
    }
    return SyntheticRegression(x: x, y: y, coefficients: truth)
}

/// `make_regression(..., random_state=seed)`: as above with a fresh `RandomState(seed)`.
public func makeRegression(
    nSamples: Int = 100, nFeatures: Int = 100, nInformative: Int = 10,
    bias: Double = 0, noise: Double = 0, shuffle: Bool = true, seed: UInt32
) throws -> SyntheticRegression {
    var state = NumpyRandomState(seed: seed)
    return try makeRegression(nSamples: nSamples, nFeatures: nFeatures, nInformative: nInformative,
                              bias: bias, noise: noise, shuffle: shuffle, randomState: &state)
}
