import Foundation
@testable import Regression
import Testing

/// The comparison repeated over seeds: the interval's quantile, one draw equal to the document's
/// own split, and what 200 draws say.
@Suite struct RepeatedComparisonTests {
    /// scipy.stats.t.ppf(0.975, ν) for ν = 199, 29 and 5.
    @Test(arguments: [(199.0, 1.9719565442517533, 1e-9), (29.0, 2.045229642132703, 1e-6), (5.0, 2.5705818356363146, 3e-4)])
    func theTQuantileMatchesScipy(nu: Double, scipy: Double, tolerance: Double) {
        #expect(abs(IntervalEstimate.studentT975(degreesOfFreedom: nu) - scipy) < tolerance)
    }

    @Test func anIntervalIsTheMeanPlusMinusTTimesTheStandardError() throws {
        // Values 1...5: mean 3, s = sqrt(2.5), t(0.975, 4) = 2.776445105 (scipy).
        let estimate = try IntervalEstimate([1, 2, 3, 4, 5])
        #expect(estimate.mean == 3)
        #expect(abs(estimate.high - (3 + 2.776445105 * (2.5 / 5).squareRoot())) < 2e-3)
        #expect(abs((estimate.high - 3) - (3 - estimate.low)) < 1e-12)
        #expect(throws: RegressionError.self) { try IntervalEstimate([1]) }
    }

    @Test func seed42IsTheDocumentsDataset() throws {
        let document = try documentDataset()
        #expect(try outlierDataset(seed: 42) == document)
        #expect(try outlierDataset(seed: 7) != document)
    }

    @Test func twoHundredDrawsJudgeEveryModelByOneStandard() throws {
        let scores = try RepeatedComparison.scores()
        #expect(scores.map(\.name) == ["Linear (MSE)", "Ridge (MSE + L2)", "Lasso (MSE + L1)", "MAE",
                                       "Huber (δ = 13.45)", "Huber (δ = 1)", "Log-Cosh", "Quantile (q = 0.5)"])
        #expect(scores.allSatisfy { $0.draws == 200 })
        let mse = scores[0]
        // The reference never beats itself, and its paired difference is exactly zero.
        let zero = try IntervalEstimate([0, 0])
        #expect(mse.cleanMAEWins == 0 && mse.cleanMAEDifference == zero)
        for score in scores {
            #expect(score.cleanTestMAE.low < score.cleanTestMAE.mean && score.cleanTestMAE.mean < score.cleanTestMAE.high)
            #expect((0...200).contains(score.cleanMAEWins) && (0...200).contains(score.cleanMSEWins))
        }
        // The robust losses' clean-test MAE gain over least squares holds across draws: the
        // whole paired interval is below zero, and they win most draws.
        for name in ["MAE", "Huber (δ = 13.45)", "Log-Cosh", "Quantile (q = 0.5)"] {
            let score = try #require(scores.first { $0.name == name })
            #expect(score.cleanMAEDifference.high < 0, "\(name): \(score.cleanMAEDifference)")
            #expect(score.cleanMAEWins > 120, "\(name): \(score.cleanMAEWins) of 200")
        }
    }
}
