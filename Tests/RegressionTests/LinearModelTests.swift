import Foundation
import LossFunctions
import Testing
@testable import Regression

/// LinearRegression, Ridge(1.0) and Lasso(1.0) on the document's split: coefficients and
/// test MSE / MAE against scikit-learn within 1e-6 relative.
@Suite struct LinearModelTests {
    let fixture: DocumentDataset
    let data: OutlierRegressionData
    init() throws {
        fixture = try Fixture.document()
        data = try documentDataset()
    }

    private func check(_ model: some LinearModel, against name: String) throws {
        let reference = try #require(fixture.models[name])
        #expect(model.coefficients.count == reference.coef.count)
        for (mine, theirs) in zip(model.coefficients, reference.coef) {
            #expect(relativelyClose(mine, theirs, 1e-6), "\(name) coef \(mine) vs \(theirs)")
        }
        #expect(relativelyClose(model.intercept, reference.intercept, 1e-6), "\(name) intercept")
        let predicted = try model.predict(data.xTest)
        let mse = try RegressionMetrics.meanSquaredError(data.yTest, predicted)
        let mae = try RegressionMetrics.meanAbsoluteError(data.yTest, predicted)
        #expect(relativelyClose(mse, reference.test_mse, 1e-6), "\(name) MSE \(mse) vs \(reference.test_mse)")
        #expect(relativelyClose(mae, reference.test_mae, 1e-6), "\(name) MAE \(mae) vs \(reference.test_mae)")
        #expect(maxAbsDifference(predicted, reference.test_pred) <= 1e-6)
    }

    @Test func linearRegressionMatchesScikitLearn() throws {
        var model = LinearRegression()
        try model.fit(x: data.xTrain, y: data.yTrain)
        try check(model, against: "linear")
    }

    @Test func ridgeMatchesScikitLearn() throws {
        var model = RidgeRegression(alpha: 1.0)
        try model.fit(x: data.xTrain, y: data.yTrain)
        try check(model, against: "ridge")
    }

    @Test func lassoMatchesScikitLearnIncludingIterationCount() throws {
        var model = LassoRegression(alpha: 1.0)
        try model.fit(x: data.xTrain, y: data.yTrain)
        try check(model, against: "lasso")
        let reference = try #require(fixture.models["lasso"])
        #expect(model.converged)
        #expect(model.iterations == reference.n_iter)
        #expect(model.dualGap <= 1e-4 * data.yTrain.count.doubleValue)
    }

    @Test func modelsOrderAsTheDocumentSays() throws {
        // Shrinkage pulls the slope towards zero: |Lasso| < |Ridge| < |OLS|.
        var ols = LinearRegression(), ridge = RidgeRegression(), lasso = LassoRegression()
        try ols.fit(x: data.xTrain, y: data.yTrain)
        try ridge.fit(x: data.xTrain, y: data.yTrain)
        try lasso.fit(x: data.xTrain, y: data.yTrain)
        #expect(abs(lasso.coefficients[0]) < abs(ridge.coefficients[0]))
        #expect(abs(ridge.coefficients[0]) < abs(ols.coefficients[0]))
    }

    @Test func severalFeaturesRecoverAnExactPlane() throws {
        let x = try Matrix(rowArrays: [[1, 2, 0], [0, 1, 1], [3, 0, 2], [1, 1, 1], [2, 5, 3], [4, 1, 0]])
        let w = [2.0, -1.0, 0.5]
        let y = try x.multiplying(w).map { $0 + 3 }
        var ols = LinearRegression()
        try ols.fit(x: x, y: y)
        #expect(maxAbsDifference(ols.coefficients, w) <= 1e-12)
        #expect(abs(ols.intercept - 3) <= 1e-12)
        var ridge = RidgeRegression(alpha: 0)
        try ridge.fit(x: x, y: y)
        #expect(maxAbsDifference(ridge.coefficients, w) <= 1e-10)
        var lasso = LassoRegression(alpha: 0, maxIterations: 10_000, tolerance: 1e-12)
        try lasso.fit(x: x, y: y)
        #expect(maxAbsDifference(lasso.coefficients, w) <= 1e-5)
    }

