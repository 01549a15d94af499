import Phrasing
import Dispatch

/// Folds per-sample terms into a value and scaled gradients: the one weighting and reduction routine
/// every loss goes through.
///
/// - mean: value = sum(w_i * l_i) / sum(w_i), gradient_i = w_i / sum(w) * d l_i
/// - sum:  value = sum(w_i * l_i),            gradient_i = w_i * d l_i
/// - none: per-sample w_i * l_i,              gradient_i = w_i * d l_i  (value: the weighted mean)
///
/// A mean depends only on the weights' ratios, so for the means (and none's summary value) the
/// weights are first multiplied by the power of two that brings the largest near 1
/// (`WeightScaling`): their sum and its reciprocal cannot overflow, and products with the terms do
/// not underflow, for weights anywhere from 5e-324 to 1.7e308. Scaling by a power of two is exact,
/// so ordinary weights give the same bits as the unscaled formula. Per-sample terms and the
/// gradients of sum and none use the weights as given.
///
/// Nothing infinite or NaN leaves: a value, per-sample term or gradient that overflows is refused,
/// naming the sample.
///
/// Batches above `parallelThreshold` samples are split into two fixed halves evaluated on both cores;
/// the halves are added in order, so the result does not depend on scheduling.
///
/// `reduce` is inlinable so that callers in other modules (library users calling `evaluate`) get it
/// specialized for their loss, as the command line does: unspecialized, every sample costs
/// witness-table calls and the loop runs about four times slower.
@usableFromInline
enum BatchReducer {
    /// Sample count from which the batch is split in two halves evaluated concurrently.
    @usableFromInline static let parallelThreshold = 100_000
    /// Terms are summed in blocks of this many before joining the running total (limits rounding growth).
    @usableFromInline static let blockLength = 1024

    @inlinable
    static func reduce<K: SampleKernel>(
        _ kernel: K,
        weights: UnsafeBufferPointer<Double>?,
        reduction: Reduction,
        writesGradient: Bool,
        perSample: UnsafeMutableBufferPointer<Double>?
    ) throws(LossInputError) -> Double {
        let n = kernel.count
        guard n > 0 else { throw LossInputError(nil, sample: nil, "no samples to evaluate") }
        if let perSample, perSample.count != n {
            throw LossInputError(nil, sample: nil, "per-sample output holds \(perSample.count) values for \(n) samples")
        }
        // What a term would use unchecked is checked first, in a pass of its own, so a bad class
        // index never reaches a term; the error names the first sample refused for any reason.
        if let unsafe = kernel.firstUnsafeSample() {
            throw kernel.rejection((0...unsafe).first(where: { !kernel.accepts($0) }) ?? unsafe)
        }
        let scaling = try WeightScaling(weights, count: n, reduction: reduction)

        let (total, rejected): (Double, Int)
        if n >= parallelThreshold {
            var partial: [(Double, Int)] = [(0, 0), (0, 0)]
            let half = n / 2
            partial.withUnsafeMutableBufferPointer { slots in
                let halves = SplitBatch(kernel: kernel, weights: weights, scaling: scaling, writesGradient: writesGradient,
                                        perSample: perSample, partial: slots.baseAddress)
                DispatchQueue.concurrentPerform(iterations: 2) { chunk in
                    halves.run(chunk == 0 ? 0..<half : half..<n, into: chunk)
                }
            }
            total = partial[0].0 + partial[1].0
            rejected = partial[0].1 + partial[1].1
        } else {
            (total, rejected) = pass(kernel, 0..<n, weights, scaling, writesGradient, perSample)
        }

        if rejected > 0, let first = (0..<n).first(where: { !kernel.accepts($0) }) {
            throw kernel.rejection(first)
        }
        guard total.isFinite else {
            let culprit = (0..<n).first(where: { !(scaling.weight(weights, $0) * kernel.term($0)).isFinite })
            throw LossInputError(culprit == nil ? nil : .yPred, sample: culprit,
                                 "the loss overflows Float64 (values too large)")
        }
        if let perSample, let culprit = firstNonFinite(perSample.baseAddress, count: n, columns: 1) {
            throw LossInputError(.yPred, sample: culprit, "the loss overflows Float64 (values too large)")
        }
        if writesGradient, let (input, culprit) = kernel.firstNonFiniteGradient() {
            throw LossInputError(input, sample: culprit, "the gradient overflows Float64 (values or weights too large)")
        }
        switch reduction {
        case .sum: return total
        // Every weight 0: no term weighs in, and none's summary is 0 rather than 0/0 (a mean has
        // been refused by `WeightScaling`).
        case .mean, .none: return scaling.sum == 0 ? 0 : total / scaling.sum
        }
    }

