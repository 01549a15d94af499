/// One loss over one batch, seen sample by sample: the contract between every loss and `BatchReducer`.
///
/// A kernel reads its inputs in place (buffers owned by the caller) and, when asked, writes the
/// scaled gradient of sample `i` into its own output buffers, so a batch is one pass with no temporaries.
@usableFromInline
protocol SampleKernel: SendableMetatype {
    /// Number of samples in the batch.
    var count: Int { get }
    /// Whether sample `i` lies in the loss's domain (finite, probabilities in [0, 1], valid labels...).
    func accepts(_ i: Int) -> Bool
    /// Why sample `i` was not accepted; called only after `accepts(i)` returned false.
    func rejection(_ i: Int) -> LossInputError
    /// The per-sample term l_i.
    func term(_ i: Int) -> Double
    /// Returns l_i and writes `scale` * d l_i / d inputs into the kernel's gradient buffers.
    func termWritingGradient(_ i: Int, scale: Double) -> Double
    /// Terms i..<i+4 (all within the batch) as one vector.
    func terms(from i: Int) -> SIMD4<Double>
    /// For samples i..<i+4 (all within the batch): 1 where `accepts` refuses, 0 elsewhere.
    func refusals(from i: Int) -> SIMD4<Int64>
    /// The first sample whose term cannot even be computed safely (a class index is an offset into
    /// its row: out of range it would read and write outside the buffers), or nil. The reducer asks
    /// before any term runs; `accepts` must refuse such a sample too. Default: nil, for kernels whose
    /// terms are arithmetic on any values (the domain test after the pass catches those).
    func firstUnsafeSample() -> Int?
    /// After a pass that wrote gradients: the input and sample of the first gradient value that is
    /// infinite or NaN, or nil.
    func firstNonFiniteGradient() -> (LossInputError.Input, Int)?
}

extension SampleKernel {
    @inlinable @inline(__always)
    func terms(from i: Int) -> SIMD4<Double> {
        SIMD4(term(i), term(i + 1), term(i + 2), term(i + 3))
    }

    @inlinable @inline(__always)
    func refusals(from i: Int) -> SIMD4<Int64> {
        SIMD4(accepts(i) ? 0 : 1, accepts(i + 1) ? 0 : 1, accepts(i + 2) ? 0 : 1, accepts(i + 3) ? 0 : 1)
    }

    @inlinable
    func firstUnsafeSample() -> Int? { nil }
}
