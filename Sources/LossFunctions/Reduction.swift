/// How per-sample losses are folded into one number, as in PyTorch's `reduction` argument.
public enum Reduction: String, CaseIterable, Sendable {
    /// Weighted mean: sum(w * l) / sum(w) (plain mean without weights).
    case mean
    /// Weighted sum: sum(w * l).
    case sum
    /// No folding: one loss per sample.
    case none
}
