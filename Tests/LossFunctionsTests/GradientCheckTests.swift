import Testing
@testable import LossFunctions

/// Central finite differences against every analytic gradient, away from kinks and clips.
@Suite struct GradientCheckTests {
    /// Deterministic pseudo-random numbers in [0, 1) (no dependence on the system generator).
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static let elementwise: [(String, any ElementwiseLoss, targets: [Double], predictions: [Double])] = {
        var s = Stream(state: 7)
        let n = 24
        let t = (0..<n).map { _ in 6 * s.next() - 3 }
        let p = t.map { $0 + 4 * s.next() - 2 }
        let labels = (0..<n).map { _ in s.next() < 0.5 ? 0.0 : 1.0 }
        let probabilities = (0..<n).map { _ in 0.02 + 0.96 * s.next() }
        let logits = (0..<n).map { _ in 12 * s.next() - 6 }
        let signs = labels.map { 2 * $0 - 1 }
        let scores = (0..<n).map { _ in 4 * s.next() - 2 }
        return [
            ("mse", MeanSquaredError(), t, p), ("mae", MeanAbsoluteError(), t, p),
            ("huber", HuberLoss(delta: 0.7), t, p), ("log-cosh", LogCoshLoss(), t, p),
            ("quantile", QuantileLoss(quantile: 0.8), t, p), ("combined", CombinedLoss(alpha: 0.3), t, p),
            ("mse-penalty", MSEWithPenalty(lambda: 0.2), t, p),
            ("bce", BinaryCrossEntropy(), labels, probabilities),
            ("bce-logits", BinaryCrossEntropy(fromLogits: true), labels, logits),
            ("hinge", HingeLoss(), signs, scores), ("squared-hinge", SquaredHingeLoss(), signs, scores),
            ("focal", FocalLoss(), labels, probabilities), ("focal-no-alpha", FocalLoss(gamma: 1.5, alpha: nil), labels, probabilities),
            ("focal-logits", FocalLoss(gamma: 2, alpha: 0.3, fromLogits: true), labels, logits),
        ]
    }()

    /// Whether a kink or clip lies within `h` of the prediction (finite differences are meaningless there).
    func nearKink(_ name: String, _ y: Double, _ p: Double, _ h: Double) -> Bool {
        switch name {
        case "mae", "quantile", "combined": return abs(y - p) < 2 * h
        case "huber": return abs(abs(y - p) - 0.7) < 2 * h || abs(y - p) < 2 * h
        case "hinge", "squared-hinge": return abs(1 - y * p) < 2 * h
        default: return false
        }
    }

    @Test(arguments: 0..<elementwise.count)
    func elementwiseDerivativesMatchCentralDifferences(_ index: Int) {
        let (name, loss, targets, predictions) = Self.elementwise[index]
        let h = 1e-6
        for (y, p) in zip(targets, predictions) where !nearKink(name, y, p, h) {
            let numeric = (loss.term(y, p + h) - loss.term(y, p - h)) / (2 * h)
            let analytic = loss.termDerivative(y, p)
            #expect(abs(numeric - analytic) <= 1e-5 * max(1, abs(analytic)), "\(name) at y=\(y) p=\(p)")
        }
    }

    @Test func categoricalGradientsMatchCentralDifferences() throws {
        var s = Stream(state: 11)
        let rows = 5, k = 4
        let targets = (0..<rows).map { _ in (0..<k).map { _ in s.next() } }
        let logits = (0..<rows).map { _ in (0..<k).map { _ in 6 * s.next() - 3 } }
        let probabilities = (0..<rows).map { _ in (0..<k).map { _ in 0.05 + 0.9 * s.next() } }
        let indices = (0..<rows).map { _ in Int(s.next() * Double(k)) }
        let cases: [(String, ([[Double]]) throws -> LossEvaluation, [[Double]])] = [
            ("cce", { try CategoricalCrossEntropy().evaluate(yTrue: targets, yPred: $0) }, probabilities),
            ("cce-logits", { try CategoricalCrossEntropy(fromLogits: true).evaluate(yTrue: targets, yPred: $0) }, logits),
            ("sparse", { try SparseCategoricalCrossEntropy().evaluate(classIndices: indices, yPred: $0) }, probabilities),
            ("sparse-logits", { try SparseCategoricalCrossEntropy(fromLogits: true).evaluate(classIndices: indices, yPred: $0) }, logits),
        ]
        for (name, evaluate, x) in cases {
            let gradient = try #require(try evaluate(x).gradient)
            try checkNumerically(name, x, gradient, h: 1e-6) { try evaluate($0).value }
        }
    }

    @Test func metricLearningGradientsMatchCentralDifferences() throws {
        var s = Stream(state: 5)
        let rows = 6, d = 3
        func matrix(_ spread: Double) -> [[Double]] { (0..<rows).map { _ in (0..<d).map { _ in spread * (2 * s.next() - 1) } } }
        let a = matrix(2), b = matrix(2), c = matrix(2)
        let labels = (0..<rows).map { Double($0 % 2) }
        let contrastive = ContrastiveLoss(margin: 3)
        let pairs = try contrastive.evaluate(x1: a, x2: b, labels: labels)
        try checkNumerically("contrastive x1", a, pairs.gradients?[0] ?? [], h: 1e-6) {
            try contrastive.evaluate(x1: $0, x2: b, labels: labels).value
        }
        try checkNumerically("contrastive x2", b, pairs.gradients?[1] ?? [], h: 1e-6) {
            try contrastive.evaluate(x1: a, x2: $0, labels: labels).value
        }
        let triplet = TripletLoss(margin: 1)
        let triplets = try triplet.evaluate(anchor: a, positive: b, negative: c)
        try checkNumerically("triplet anchor", a, triplets.gradients?[0] ?? [], h: 1e-6) {
            try triplet.evaluate(anchor: $0, positive: b, negative: c).value
        }
        try checkNumerically("triplet positive", b, triplets.gradients?[1] ?? [], h: 1e-6) {
            try triplet.evaluate(anchor: a, positive: $0, negative: c).value
        }
        try checkNumerically("triplet negative", c, triplets.gradients?[2] ?? [], h: 1e-6) {
            try triplet.evaluate(anchor: a, positive: b, negative: $0).value
        }
    }

    func checkNumerically(_ name: String, _ x: [[Double]], _ gradient: [Double], h: Double,
                          _ value: ([[Double]]) throws -> Double) throws {
        let k = x[0].count
        #expect(gradient.count == x.count * k)
        for i in x.indices {
            for j in 0..<k {
                var up = x, down = x
                up[i][j] += h
                down[i][j] -= h
                let numeric = (try value(up) - value(down)) / (2 * h)
                let analytic = gradient[i * k + j]
                #expect(abs(numeric - analytic) <= 1e-5 * max(1, abs(analytic)), "\(name)[\(i)][\(j)]")
            }
        }
    }
}
