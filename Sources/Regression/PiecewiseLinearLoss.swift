import LossFunctions

/// Losses that are piecewise linear in the prediction (|e| and the pinball loss). For these
/// the best line is a vertex of a linear program: it passes through (at least) two samples,
/// so `RobustLinearRegression` finds it exactly by searching those lines instead of
/// iterating.
public protocol PiecewiseLinearLoss: ElementwiseLoss {}

extension MeanAbsoluteError: PiecewiseLinearLoss {}
extension QuantileLoss: PiecewiseLinearLoss {}
