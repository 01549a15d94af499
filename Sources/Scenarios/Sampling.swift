/// numpy's `linspace(start, stop, num)`: the same doubles, last one exactly `stop`.
public func linspace(_ start: Double, _ stop: Double, _ num: Int) -> [Double] {
    guard num > 0 else { return [] }
    guard num > 1 else { return [start] }
    let step = (stop - start) / Double(num - 1)
    var out = (0..<num).map { Double($0) * step + start }
    out[num - 1] = stop
    return out
}

import LossFunctions

/// The loss of each error e = y_true - y_pred, as the document's curves draw it: the term of
/// predicting 0 for the target e.
func lossCurve<L: ElementwiseLoss>(_ loss: L, errors: [Double]) -> [Double] {
    errors.map { loss.term($0, 0) }
}
