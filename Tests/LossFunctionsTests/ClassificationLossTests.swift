import Foundation
import Testing
@testable import LossFunctions

/// The document's worked examples for the classification and metric-learning losses.
@Suite struct ClassificationLossTests {
    @Test func bceWorkedExample() throws {
        let result = try BinaryCrossEntropy().evaluate(yTrue: [1, 0, 1, 1, 0], yPred: [0.9, 0.1, 0.8, 0.6, 0.2])
        #expect(abs(result.value - 0.2336) < 5e-5)
        let expected = [-0.22222222, 0.22222222, -0.25, -0.33333333, 0.25]
        for (g, e) in zip(result.gradient ?? [], expected) { #expect(abs(g - e) < 1e-8) }
    }

    let oneHot: [[Double]] = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
    let probabilities: [[Double]] = [[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6]]

    @Test func confidentLogitsKeepTheirTinyLossAndGradient() {
        // y = 1 with a large logit, y = 0 with a very negative one: both are exp(-|z|)-small and must
        // not round to 0 (1 - sigmoid(z) would).
        let loss = BinaryCrossEntropy(fromLogits: true)
        for z in [20.0, 40, 300] {
            let expected = 1 / (1 + exp(z))
            #expect(abs(loss.termDerivative(1, z) + expected) <= 1e-15 * expected, "z = \(z)")
            #expect(abs(loss.termDerivative(0, -z) - expected) <= 1e-15 * expected, "z = \(-z)")
            #expect(abs(loss.term(1, z) - log1p(exp(-z))) <= 1e-15 * log1p(exp(-z)), "z = \(z)")
        }
        #expect(abs(loss.termDerivative(0.3, 2) - (1 / (1 + exp(-2.0)) - 0.3)) <= 4e-16, "soft labels: sigmoid(z) - y, to a few ulps")
    }

    @Test func categoricalWorkedExample() throws {
        let cce = try CategoricalCrossEntropy().evaluate(yTrue: oneHot, yPred: probabilities)
        #expect(abs(cce.value - 0.3635) < 5e-5)
        let sparse = try SparseCategoricalCrossEntropy().evaluate(classIndices: [1, 0, 2], yPred: probabilities)
        #expect(abs(sparse.value - cce.value) < 1e-15)
        #expect(sparse.gradient == cce.gradient)
    }

    @Test func hingeWorkedExampleAndZeroOneLabels() throws {
        let scores = [2.0, -1.5, 0.5, -0.3, -0.1]
        let hinge = try HingeLoss().evaluate(yTrue: [1, -1, 1, -1, 1], yPred: scores)
        #expect(abs(hinge.value - 0.46) < 1e-12)
        let mapped = try HingeLoss().evaluate(yTrue: [1, 0, 1, 0, 1], yPred: scores)
        #expect(mapped == hinge)
    }

    @Test func focalWorkedExample() throws {
        let y: [Double] = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        let p = [0.9, 0.1, 0.2, 0.1, 0.15, 0.05, 0.2, 0.1, 0.05, 0.85]
        let bce = try BinaryCrossEntropy().evaluate(yTrue: y, yPred: p).value
        let focal = try FocalLoss(gamma: 2).evaluate(yTrue: y, yPred: p).value
        #expect(abs(bce - 0.1295) < 5e-5)
        #expect(abs(focal - 0.0020) < 5e-5)
    }

    @Test func contrastiveAndTripletWorkedExamples() throws {
        let contrastive = try ContrastiveLoss(margin: 2).evaluate(
            x1: [[1, 2], [3, 4], [5, 6]], x2: [[1.1, 2.1], [8, 9], [5.2, 6.1]], labels: [0, 1, 0])
        #expect(abs(contrastive.value - 0.0117) < 5e-5)
        let triplet = try TripletLoss(margin: 0.5).evaluate(anchor: [[1, 2]], positive: [[1.1, 2.1]], negative: [[5, 6]])
        #expect(triplet.value == 0)
        #expect(triplet.gradients == [[0, 0], [0, 0], [0, 0]])
    }
}
