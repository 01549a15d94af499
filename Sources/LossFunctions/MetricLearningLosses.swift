/// Gradients of a loss over several embedding matrices, one flat row-major array per input.
public struct EmbeddingLossEvaluation: Sendable, Equatable {
    /// How the per-sample terms were folded.
    public let reduction: Reduction
    /// The reduced loss (for `.none`, the weighted mean as a summary).
    public let value: Double
    /// Weighted per-sample terms; present only for `.none`.
    public let perSample: [Double]?
    /// Gradient with respect to each embedding matrix, in argument order ((x1, x2) or
    /// (anchor, positive, negative)), each shaped like its input; nil when not asked for.
    public let gradients: [[Double]]?
}

/// Contrastive loss as the document (label 0 = similar, 1 = dissimilar; Euclidean distance d):
/// l = 0.5 ((1 - y) d^2 + y max(0, margin - d)^2).
/// Gradient in x1: (1 - y)(x1 - x2) - y max(0, margin - d)(x1 - x2) / d, 0 for the second part
/// at d = 0; the gradient in x2 is its negative.
public struct ContrastiveLoss: Sendable {
    /// Minimum distance wanted between dissimilar pairs (default 1, must be positive).
    public let margin: Double

    public init(margin: Double = 1) { self.margin = margin }

    /// Evaluates pairs held in nested arrays.
    public func evaluate(
        x1: [[Double]], x2: [[Double]], labels: [Double], weights: [Double]? = nil,
        reduction: Reduction = .mean, gradient: Bool = true
    ) throws(LossInputError) -> EmbeddingLossEvaluation {
        let a = try flattenRows(x1, input: .x1), b = try flattenRows(x2, input: .x2)
        guard x1.count == x2.count, a.columns == b.columns else {
            throw LossInputError(.x2, sample: nil, "shape \(x2.count) x \(b.columns) differs from \(input: .x1)'s \(x1.count) x \(a.columns)")
        }
        return try evaluateEmbeddings([a.values, b.values], rows: x1.count, columns: a.columns,
                                      weights: weights, reduction: reduction, gradient: gradient) { m, w, g, s throws(LossInputError) in
            try labels.withUnsafeBufferPointer { y throws(LossInputError) in
                try evaluate(x1: m[0], x2: m[1], labels: y, weights: w, reduction: reduction,
                             gradients: g.map { ($0[0], $0[1]) }, perSample: s)
            }
        }
    }

    /// Evaluates pairs read in place; `gradients` (if given) receive d/dx1 and d/dx2.
    public func evaluate(
        x1: MatrixView, x2: MatrixView, labels: UnsafeBufferPointer<Double>,
        weights: UnsafeBufferPointer<Double>? = nil, reduction: Reduction = .mean,
        gradients: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>)? = nil,
        perSample: UnsafeMutableBufferPointer<Double>? = nil
    ) throws(LossInputError) -> Double {
        guard x1.rows == x2.rows, x1.columns == x2.columns else {
            throw LossInputError(.x2, sample: nil, "shape \(x2.rows) x \(x2.columns) differs from \(input: .x1)'s \(x1.rows) x \(x1.columns)")
        }
        guard labels.count == x1.rows else {
            throw LossInputError(.labels, sample: nil, "has \(labels.count) values for \(x1.rows) pairs")
        }
        if let gradients {
            try checkGradientShape(gradients.0, x1)
            try checkGradientShape(gradients.1, x2)
        }
        let kernel = ContrastiveKernel(margin: margin, x1: x1, x2: x2, labels: labels,
                                       g1: gradients?.0.baseAddress, g2: gradients?.1.baseAddress)
        return try BatchReducer.reduce(kernel, weights: weights, reduction: reduction,
                                       writesGradient: gradients != nil, perSample: perSample)
    }
}

/// Triplet loss as the document (Euclidean distances): l = max(0, d(a, p) - d(a, n) + margin).
/// While active, d/da = (a - p)/d(a,p) - (a - n)/d(a,n), d/dp = -(a - p)/d(a,p), d/dn = (a - n)/d(a,n),
/// each direction taken as 0 at zero distance; 0 where the hinge is inactive or exactly at its kink.
public struct TripletLoss: Sendable {
    /// How much closer the positive must be than the negative (default 0.5, must be positive).
    public let margin: Double

    public init(margin: Double = 0.5) { self.margin = margin }

