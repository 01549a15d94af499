import Testing
@testable import Regression

/// `make_regression`, the outlier shift and `train_test_split` of the document's last
/// example, against scikit-learn's arrays.
@Suite struct DocumentDatasetTests {
    let fixture: DocumentDataset
    let data: OutlierRegressionData
    init() throws {
        fixture = try Fixture.document()
        data = try documentDataset()
    }

    @Test func makeRegressionMatchesScikitLearn() throws {
        let made = try makeRegression(nSamples: 100, nFeatures: 1, noise: 10, seed: 42)
        #expect(made.x.rows == 100 && made.x.columns == 1)
        #expect(maxAbsDifference(made.x.column(0), fixture.X_clean) <= 1e-12)
        // In fact bit-identical: the same IEEE operations and the same libm.
        #expect(made.x.column(0) == fixture.X_clean && made.y == fixture.y_clean)
        #expect(maxAbsDifference(made.y, fixture.y_clean) <= 1e-12)
        #expect(maxAbsDifference(made.coefficients, fixture.ground_truth_coef) <= 1e-12)
    }

    @Test func outliersComeFromTheGlobalStream() {
        #expect(data.outlierIndices == fixture.outlier_indices)
        #expect(data.outlierShifts == fixture.outlier_shifts.map(Double.init))
        #expect(maxAbsDifference(data.y, fixture.y) <= 1e-12)
        #expect(maxAbsDifference(data.cleanY, fixture.y_clean) <= 1e-12)
        // Only the outlier rows moved.
        let moved = data.y.indices.filter { data.y[$0] != data.cleanY[$0] }
        #expect(moved == data.outlierIndices)
    }

    @Test func splitIndicesMatchShuffleSplit() {
        #expect(data.split.test == fixture.test_indices)
        #expect(data.split.train == fixture.train_indices)
        #expect(Set(data.split.train + data.split.test) == Set(0..<100))
        #expect(data.xTrain.rows == 70 && data.xTest.rows == 30)
        #expect(data.yTest == fixture.test_indices.map { data.y[$0] })
    }

    @Test func cleanTestPositionsExcludeOutliers() {
        let outlierRowsInTest = data.split.test.filter { data.outlierIndices.contains($0) }
        #expect(data.cleanTestPositions.count == 30 - outlierRowsInTest.count)
        #expect(data.cleanTestPositions.allSatisfy { !data.outlierIndices.contains(data.split.test[$0]) })
    }

    @Test func splitRejectsBadFractions() {
        #expect(throws: RegressionError.self) { try trainTestSplit(nSamples: 10, testFraction: 0, seed: 1) }
        #expect(throws: RegressionError.self) { try trainTestSplit(nSamples: 10, testFraction: 1, seed: 1) }
        #expect(throws: RegressionError.self) { try trainTestSplit(nSamples: 1, testFraction: 0.5, seed: 1) }
        #expect(throws: RegressionError.self) { try trainTestSplit(nSamples: 10, testFraction: .nan, seed: 1) }
    }

    @Test func makeRegressionWithSeveralFeaturesShufflesColumnsConsistently() throws {
        let made = try makeRegression(nSamples: 20, nFeatures: 4, nInformative: 2, noise: 0, seed: 3)
        #expect(made.coefficients.filter { $0 != 0 }.count == 2)
        // Without noise, y is exactly X · coef (up to summation rounding).
        let recomputed = try made.x.multiplying(made.coefficients)
        #expect(maxAbsDifference(recomputed, made.y) <= 1e-10)
    }
}