    @Test func lassoWithLargePenaltyIsZero() throws {
        var lasso = LassoRegression(alpha: 1e6)
        try lasso.fit(x: data.xTrain, y: data.yTrain)
        #expect(lasso.coefficients == [0])
        #expect(lasso.converged)
        #expect(abs(lasso.intercept - data.yTrain.reduce(0, +) / 70) <= 1e-12)
    }

    @Test func refusesBadInput() throws {
        var ols = LinearRegression()
        #expect(throws: RegressionError.notFitted) { try ols.predict([1.0]) }
        let x = Matrix(column: [1, 2, 3])
        #expect(throws: RegressionError.self) { try ols.fit(x: x, y: [1, 2]) }
        #expect(throws: RegressionError.self) { try ols.fit(x: x, y: [1, .nan, 2]) }
        #expect(throws: RegressionError.self) { try ols.fit(x: Matrix(column: [2, 2, 2]), y: [1, 2, 3]) }
        let collinear = try Matrix(rowArrays: [[1, 2], [2, 4], [3, 6], [4, 8.0]])
        #expect(throws: RegressionError.self) { try ols.fit(x: collinear, y: [1, 2, 3, 5]) }
        var ridge = RidgeRegression(alpha: -1)
        #expect(throws: RegressionError.self) { try ridge.fit(x: x, y: [1, 2, 3]) }
        var lasso = LassoRegression(alpha: .infinity)
        #expect(throws: RegressionError.self) { try lasso.fit(x: x, y: [1, 2, 3]) }
        try ols.fit(x: x, y: [1, 2, 3])
        #expect(throws: RegressionError.self) { try ols.predict(try Matrix(rowArrays: [[1, 2]])) }
        #expect(throws: RegressionError.self) { try RegressionMetrics.meanSquaredError([1], [1, 2]) }
        #expect(throws: RegressionError.self) { try RegressionMetrics.meanAbsoluteError([], []) }
    }
}

extension Int {
    var doubleValue: Double { Double(self) }
}

/// The document's comparison as one call, and the text its Python printed.
@Suite struct DocumentComparisonTests {
    @Test func scoresMatchScikitLearnInTheDocumentsOrder() throws {
        let fixture = try Fixture.document()
        let scores = try DocumentComparison.scores(for: try documentDataset())
        #expect(scores.map(\.name) == ["Linear (MSE)", "Ridge (MSE + L2)", "Lasso (MSE + L1)"])
        for (score, key) in zip(scores, ["linear", "ridge", "lasso"]) {
            let reference = try #require(fixture.models[key])
            #expect(relativelyClose(score.testMSE, reference.test_mse, 1e-6), "\(key)")
            #expect(relativelyClose(score.testMAE, reference.test_mae, 1e-6), "\(key)")
        }
    }

    @Test func printedTextIsTheDocumentsOutput() throws {
        let url = try #require(Bundle.module.url(forResource: "printed_block22", withExtension: "txt",
                                                 subdirectory: "Fixtures"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        let scores = try DocumentComparison.scores(for: try documentDataset())
        #expect(DocumentComparison.printedOutput(scores) == expected)
    }
}

@Suite struct OverflowTests {
    @Test func hugeInputsThrowInsteadOfReturningNaN() throws {
        let x = Matrix(column: [1e300, -1e300, 2e300])
        let y = [1.0, 2.0, 3.0]
        var ols = LinearRegression(), ridge = RidgeRegression(), lasso = LassoRegression()
        #expect(throws: RegressionError.self) { try ols.fit(x: x, y: y) }
        #expect(throws: RegressionError.self) { try ridge.fit(x: x, y: y) }
        #expect(throws: RegressionError.self) { try lasso.fit(x: x, y: y) }
        var robust = RobustLinearRegression(loss: MeanAbsoluteError())
        #expect(throws: RegressionError.self) { try robust.fit(x: [1, 2, 3], y: [0, 1e300, 2e300]) }
        #expect(throws: RegressionError.self) {
            try makeRegression(nSamples: 5, nFeatures: 1, noise: 1e308, seed: 1)
        }
    }
}
