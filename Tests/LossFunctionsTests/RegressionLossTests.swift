import Testing
@testable import LossFunctions

/// The document's worked examples for the regression losses.
@Suite struct RegressionLossTests {
    let yTrue = [3.0, -0.5, 2.0, 7.0]
    let yPred = [2.5, 0.0, 2.0, 8.0]
    let outlierTrue = [1.0, 2, 3, 4, 100]
    let outlierPred = [1.1, 2.1, 2.9, 4.2, 5]

    @Test func mseWorkedExample() throws {
        let result = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred)
        #expect(result.value == 0.375)
        #expect(result.gradient == [-0.25, 0.25, 0, 0.5])
    }

    @Test func maeWorkedExampleHasZeroSubgradientAtZeroError() throws {
        let result = try MeanAbsoluteError().evaluate(yTrue: yTrue, yPred: yPred)
        #expect(result.value == 0.5)
        #expect(result.gradient == [-0.25, 0.25, 0, 0.25])
    }

    @Test func outlierExample() throws {
        func value(_ loss: some ElementwiseLoss) throws -> Double {
            try loss.evaluate(yTrue: outlierTrue, yPred: outlierPred).value
        }
        #expect(abs(try value(MeanSquaredError()) - 1805.014) < 1e-9)
        #expect(abs(try value(MeanAbsoluteError()) - 19.1) < 1e-12)
        #expect(abs(try value(HuberLoss(delta: 1)) - 18.907) < 1e-9)
        #expect(abs(try value(LogCoshLoss()) - 18.8683) < 5e-5)
    }

    @Test func logCoshStaysFiniteForHugeErrors() {
        let l = LogCoshLoss().term(0, 800)
        #expect(l.isFinite)
        #expect(abs(l - (800 - 0.6931471805599453)) < 1e-12)
        #expect(abs(LogCoshLoss().term(0, 700) - (700 - 0.6931471805599453)) < 1e-12)
    }

    @Test func quantileAndCombinedAndPenalty() throws {
        // q = 0.5 pinball is half the MAE.
        let pinball = try QuantileLoss(quantile: 0.5).evaluate(yTrue: yTrue, yPred: yPred).value
        #expect(pinball == 0.25)
        let combined = try CombinedLoss(alpha: 0.5).evaluate(yTrue: yTrue, yPred: yPred).value
        #expect(abs(combined - (0.5 * 0.375 + 0.5 * 0.5)) < 1e-15)
        let penalty = try MSEWithPenalty(lambda: 0.1).evaluate(yTrue: yTrue, yPred: yPred).value
        let meanSquare = yPred.map { $0 * $0 }.reduce(0, +) / 4
        #expect(abs(penalty - (0.375 + 0.1 * meanSquare)) < 1e-13)
    }
}
