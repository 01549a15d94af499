import Testing
@testable import LossFunctions

/// Properties every loss must have, and the errors bad input must raise.
@Suite struct PropertyAndErrorTests {
    @Test func regressionLossesAreNonNegativeAndZeroAtAPerfectPrediction() throws {
        let losses: [any ElementwiseLoss] = [MeanSquaredError(), MeanAbsoluteError(), HuberLoss(), LogCoshLoss(),
                                             QuantileLoss(quantile: 0.2), CombinedLoss()]
        let y = [-3.0, 0, 0.5, 12]
        for loss in losses {
            let perfect = try loss.evaluate(yTrue: y, yPred: y)
            #expect(perfect.value == 0)
            #expect(perfect.gradient == [0, 0, 0, 0])
            let off = try loss.evaluate(yTrue: y, yPred: y.map { $0 * 1.5 - 1 }, reduction: .none)
            #expect(off.perSample?.allSatisfy { $0 >= 0 } == true)
        }
    }

    @Test func fromLogitsLossesStayFiniteForHugeLogits() throws {
        let logits = [1e300, -1e300, 1000, -1000, 0]
        let labels = [1.0, 0, 0, 1, 1]
        for loss in [BinaryCrossEntropy(fromLogits: true), BinaryCrossEntropy(fromLogits: true)] as [any ElementwiseLoss]
            + [FocalLoss(fromLogits: true), FocalLoss(gamma: 0.5, alpha: nil, fromLogits: true)] {
            let result = try loss.evaluate(yTrue: labels, yPred: logits, reduction: .none)
            #expect(result.perSample?.allSatisfy(\.isFinite) == true)
            #expect(result.gradient?.allSatisfy(\.isFinite) == true)
        }
        let rows: [[Double]] = [[1e300, -1e300, 0], [-1000, 1000, 999]]
        let cce = try CategoricalCrossEntropy(fromLogits: true).evaluate(yTrue: [[0, 1, 0], [1, 0, 0]], yPred: rows)
        #expect(cce.value.isFinite && cce.gradient?.allSatisfy(\.isFinite) == true)
    }

    @Test func subgradientIsZeroAtKinks() throws {
        #expect(MeanAbsoluteError().termDerivative(2, 2) == 0)
        #expect(QuantileLoss(quantile: 0.3).termDerivative(2, 2) == 0)
        #expect(HingeLoss().termDerivative(1, 1) == 0)
        #expect(HingeLoss().termDerivative(-1, -1) == 0)
        let zeroDistance = try ContrastiveLoss().evaluate(x1: [[1, 1]], x2: [[1, 1]], labels: [1])
        #expect(zeroDistance.value == 0.5)
        #expect(zeroDistance.gradients == [[0, 0], [0, 0]])
        let collapsed = try TripletLoss().evaluate(anchor: [[0, 0]], positive: [[0, 0]], negative: [[0, 0]])
        #expect(collapsed.value == 0.5)
        #expect(collapsed.gradients == [[0, 0], [0, 0], [0, 0]])
    }

    @Test func weightsAndReductions() throws {
        let y = [0.0, 0, 0], p = [1.0, 2, 3]
        let weighted = try MeanSquaredError().evaluate(yTrue: y, yPred: p, weights: [1, 0, 3])
        #expect(weighted.value == (1 + 27) / 4)
        #expect(weighted.gradient == [0.5, 0, 4.5])
        let summed = try MeanSquaredError().evaluate(yTrue: y, yPred: p, reduction: .sum)
        #expect(summed.value == 14)
        #expect(summed.gradient == [2, 4, 6])
        let none = try MeanSquaredError().evaluate(yTrue: y, yPred: p, weights: [2, 1, 1], reduction: .none)
        #expect(none.perSample == [2, 4, 9])
    }

    @Test func balancedClassWeightsFollowScikitLearn() {
        let table = ClassWeights.balanced(classes: [0, 0, 0, 1])
        #expect(table[0] == 4.0 / 6)
        #expect(table[1] == 2)
    }

    @Test func badInputsNameTheInputAndSample() {
        #expect(throws: LossInputError(.yPred, sample: nil, "has 2 values but \(input: .yTrue) has 3")) {
            try MeanSquaredError().evaluate(yTrue: [1, 2, 3], yPred: [1, 2])
        }
        #expect(throws: LossInputError(.yPred, sample: 1, "probability 1.5 is outside [0, 1] (pass \(parameter: "fromLogits") for raw scores)")) {
            try BinaryCrossEntropy().evaluate(yTrue: [1, 0], yPred: [0.5, 1.5])
        }
        #expect(throws: LossInputError(.yPred, sample: 0, "value nan is not a finite number")) {
            try MeanSquaredError().evaluate(yTrue: [1], yPred: [.nan])
        }
        #expect(throws: LossInputError(.yTrue, sample: 1, "class index 3.0 is not an integer in 0...2")) {
            try SparseCategoricalCrossEntropy().evaluate(classIndices: [0, 3], yPred: [[0.2, 0.3, 0.5], [0.2, 0.3, 0.5]])
        }
        #expect(throws: LossInputError(nil, sample: nil, "no samples to evaluate")) {
            try MeanSquaredError().evaluate(yTrue: [], yPred: [])
        }
        #expect(throws: LossInputError(.yPred, sample: 0, "the loss overflows Float64 (values too large)")) {
            try MeanSquaredError().evaluate(yTrue: [-1e200], yPred: [1e200])
        }
        #expect(throws: LossInputError(.weights, sample: 1, "weight -1.0 is not a finite non-negative number")) {
            try MeanSquaredError().evaluate(yTrue: [1, 2], yPred: [1, 2], weights: [1, -1])
        }
    }

    @Test func largeBatchesSplitAcrossCoresAgreeWithTheSerialSum() throws {
        let n = BatchReducer.parallelThreshold + 17
        let y = (0..<n).map { Double($0 % 97) / 10 }
        let p = (0..<n).map { Double($0 % 89) / 9 }
        let parallel = try HuberLoss().evaluate(yTrue: y, yPred: p)
        var serial = 0.0
        for i in 0..<n { serial += HuberLoss().term(y[i], p[i]) }
        #expect(abs(parallel.value - serial / Double(n)) <= 1e-12 * abs(serial / Double(n)))
        #expect(try HuberLoss().evaluate(yTrue: y, yPred: p) == parallel)
    }
}
