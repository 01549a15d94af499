import LossFunctions
import Testing
@testable import Regression

/// The robust line fits reach their optimum: gradient norm (smooth losses) or the
/// distance from 0 to the subdifferential (MAE, quantile) below the stated tolerance, and
/// the piecewise-linear optima agree with scikit-learn's QuantileRegressor (HiGHS LP).
@Suite struct RobustFitTests {
    let fixture: DocumentDataset
    let data: OutlierRegressionData
    init() throws {
        fixture = try Fixture.document()
        data = try documentDataset()
    }

    var xTrain: [Double] { data.xTrain.column(0) }

    @Test func everyComparisonFitConverges() throws {
        let rows = try RobustComparison.rows(for: data)
        #expect(rows.count == 6)
        let tolerance = RobustLinearRegression(loss: MeanSquaredError()).tolerance
        for row in rows {
            #expect(row.convergence.converged, "\(row.name) did not converge: \(row.convergence)")
            #expect(row.convergence.optimalityGap <= tolerance, "\(row.name)")
            #expect(row.testMSE.isFinite && row.cleanTestMSE.isFinite && row.testMAE.isFinite)
            if row.convergence.method == .irls {
                // Smooth losses: the gap is the gradient norm.
                #expect(row.convergence.gradientNorm <= tolerance, "\(row.name)")
            }
        }
        print(RobustComparison.table(rows))
    }

    @Test func leastAbsoluteDeviationMatchesQuantileRegressor() throws {
        var lad = RobustLinearRegression(loss: MeanAbsoluteError())
        try lad.fit(x: xTrain, y: data.yTrain)
        let report = try #require(lad.convergence)
        #expect(report.method == .vertexSearch)
        #expect(report.optimalityGap == 0)
        #expect(relativelyClose(report.objective, fixture.lad.mean_abs_residual, 1e-12))
        #expect(relativelyClose(lad.coefficients[0], fixture.lad.coef[0], 1e-6))
        #expect(relativelyClose(lad.intercept, fixture.lad.intercept, 1e-6))
    }

    @Test func quantileHalfIsHalfTheAbsoluteError() throws {
        var lad = RobustLinearRegression(loss: MeanAbsoluteError())
        var median = RobustLinearRegression(loss: QuantileLoss(quantile: 0.5))
        try lad.fit(x: xTrain, y: data.yTrain)
        try median.fit(x: xTrain, y: data.yTrain)
        #expect(median.coefficients == lad.coefficients && median.intercept == lad.intercept)
        let a = try #require(lad.convergence), m = try #require(median.convergence)
        #expect(abs(m.objective - a.objective / 2) <= 1e-12 * a.objective)
    }

    @Test func quantilePointEightMatchesQuantileRegressor() throws {
        var model = RobustLinearRegression(loss: QuantileLoss(quantile: 0.8))
        try model.fit(x: xTrain, y: data.yTrain)
        let report = try #require(model.convergence)
        #expect(report.converged)
        #expect(relativelyClose(report.objective, fixture.quantile_08.mean_pinball_loss, 1e-12))
        #expect(relativelyClose(model.coefficients[0], fixture.quantile_08.coef[0], 1e-6))
        #expect(relativelyClose(model.intercept, fixture.quantile_08.intercept, 1e-6))
    }

    @Test func optimalityGapDetectsANonOptimalLine() throws {
        var lad = RobustLinearRegression(loss: MeanAbsoluteError())
        try lad.fit(x: xTrain, y: data.yTrain)
        let objective = LineObjective(loss: MeanAbsoluteError(), x: xTrain, y: data.yTrain)
        let b = lad.intercept, w = lad.coefficients[0]
        #expect(objective.subdifferentialDistance(intercept: b, slope: w) == 0)
        for (db, dw) in [(0.5, 0.0), (0.0, 0.5), (-0.3, 0.2), (1e-3, -1e-3)] {
            #expect(objective.subdifferentialDistance(intercept: b + db, slope: w + dw) > 1e-3)
            #expect(objective.value(intercept: b + db, slope: w + dw) > objective.value(intercept: b, slope: w))
        }
    }