    /// One single-threaded pass over `range`; returns the weighted sum of terms and the count of rejected samples.
    @inlinable @inline(__always)
    static func pass<K: SampleKernel>(
        _ kernel: K, _ range: Range<Int>, _ weights: UnsafeBufferPointer<Double>?,
        _ scaling: WeightScaling, _ writesGradient: Bool, _ perSample: UnsafeMutableBufferPointer<Double>?
    ) -> (Double, Int) {
        if weights == nil && perSample == nil {
            return writesGradient ? unweightedPass(kernel, range, scale: scaling.gradientFactor, gradient: true)
                                  : unweightedPass(kernel, range, scale: scaling.gradientFactor, gradient: false)
        }
        var total = 0.0
        var rejected = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let blockEnd = min(i + blockLength, range.upperBound)
            var block = 0.0
            while i < blockEnd {
                rejected &+= kernel.accepts(i) ? 0 : 1
                let w = weights?[i] ?? 1
                let scaled = w * scaling.factor
                let l = writesGradient ? kernel.termWritingGradient(i, scale: scaling.gradientWeight(w, scaled: scaled)) : kernel.term(i)
                perSample?[i] = w * l
                block += scaled * l
                i += 1
            }
            total += block
        }
        return (total, rejected)
    }

    /// The pass without weights or per-sample output (what `lossplot eval` runs by default): each block
    /// is summed in four interleaved lanes, so consecutive adds do not wait on each other, and without
    /// a gradient the terms come four at a time from the kernel (vector code where the loss has it);
    /// the domain test is four lanes at a time too. The order of additions is fixed, so the result is still deterministic.
    @inlinable @inline(__always)
    static func unweightedPass<K: SampleKernel>(
        _ kernel: K, _ range: Range<Int>, scale: Double, gradient: Bool
    ) -> (Double, Int) {
        @inline(__always) func term(_ i: Int) -> Double {
            gradient ? kernel.termWritingGradient(i, scale: scale) : kernel.term(i)
        }
        var total = 0.0
        var rejected = 0
        var refused = SIMD4<Int64>.zero
        var i = range.lowerBound
        while i < range.upperBound {
            let blockEnd = min(i + blockLength, range.upperBound)
            var lanes = SIMD4<Double>.zero
            while i + 4 <= blockEnd {
                refused &+= kernel.refusals(from: i)
                lanes += gradient ? SIMD4(term(i), term(i + 1), term(i + 2), term(i + 3)) : kernel.terms(from: i)
                i += 4
            }
            while i < blockEnd {
                rejected &+= kernel.accepts(i) ? 0 : 1
                lanes[0] += term(i)
                i += 1
            }
            total += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
        }
        return (total, rejected &+ Int(refused[0] &+ refused[1] &+ refused[2] &+ refused[3]))
    }
}

/// How the weights of one batch enter its sums (see `BatchReducer`): every weight times `factor`,
/// a power of two, for the value; the gradient's factor by reduction.
@usableFromInline
struct WeightScaling {
    /// The power of two weights are multiplied by in the value's sums: 1 for a sum (whose value is
    /// the weights' own scale), else the one that brings the largest weight into [1, 2), its
    /// exponent kept within ±1022 so that the factor is a normal number (the largest weight then
    /// lands in [2^-52, 4) at the very ends of the range).
    @usableFromInline let factor: Double
    /// The sum of the scaled weights (the sample count without weights); unused for a sum.
    @usableFromInline let sum: Double
    /// Whether gradients carry w_i / sum(w) (a mean) rather than w_i.
    @usableFromInline let isMean: Bool
    /// The scale of every gradient in an unweighted batch, and of the scaled weights in a mean:
    /// 1 / sum for a mean, else 1.
    @usableFromInline let gradientFactor: Double

