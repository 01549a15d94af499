import Testing
@testable import LossFunctions

/// Weights at the ends of Float64: a weighted mean depends only on the weights' ratios, so scaling
/// every weight by a power of two changes nothing, down to 2^-1074 (5e-324) and up to 1.7e308; and no result
/// (value, per-sample term, gradient) is ever infinite or NaN: it is refused, naming the sample.
@Suite struct WeightScalingTests {
    let yTrue = [1.0, 2, 3, -4]
    let yPred = [1.5, 2.5, 2, -1]
    let weights = [1.0, 3, 0.5, 2]

    /// Powers of two from which the smallest weight stays non-zero to where the largest stays finite.
    static let exponents = [-1073, -1050, -1022, -600, -1, 0, 1, 600, 1000, 1022]

    @Test(arguments: exponents)
    func theWeightedMeanAndItsGradientAreTheSameForWeightsScaledByAPowerOfTwo(_ k: Int) throws {
        let scale = Double(sign: .plus, exponent: k, significand: 1)
        let reference = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred, weights: weights)
        let equal = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred, weights: [1, 1, 1, 1])
        let unweighted = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred)
        // The equal weights stay exact at every k; of the unequal ones, 0.5 x 2^-1073 would round.
        let scaledEqual = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred, weights: [scale, scale, scale, scale])
        #expect(scaledEqual.value == unweighted.value && scaledEqual.gradient == unweighted.gradient, "2^\(k): \(scaledEqual)")
        #expect(equal.value == unweighted.value && equal.gradient == unweighted.gradient)
        if k >= -1022 {
            let scaled = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred, weights: weights.map { $0 * scale })
            #expect(scaled.value == reference.value, "2^\(k)")
            #expect(scaled.gradient == reference.gradient, "2^\(k)")
        }
    }

    @Test func theIssuesSubnormalWeightsGiveTheUnweightedMean() throws {
        let tiny = try MeanSquaredError().evaluate(yTrue: [1, 2, 3], yPred: [1.5, 2.5, 2], weights: [0x1p-1074, 0x1p-1074, 0x1p-1074])
        #expect(tiny.value == 0.5)
        let third = 1.0 / 3
        #expect(tiny.gradient == [third, third, -2 * third])
        let huge = try MeanSquaredError().evaluate(yTrue: [1, 2, 3], yPred: [1.5, 2.5, 2], weights: [0x1p1023, 0x1p1023, 0x1p1023])
        #expect(huge.value == 0.5 && huge.gradient == tiny.gradient)
        // Weights whose sum overflows, not a power of two: the same to rounding.
        let largest = try MeanSquaredError().evaluate(yTrue: [1, 2, 3], yPred: [1.5, 2.5, 2], weights: [1.7e308, 1.7e308, 1.7e308])
        #expect(abs(largest.value - 0.5) <= 1e-16)
        for (g, e) in zip(largest.gradient ?? [], tiny.gradient ?? []) { #expect(abs(g - e) <= 2e-16) }
    }

    @Test func everyLossFamilyScalesItsWeightsTheSameWay() throws {
        let w = [0x1p-1074, 0x1p-1073, 0x1p-1074]
        let rows: [[Double]] = [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]]
        let cce = try CategoricalCrossEntropy().evaluate(yTrue: [[0, 0, 1], [1, 0, 0], [0, 1, 0]], yPred: rows, weights: w)
        let cceRef = try CategoricalCrossEntropy().evaluate(yTrue: [[0, 0, 1], [1, 0, 0], [0, 1, 0]], yPred: rows, weights: [1, 2, 1])
        #expect(cce.value == cceRef.value && cce.gradient == cceRef.gradient)
        let sparse = try SparseCategoricalCrossEntropy().evaluate(classIndices: [2, 0, 1], yPred: rows, weights: w)
        #expect(sparse.value == cceRef.value && sparse.gradient == cceRef.gradient)
        let pairs = try ContrastiveLoss().evaluate(x1: [[0, 1], [2, 2], [1, 0]], x2: [[1, 1], [2, 2.5], [0, 0]], labels: [0, 1, 1], weights: w)
        let pairsRef = try ContrastiveLoss().evaluate(x1: [[0, 1], [2, 2], [1, 0]], x2: [[1, 1], [2, 2.5], [0, 0]], labels: [0, 1, 1], weights: [1, 2, 1])
        #expect(pairs == pairsRef)
        let triplets = try TripletLoss().evaluate(anchor: [[0, 0], [1, 1], [2, 0]], positive: [[0, 1], [1, 2], [2, 1]],
                                                  negative: [[1, 0], [1, 1.2], [5, 0]], weights: w)
        let tripletsRef = try TripletLoss().evaluate(anchor: [[0, 0], [1, 1], [2, 0]], positive: [[0, 1], [1, 2], [2, 1]],
                                                     negative: [[1, 0], [1, 1.2], [5, 0]], weights: [1, 2, 1])
        #expect(triplets == tripletsRef)
    }

    @Test func aSumOfHugeWeightsIsNotNeededForASumReduction() throws {
        let result = try MeanAbsoluteError().evaluate(yTrue: [0, 0], yPred: [1e-300, 1e-300], weights: [1e308, 1e308], reduction: .sum, gradient: false)
        #expect(abs(result.value - 2e8) <= 1e-7)
    }

    @Test func perSampleTermsKeepTheirWeightsAndTheSummaryIsTheWeightedMean() throws {
        let result = try MeanSquaredError().evaluate(yTrue: [1, 2, 3], yPred: [1.5, 2.5, 2], weights: [0x1p-1074, 0x1p-1074, 0x1p-1074], reduction: .none)
        #expect(result.perSample == [0, 0, 0x1p-1074])
        #expect(result.value == 0.5)
        let expected: [Double] = [0x1p-1074, 0x1p-1074, -0x1p-1073]
        #expect(result.gradient == expected)
        let zero = try MeanSquaredError().evaluate(yTrue: [1, 2], yPred: [2, 3], weights: [0, 0], reduction: .none)
        #expect(zero.perSample == [0, 0])
        #expect(zero.value == 0, "no weight, no mean: 0 rather than 0/0")
    }

    @Test func aGradientThatOverflowsIsRefusedNamingItsSample() {
        #expect(throws: LossInputError(.yPred, sample: 1, "the gradient overflows Float64 (values or weights too large)")) {
            try MeanSquaredError().evaluate(yTrue: [0, 0], yPred: [1e-300, 1], weights: [1e308, 1e308], reduction: .sum)
        }
        // A clip below 1/Float64.max (2^-1063) makes -y/p infinite though log p is finite.
        #expect(throws: LossInputError(.yPred, sample: 0, "the gradient overflows Float64 (values or weights too large)")) {
            try BinaryCrossEntropy(epsilon: 0x1p-1063).evaluate(yTrue: [1, 1], yPred: [0, 0.5])
        }
        #expect(throws: LossInputError(.yPred, sample: 2, "the gradient overflows Float64 (values or weights too large)")) {
            try CategoricalCrossEntropy(epsilon: 0x1p-1063).evaluate(yTrue: [[1, 0], [0, 1], [0, 1]], yPred: [[0.5, 0.5], [0.5, 0.5], [1, 0]])
        }
    }

    @Test func aPerSampleTermThatOverflowsIsRefusedThoughTheMeanIsFinite() {
        #expect(throws: LossInputError(.yPred, sample: 0, "the loss overflows Float64 (values too large)")) {
            try MeanSquaredError().evaluate(yTrue: [0, 0], yPred: [10, 1], weights: [1e308, 1], reduction: .none, gradient: false)
        }
    }

    @Test func anOverflowingWeightedTermIsNamed() {
        #expect(throws: LossInputError(.yPred, sample: 1, "the loss overflows Float64 (values too large)")) {
            try MeanAbsoluteError().evaluate(yTrue: [0, 0], yPred: [1, 1e200], weights: [1, 1e300], reduction: .sum, gradient: false)
        }
    }
}
