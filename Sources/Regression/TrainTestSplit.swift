/// Row indices of a train/test split, in scikit-learn's order.
public struct TrainTestIndices: Sendable, Equatable {
    /// Training rows (`permutation[nTest ..< nTest + nTrain]`).
    public var train: [Int]
    /// Test rows (`permutation[..< nTest]`).
    public var test: [Int]
}

/// scikit-learn's `train_test_split(..., test_size=testFraction, random_state=seed)` without
/// stratification: `ShuffleSplit` with `n_test = ceil(testFraction * n)`,
/// `n_train = n - n_test`, `permutation = RandomState(seed).permutation(n)`,
/// test = the first `n_test`, train = the next `n_train`.
/// - Throws: `RegressionError.invalidArgument` unless `0 < testFraction < 1` and both
///   parts are non-empty.
public func trainTestSplit(nSamples: Int, testFraction: Double, seed: UInt32) throws -> TrainTestIndices {
    guard testFraction.isFinite, testFraction > 0, testFraction < 1 else {
        throw RegressionError.invalidArgument("test fraction must be in (0, 1), got \(testFraction)")
    }
    let nTest = Int((testFraction * Double(nSamples)).rounded(.up))
    let nTrain = nSamples - nTest
    guard nSamples >= 2, nTest >= 1, nTrain >= 1 else {
        throw RegressionError.invalidArgument("cannot split \(nSamples) samples with test fraction \(testFraction)")
    }
    var state = NumpyRandomState(seed: seed)
    let permutation = state.permutation(nSamples)
    return TrainTestIndices(train: Array(permutation[nTest..<(nTest + nTrain)]),
                            test: Array(permutation[..<nTest]))
}