    /// Checks weights (finite, non-negative, one per sample, positive sum for a mean) and scales them.
    @usableFromInline
    init(_ weights: UnsafeBufferPointer<Double>?, count n: Int, reduction: Reduction) throws(LossInputError) {
        isMean = reduction == .mean
        guard let weights else {
            factor = 1
            sum = Double(n)
            gradientFactor = isMean ? 1 / sum : 1
            return
        }
        guard weights.count == n else {
            throw LossInputError(.weights, sample: nil, "has \(weights.count) values for \(n) samples")
        }
        var largest = 0.0
        for (i, w) in weights.enumerated() {
            guard w.isFinite, w >= 0 else {
                throw LossInputError(.weights, sample: i, "weight \(w) is not a finite non-negative number")
            }
            largest = max(largest, w)
        }
        factor = reduction == .sum || largest == 0 ? 1
            : Double(sign: .plus, exponent: min(max(-Int(largest.exponent), -1022), 1022), significand: 1)
        var total = 0.0
        if reduction != .sum {
            for w in weights { total += w * factor }
        }
        sum = total
        gradientFactor = isMean ? 1 / sum : 1
        if reduction == .mean && sum == 0 {
            throw LossInputError(.weights, sample: nil, "weights sum to zero: the weighted mean is undefined")
        }
    }

    /// The gradient scale of a sample of weight `w` (`scaled` = w * factor): w / sum(w) for a mean, else w.
    @inlinable @inline(__always)
    func gradientWeight(_ w: Double, scaled: Double) -> Double {
        isMean ? scaled * gradientFactor : w
    }

    /// Sample i's weight as the value's sums use it.
    @inlinable
    func weight(_ weights: UnsafeBufferPointer<Double>?, _ i: Int) -> Double {
        (weights?[i] ?? 1) * factor
    }
}

/// The row of the first infinite or NaN value among `count` values of `columns` per row, or nil.
@inlinable
func firstNonFinite(_ values: UnsafePointer<Double>?, count: Int, columns: Int) -> Int? {
    guard let values else { return nil }
    for j in 0..<count where !values[j].isFinite { return j / max(columns, 1) }
    return nil
}

/// `firstNonFinite` over an output buffer.
@inlinable
func firstNonFinite(_ values: UnsafeMutablePointer<Double>?, count: Int, columns: Int) -> Int? {
    firstNonFinite(values.map { UnsafePointer($0) }, count: count, columns: columns)
}

/// What the two halves of a split batch share, carried into `concurrentPerform`'s closure.
///
/// `@unchecked Sendable` because it holds buffer pointers, which are never Sendable. It is safe:
/// the kernel's inputs and the weights are only read; each half writes only the per-sample and
/// gradient entries of its own range (the ranges are disjoint) and its own slot of `partial`
/// (0 or 1); and `concurrentPerform` returns only after both halves finish, while the buffers are
/// still alive in the caller's scope.
@usableFromInline
struct SplitBatch<K: SampleKernel>: @unchecked Sendable {
    @usableFromInline let kernel: K
    @usableFromInline let weights: UnsafeBufferPointer<Double>?
    @usableFromInline let scaling: WeightScaling
    @usableFromInline let writesGradient: Bool
    @usableFromInline let perSample: UnsafeMutableBufferPointer<Double>?
    @usableFromInline let partial: UnsafeMutablePointer<(Double, Int)>?

    @inlinable
    init(kernel: K, weights: UnsafeBufferPointer<Double>?, scaling: WeightScaling, writesGradient: Bool,
         perSample: UnsafeMutableBufferPointer<Double>?, partial: UnsafeMutablePointer<(Double, Int)>?) {
        self.kernel = kernel
        self.weights = weights
        self.scaling = scaling
        self.writesGradient = writesGradient
        self.perSample = perSample
        self.partial = partial
    }

    /// Evaluates `range` and stores its sum and rejection count in slot `slot`.
    @inlinable
    func run(_ range: Range<Int>, into slot: Int) {
        partial?[slot] = BatchReducer.pass(kernel, range, weights, scaling, writesGradient, perSample)
    }
}