    /// Evaluates triplets held in nested arrays.
    public func evaluate(
        anchor: [[Double]], positive: [[Double]], negative: [[Double]], weights: [Double]? = nil,
        reduction: Reduction = .mean, gradient: Bool = true
    ) throws(LossInputError) -> EmbeddingLossEvaluation {
        let a = try flattenRows(anchor, input: .anchor)
        let p = try flattenRows(positive, input: .positive)
        let n = try flattenRows(negative, input: .negative)
        guard positive.count == anchor.count, p.columns == a.columns else {
            throw LossInputError(.positive, sample: nil, "shape differs from \(input: .anchor)'s \(anchor.count) x \(a.columns)")
        }
        guard negative.count == anchor.count, n.columns == a.columns else {
            throw LossInputError(.negative, sample: nil, "shape differs from \(input: .anchor)'s \(anchor.count) x \(a.columns)")
        }
        return try evaluateEmbeddings([a.values, p.values, n.values], rows: anchor.count, columns: a.columns,
                                      weights: weights, reduction: reduction, gradient: gradient) { m, w, g, s throws(LossInputError) in
            try evaluate(anchor: m[0], positive: m[1], negative: m[2], weights: w, reduction: reduction,
                         gradients: g.map { ($0[0], $0[1], $0[2]) }, perSample: s)
        }
    }

    /// Evaluates triplets read in place; `gradients` (if given) receive d/danchor, d/dpositive, d/dnegative.
    public func evaluate(
        anchor: MatrixView, positive: MatrixView, negative: MatrixView,
        weights: UnsafeBufferPointer<Double>? = nil, reduction: Reduction = .mean,
        gradients: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                    UnsafeMutableBufferPointer<Double>)? = nil,
        perSample: UnsafeMutableBufferPointer<Double>? = nil
    ) throws(LossInputError) -> Double {
        for (view, input) in [(positive, LossInputError.Input.positive), (negative, .negative)]
        where view.rows != anchor.rows || view.columns != anchor.columns {
            throw LossInputError(input, sample: nil,
                                 "shape \(view.rows) x \(view.columns) differs from \(input: .anchor)'s \(anchor.rows) x \(anchor.columns)")
        }
        if let gradients {
            try checkGradientShape(gradients.0, anchor)
            try checkGradientShape(gradients.1, positive)
            try checkGradientShape(gradients.2, negative)
        }
        let kernel = TripletKernel(margin: margin, anchor: anchor, positive: positive, negative: negative,
                                   ga: gradients?.0.baseAddress, gp: gradients?.1.baseAddress, gn: gradients?.2.baseAddress)
        return try BatchReducer.reduce(kernel, weights: weights, reduction: reduction,
                                       writesGradient: gradients != nil, perSample: perSample)
    }
}

/// Runs a buffer-based embedding evaluation on arrays, allocating the outputs.
func evaluateEmbeddings(
    _ matrices: [[Double]], rows: Int, columns: Int, weights: [Double]?, reduction: Reduction, gradient: Bool,
    _ body: ([MatrixView], UnsafeBufferPointer<Double>?, [UnsafeMutableBufferPointer<Double>]?,
             UnsafeMutableBufferPointer<Double>?) throws(LossInputError) -> Double
) throws(LossInputError) -> EmbeddingLossEvaluation {
    var perSample: [Double]? = reduction == .none ? [Double](repeating: 0, count: rows) : nil
    // Outputs are allocated by hand so all of them can be written through one call.
    let inputs = matrices.map { m -> UnsafeMutableBufferPointer<Double> in
        let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: m.count)
        _ = b.initialize(from: m)
        return b
    }
    let outputs: [UnsafeMutableBufferPointer<Double>]? = gradient ? matrices.map { m in
        let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: m.count)
        b.initialize(repeating: 0)
        return b
    } : nil
    defer {
        inputs.forEach { $0.deallocate() }
        outputs?.forEach { $0.deallocate() }
    }
    let views = inputs.map { MatrixView(elements: UnsafeBufferPointer($0), rows: rows, columns: columns) }
    let value = try withOptionalBuffer(weights) { w throws(LossInputError) in
        try withOptionalMutableBuffer(&perSample) { s throws(LossInputError) in
            try body(views, w, outputs, s)
        }
    }
    return EmbeddingLossEvaluation(reduction: reduction, value: value, perSample: perSample,
                                   gradients: outputs?.map { Array($0) })
}

/// Pair i of `ContrastiveLoss`.
struct ContrastiveKernel: SampleKernel {
    let margin: Double
    let x1: MatrixView
    let x2: MatrixView
    let labels: UnsafeBufferPointer<Double>
    let g1: UnsafeMutablePointer<Double>?
    let g2: UnsafeMutablePointer<Double>?

    var count: Int { x1.rows }

