import Foundation
import LossFunctions
import Regression
@testable import Scenarios
import Testing

/// `regression-robust`: each fit reaches its optimum, checked through LossFunctions'
/// own gradients rather than the fitter's report alone.
@Suite struct RobustRegressionTests {
    /// Stated tolerance: the norm of the mean-loss gradient in (intercept, slope) for the smooth
    /// losses, and for MAE / quantile the largest decrease found by moving the line.
    static let tolerance = 1e-6

    func trainingSet() throws -> (x: [Double], y: [Double]) {
        let data = try RegressionComparison.outcome.get().data
        return (data.xTrain.column(0), data.yTrain)
    }

    func lossFor(_ name: String) -> (any ElementwiseLoss)? {
        switch name {
        case "MSE": return MeanSquaredError()
        case "MAE": return MeanAbsoluteError()
        case "Huber (δ = 1)": return HuberLoss(delta: 1)
        case "Log-Cosh": return LogCoshLoss()
        case "Quantile (q = 0.5)": return QuantileLoss(quantile: 0.5)
        default: return name.hasPrefix("Huber (δ = ") ? HuberLoss(delta: RobustComparison.scaleAwareHuberDelta) : nil
        }
    }

    @Test func everyFitReportsConvergence() throws {
        let rows = try RegressionRobustFigure.outcome.get().rows
        #expect(rows.map(\.name).count == 6)
        for row in rows {
            #expect(row.convergence.converged, "\(row.name)")
            #expect(row.convergence.optimalityGap <= Self.tolerance, "\(row.name): gap \(row.convergence.optimalityGap)")
        }
    }

    @Test func smoothFitsHaveZeroGradientThroughLossFunctions() throws {
        let (x, y) = try trainingSet()
        for row in try RegressionRobustFigure.outcome.get().rows where row.convergence.method == .irls {
            let loss = try #require(lossFor(row.name), "\(row.name)")
            let predictions = x.map { row.intercept + row.slope * $0 }
            let g = try #require(try loss.evaluate(yTrue: y, yPred: predictions).gradient)
            // dF/db = Σ dF/dŷᵢ, dF/dw = Σ dF/dŷᵢ xᵢ.
            let gb = g.reduce(0, +), gw = zip(g, x).map(*).reduce(0, +)
            #expect((gb * gb + gw * gw).squareRoot() <= Self.tolerance, "\(row.name): gradient (\(gb), \(gw))")
        }
    }

    @Test func piecewiseLinearFitsCannotBeImprovedByMovingTheLine() throws {
        let (x, y) = try trainingSet()
        for row in try RegressionRobustFigure.outcome.get().rows where row.convergence.method == .vertexSearch {
            let loss = try #require(lossFor(row.name), "\(row.name)")
            func objective(_ b: Double, _ w: Double) throws -> Double {
                try loss.evaluate(yTrue: y, yPred: x.map { b + w * $0 }, gradient: false).value
            }
            let best = try objective(row.intercept, row.slope)
            // The mean loss is convex, so no better neighbour in any direction means a global optimum.
            for step in [1e-3, 1e-2, 0.1, 1] {
                for angle in stride(from: 0.0, to: 2 * Double.pi, by: Double.pi / 16) {
                    let moved = try objective(row.intercept + step * cos(angle), row.slope + step * sin(angle))
                    #expect(moved >= best - Self.tolerance, "\(row.name): step \(step) angle \(angle)")
                }
            }
        }
    }

    @Test func robustLossesBeatSquaredErrorOnTheCleanTestPoints() throws {
        let rows = try RegressionRobustFigure.outcome.get().rows
        let mse = try #require(rows.first { $0.name == "MSE" })
        for row in rows where row.name != "MSE" {
            #expect(row.cleanTestMAE < mse.cleanTestMAE, "\(row.name)")
            #expect(row.cleanTestMSE < mse.cleanTestMSE, "\(row.name)")
        }
        // The MSE fit is the document's LinearRegression.
        let linear = try #require(try RegressionComparison.outcome.get().scores.first)
        #expect(abs(mse.testMSE - linear.testMSE) <= 1e-9 * linear.testMSE)
    }

    @Test func printedTableReportsConvergence() {
        let results = RegressionRobustFigure.results()
        #expect(results.failure == nil)
        #expect(results.tables.first?.rows.count == 6)
        #expect(results.lines.last == "6 of 6 fits converged (optimality gap = distance from 0 to the subdifferential of the mean loss).")
    }
}
