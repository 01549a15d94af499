import Foundation
import Testing
import Evaluation
import LossFunctions

/// Values and gradients against two independent references, through the command line's entry point:
/// numpy / JAX autograd / optax / scikit-learn (Fixtures/make_fixtures.py wrote reference_cases.json)
/// and PyTorch's built-in losses with torch.autograd (Fixtures/make_torch_fixtures.py wrote
/// torch_cases.json). Both files go through the same `matchesReference`.
@Suite struct ReferenceFixtureTests {
    /// How far a computed number may be from the reference: |actual - expected| <= max(relative |expected|, absolute).
    struct Tolerance: Decodable, Sendable {
        let relative: Double
        let absolute: Double
        /// Why a case needs a tolerance other than its file's.
        let reason: String?

        init(relative: Double, absolute: Double) {
            self.relative = relative
            self.absolute = absolute
            self.reason = nil
        }

        func accepts(_ actual: Double, _ expected: Double) -> Bool {
            abs(actual - expected) <= max(relative * abs(expected), absolute)
        }
    }

    /// A fixture file and the tolerances its cases are held to unless a case states its own.
    struct FixtureFile: Sendable {
        /// Resource name in Fixtures/, without ".json".
        let resource: String
        let value: Tolerance
        let gradient: Tolerance
        /// Fewer cases than this means the file was not read as intended.
        let minimumCases: Int
    }

    static let files = [
        // JAX / optax (the suite's original bounds: 1e-12 on values, 1e-10 on gradients, relative above 1).
        FixtureFile(resource: "reference_cases", value: Tolerance(relative: 1e-12, absolute: 1e-12),
                    gradient: Tolerance(relative: 1e-10, absolute: 1e-10), minimumCases: 25),
        // PyTorch: relative 1e-12 on everything, with a 1e-15 floor for terms and gradients near zero.
        FixtureFile(resource: "torch_cases", value: Tolerance(relative: 1e-12, absolute: 1e-15),
                    gradient: Tolerance(relative: 1e-12, absolute: 1e-15), minimumCases: 60),
    ]

    /// One reference case; the fields after `gradients` are optional in the JSON.
    struct Case: Decodable {
        let name: String
        let loss: String
        let options: [String: Double]
        let value: Double
        let inputs: [String: Matrix]
        let gradients: [String: Matrix]
        /// "mean" (when absent), "sum" or "none".
        let reduction: String?
        /// Per-sample weights (`--weights`).
        let weights: [Double]?
        /// "balanced" for `--class-weight balanced`.
        let classWeight: String?
        /// For reduction "none": the weighted per-sample terms.
        let perSample: [Double]?
        /// Overrides the file's tolerances for values and gradients.
        let tolerance: Tolerance?

        enum CodingKeys: String, CodingKey {
            case name, loss, options, value, inputs, gradients, reduction, weights, tolerance
            case classWeight = "class_weight", perSample = "per_sample"
        }
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

    /// Each file's cases by resource name; a file that cannot be read has none.
    static let cases: [String: [Case]] = Dictionary(uniqueKeysWithValues: files.map { file in
        guard let url = Bundle.module.url(forResource: file.resource, withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let decoded = try? JSONDecoder().decode(File.self, from: data) else { return (file.resource, []) }
        return (file.resource, decoded.cases)
    })

    /// "file: case name" for every case of every file.
    static let caseIDs: [String] = files.flatMap { file in
        (cases[file.resource] ?? []).map { "\(file.resource): \($0.name)" }
    }

    @Test(arguments: files.map(\.resource))
    func fixturesAreLoaded(_ resource: String) throws {
        let file = try #require(Self.files.first { $0.resource == resource })
        let loaded = Self.cases[resource] ?? []
        #expect(loaded.count >= file.minimumCases)
        #expect(Set(loaded.map(\.name)).count == loaded.count, "case names are unique")
    }

    @Test(arguments: caseIDs)
    func matchesReference(_ id: String) throws {
        let file = try #require(Self.files.first { id.hasPrefix("\($0.resource): ") })
        let name = String(id.dropFirst(file.resource.count + 2))
        let c = try #require(Self.cases[file.resource]?.first { $0.name == name })
        let valueTolerance = c.tolerance ?? file.value
        let gradientTolerance = c.tolerance ?? file.gradient
        guard let loss = LossName(rawValue: c.loss) else {
            Issue.record("unknown loss \(c.loss)")
            return
        }
        let reduction = try #require(Reduction(rawValue: c.reduction ?? "mean"), "reduction \(c.reduction ?? "")")
        #expect(c.classWeight == nil || c.classWeight == "balanced", "class weight \(c.classWeight ?? "")")
        let options = LossOptions(delta: c.options["delta"], quantile: c.options["quantile"], alpha: c.options["alpha"],
                                  gamma: c.options["gamma"], lambda: c.options["lambda"], margin: c.options["margin"],
                                  fromLogits: c.options["from_logits"] == 1)
        try options.validate(for: loss)
        let order = loss.inputKind.slots.map(\.jsonKey)
        let matrices = try order.map { try #require(c.inputs[$0]) }
        let outcome = try withViews(matrices) { views in
            let inputs: LossInputs
            switch loss.inputKind {
            case .predictions: inputs = .predictions(yTrue: views[0], yPred: views[1])
            case .pairs: inputs = .pairs(x1: views[0], x2: views[1], labels: views[2].elements)
            case .triplets: inputs = .triplets(anchor: views[0], positive: views[1], negative: views[2])
            }
            return try (c.weights ?? []).withUnsafeBufferPointer { w in
                try evaluateLoss(loss, options: options, inputs: inputs, weights: c.weights == nil ? nil : w,
                                 balancedClassWeights: c.classWeight == "balanced", reduction: reduction, gradient: true)
            }
        }
        #expect(valueTolerance.accepts(outcome.value, c.value), "\(name) value: \(outcome.value) vs \(c.value)")
        if reduction == .none {
            let expected = try #require(c.perSample, "\(name): reduction none needs per_sample")
            let actual = try #require(outcome.perSample)
            #expect(actual.count == expected.count)
            for (i, (a, e)) in zip(actual, expected).enumerated() {
                #expect(valueTolerance.accepts(a, e), "\(name) term \(i): \(a) vs \(e)")
            }
        }
        let differentiated = loss.inputKind.differentiatedSlots.map(\.jsonKey)
        for (k, input) in differentiated.enumerated() {
            let expected = try #require(c.gradients[input]).values
            let actual = Array(outcome.gradient(k))
            #expect(actual.count == expected.count)
            for (i, (a, e)) in zip(actual, expected).enumerated() {
                #expect(gradientTolerance.accepts(a, e), "\(name) d/d\(input)[\(i)]: \(a) vs \(e)")
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
