/// The result of evaluating a loss on a batch: the reduced value, per-sample terms and the gradient.
public struct LossEvaluation: Sendable, Equatable {
    /// How the per-sample terms were folded.
    public let reduction: Reduction
    /// The reduced loss: weighted mean or weighted sum. For `.none` it is the weighted mean, as a summary.
    public let value: Double
    /// Weighted per-sample terms w_i * l_i; present only for `.none`.
    public let perSample: [Double]?
    /// Gradient of the reduced loss (for `.none`: of each weighted term w_i * l_i) with respect to
    /// the predictions, flat and shaped like them (row-major for matrices); nil when not asked for.
    public let gradient: [Double]?

    public init(reduction: Reduction, value: Double, perSample: [Double]?, gradient: [Double]?) {
        self.reduction = reduction
        self.value = value
        self.perSample = perSample
        self.gradient = gradient
    }
}
