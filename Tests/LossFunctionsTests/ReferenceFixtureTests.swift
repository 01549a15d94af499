import Foundation
import Testing
@testable import LossFunctions

/// Values and gradients against numpy / JAX autograd / optax / scikit-learn references
/// (Fixtures/make_fixtures.py wrote Fixtures/reference_cases.json).
@Suite struct ReferenceFixtureTests {
    struct Case: Decodable {
        let name: String
        let loss: String
        let options: [String: Double]
        let value: Double
        let inputs: [String: Matrix]
        let gradients: [String: Matrix]
    }

    /// A vector or a matrix from JSON, flattened row-major.
    struct Matrix: Decodable {
        let values: [Double]
        let columns: Int
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let rows = try? container.decode([[Double]].self) {
                values = rows.flatMap { $0 }
                columns = rows.first?.count ?? 1
            } else {
                values = try container.decode([Double].self)
                columns = 1
            }
        }
    }

    struct File: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "reference_cases", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()

    @Test func fixturesAreLoaded() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases.map(\.name))
    func matchesReference(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        guard let loss = LossName(rawValue: c.loss) else {
            Issue.record("unknown loss \(c.loss)")
            return
        }
        let options = LossOptions(delta: c.options["delta"], quantile: c.options["quantile"], alpha: c.options["alpha"],
                                  gamma: c.options["gamma"], lambda: c.options["lambda"], margin: c.options["margin"],
                                  fromLogits: c.options["from_logits"] == 1)
        try options.validate(for: loss)
        let order: [String]
        switch loss.inputKind {
        case .predictions: order = ["y_true", "y_pred"]
        case .pairs: order = ["x1", "x2", "labels"]
        case .triplets: order = ["anchor", "positive", "negative"]
        }
        let matrices = try order.map { try #require(c.inputs[$0]) }
        let outcome = try withViews(matrices) { views in
            let inputs: LossInputs
            switch loss.inputKind {
            case .predictions: inputs = .predictions(yTrue: views[0], yPred: views[1])
            case .pairs: inputs = .pairs(x1: views[0], x2: views[1], labels: views[2].elements)
            case .triplets: inputs = .triplets(anchor: views[0], positive: views[1], negative: views[2])
            }
            return try evaluateLoss(loss, options: options, inputs: inputs, weights: nil,
                                    balancedClassWeights: false, reduction: .mean, gradient: true)
        }
        #expect(abs(outcome.value - c.value) <= 1e-12 * max(1, abs(c.value)), "\(name) value")
        let differentiated = loss.inputKind == .predictions ? ["y_pred"]
            : loss.inputKind == .pairs ? ["x1", "x2"] : ["anchor", "positive", "negative"]
        for (k, input) in differentiated.enumerated() {
            let expected = try #require(c.gradients[input]).values
            let actual = Array(outcome.gradient(k))
            #expect(actual.count == expected.count)
            for (a, e) in zip(actual, expected) {
                #expect(abs(a - e) <= 1e-10 * max(1, abs(e)), "\(name) d/d\(input): \(a) vs \(e)")
            }
        }
    }

    /// Runs `body` with matrix views over the fixtures' arrays.
    func withViews<R>(_ matrices: [Matrix], _ body: ([MatrixView]) throws -> R) throws -> R {
        let buffers = matrices.map { m -> UnsafeMutableBufferPointer<Double> in
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: m.values.count)
            _ = b.initialize(from: m.values)
            return b
        }
        defer { buffers.forEach { $0.deallocate() } }
        let views = zip(buffers, matrices).map { b, m in
            MatrixView(elements: UnsafeBufferPointer(b), rows: m.values.count / m.columns, columns: m.columns)
        }
        return try body(views)
    }
}