    @Test func squaredErrorFitIsOrdinaryLeastSquares() throws {
        var ols = LinearRegression()
        try ols.fit(x: data.xTrain, y: data.yTrain)
        for loss in [HuberLoss(delta: 1e6)] {
            var huber = RobustLinearRegression(loss: loss)
            try huber.fit(x: data.xTrain, y: data.yTrain)
            // Every residual is inside δ, so Huber is half the squared error.
            #expect(relativelyClose(huber.coefficients[0], ols.coefficients[0], 1e-10))
            #expect(relativelyClose(huber.intercept, ols.intercept, 1e-10))
        }
        var mse = RobustLinearRegression(loss: MeanSquaredError())
        try mse.fit(x: data.xTrain, y: data.yTrain)
        #expect(relativelyClose(mse.coefficients[0], ols.coefficients[0], 1e-12))
        #expect(relativelyClose(mse.intercept, ols.intercept, 1e-12))
    }

    @Test func robustLinesResistTheOutliersOnCleanTestPoints() throws {
        let rows = try RobustComparison.rows(for: data)
        let mse = try #require(rows.first { $0.name == "MSE" })
        for row in rows where row.name != "MSE" {
            #expect(row.cleanTestMSE < mse.cleanTestMSE, "\(row.name)")
            #expect(row.cleanTestMAE < mse.cleanTestMAE, "\(row.name)")
        }
        // The MSE row is the document's LinearRegression.
        let linear = try #require(fixture.models["linear"])
        #expect(relativelyClose(mse.testMSE, linear.test_mse, 1e-9))
        #expect(relativelyClose(mse.testMAE, linear.test_mae, 1e-9))
    }

    @Test func smoothFitsStartFromLeastSquaresAndLowerTheirObjective() throws {
        var ols = LinearRegression()
        try ols.fit(x: data.xTrain, y: data.yTrain)
        let losses: [any ElementwiseLoss] = [HuberLoss(delta: RobustComparison.scaleAwareHuberDelta),
                                             HuberLoss(delta: 1), LogCoshLoss()]
        for loss in losses {
            try check(loss, ols: ols)
        }
    }

    private func check<L: ElementwiseLoss>(_ loss: L, ols: LinearRegression) throws {
        var model = RobustLinearRegression(loss: loss)
        try model.fit(x: xTrain, y: data.yTrain)
        let objective = LineObjective(loss: loss, x: xTrain, y: data.yTrain)
        let report = try #require(model.convergence)
        #expect(report.method == .irls && report.iterations >= 1)
        #expect(report.objective < objective.value(intercept: ols.intercept, slope: ols.coefficients[0]))
        // Optimal: nudging the line in any direction does not lower the objective beyond rounding.
        for (db, dw) in [(1e-3, 0.0), (-1e-3, 0.0), (0.0, 1e-3), (0.0, -1e-3)] {
            let nudged = objective.value(intercept: model.intercept + db, slope: model.coefficients[0] + dw)
            #expect(nudged >= report.objective - 1e-12)
        }
    }

    @Test func refusesWhatALineCannotFit() throws {
        var model = RobustLinearRegression(loss: LogCoshLoss())
        #expect(throws: RegressionError.self) { try model.fit(x: data.xTrain.selectingColumns([0, 0]), y: data.yTrain) }
        #expect(throws: RegressionError.self) { try model.fit(x: [1, 1, 1], y: [1, 2, 3]) }
        #expect(throws: RegressionError.self) { try model.fit(x: [1], y: [1]) }
        #expect(throws: RegressionError.self) { try model.fit(x: [1, 2], y: [1, .infinity]) }
        #expect(throws: RegressionError.notFitted) { try model.predict([1.0]) }
        model.tolerance = -1
        #expect(throws: RegressionError.self) { try model.fit(x: [1, 2], y: [1, 2]) }
    }

    @Test func exactLineIsFoundByEveryLoss() throws {
        let x = [-2.0, -1, 0, 1, 2, 3], y = x.map { 3 * $0 - 1 }
        let losses: [any ElementwiseLoss] = [MeanSquaredError(), MeanAbsoluteError(), HuberLoss(delta: 1),
                                             LogCoshLoss(), QuantileLoss(quantile: 0.3)]
        for loss in losses { try fitsExactly(loss, x, y) }
    }

    private func fitsExactly<L: ElementwiseLoss>(_ loss: L, _ x: [Double], _ y: [Double]) throws {
        var model = RobustLinearRegression(loss: loss)
        try model.fit(x: x, y: y)
        #expect(abs(model.coefficients[0] - 3) <= 1e-8, "\(L.self)")
        #expect(abs(model.intercept + 1) <= 1e-8, "\(L.self)")
        #expect(model.convergence?.converged == true, "\(L.self)")
    }
}