    func firstNonFiniteGradient() -> (LossInputError.Input, Int)? {
        let n = x1.elements.count, k = x1.columns
        if let row = firstNonFinite(g1, count: n, columns: k) { return (.x1, row) }
        return firstNonFinite(g2, count: n, columns: k).map { (.x2, $0) }
    }

    func accepts(_ i: Int) -> Bool {
        guard labels[i] == 0 || labels[i] == 1 else { return false }
        let a = x1.row(i), b = x2.row(i)
        for j in 0..<x1.columns where !(a[j].isFinite && b[j].isFinite) { return false }
        return true
    }

    func rejection(_ i: Int) -> LossInputError {
        if !(labels[i] == 0 || labels[i] == 1) {
            return LossInputError(.labels, sample: i, "label \(labels[i]) is not 0 (similar) or 1 (dissimilar)")
        }
        let a = x1.row(i)
        for j in 0..<x1.columns where !a[j].isFinite {
            return LossInputError(.x1, sample: i, "value \(a[j]) is not a finite number")
        }
        return LossInputError(.x2, sample: i, "a value is not a finite number")
    }

    func term(_ i: Int) -> Double {
        let d = StableMath.distance(x1.row(i), x2.row(i), x1.columns)
        let y = labels[i], h = max(0, margin - d)
        return 0.5 * ((1 - y) * d * d + y * h * h)
    }

    func termWritingGradient(_ i: Int, scale: Double) -> Double {
        let a = x1.row(i), b = x2.row(i), k = x1.columns
        let d = StableMath.distance(a, b, k)
        let y = labels[i], h = max(0, margin - d)
        // d l / d x1 = c * (x1 - x2), with the hinge's direction dropped at d = 0.
        let c = (1 - y) - (d > 0 ? y * h / d : 0)
        if let g1, let g2 {
            for j in 0..<k {
                let g = scale * c * (a[j] - b[j])
                g1[i * k + j] = g
                g2[i * k + j] = -g
            }
        }
        return 0.5 * ((1 - y) * d * d + y * h * h)
    }
}

/// Triplet i of `TripletLoss`.
struct TripletKernel: SampleKernel {
    let margin: Double
    let anchor: MatrixView
    let positive: MatrixView
    let negative: MatrixView
    let ga: UnsafeMutablePointer<Double>?
    let gp: UnsafeMutablePointer<Double>?
    let gn: UnsafeMutablePointer<Double>?

    var count: Int { anchor.rows }

    func firstNonFiniteGradient() -> (LossInputError.Input, Int)? {
        let n = anchor.elements.count, k = anchor.columns
        for (g, input) in [(ga, LossInputError.Input.anchor), (gp, .positive), (gn, .negative)] {
            if let row = firstNonFinite(g, count: n, columns: k) { return (input, row) }
        }
        return nil
    }

    func accepts(_ i: Int) -> Bool {
        let a = anchor.row(i), p = positive.row(i), n = negative.row(i)
        for j in 0..<anchor.columns where !(a[j].isFinite && p[j].isFinite && n[j].isFinite) { return false }
        return true
    }

    func rejection(_ i: Int) -> LossInputError {
        for (view, input) in [(anchor, LossInputError.Input.anchor), (positive, .positive), (negative, .negative)] {
            let r = view.row(i)
            for j in 0..<view.columns where !r[j].isFinite {
                return LossInputError(input, sample: i, "value \(r[j]) is not a finite number")
            }
        }
        return LossInputError(.anchor, sample: i, "triplet is outside the loss's domain")
    }

    func term(_ i: Int) -> Double {
        let k = anchor.columns
        let dp = StableMath.distance(anchor.row(i), positive.row(i), k)
        let dn = StableMath.distance(anchor.row(i), negative.row(i), k)
        return max(0, dp - dn + margin)
    }

    func termWritingGradient(_ i: Int, scale: Double) -> Double {
        let k = anchor.columns
        let a = anchor.row(i), p = positive.row(i), n = negative.row(i)
        let dp = StableMath.distance(a, p, k), dn = StableMath.distance(a, n, k)
        let l = max(0, dp - dn + margin)
        guard let ga, let gp, let gn else { return l }
        let active = l > 0
        let cp = active && dp > 0 ? scale / dp : 0
        let cn = active && dn > 0 ? scale / dn : 0
        for j in 0..<k {
            let towardsP = cp * (a[j] - p[j]), towardsN = cn * (a[j] - n[j])
            ga[i * k + j] = towardsP - towardsN
            gp[i * k + j] = -towardsP
            gn[i * k + j] = towardsN
        }
        return l
    }
}
