import Foundation

/// TensorBoard's scalar smoothing, exactly as its line chart computes it (`resmoothDataset` in
/// `vz_line_chart2/line-chart.ts`): a first-order IIR filter started at 0,
/// `last = last * w + (1 - w) * y` over the finite values, each shown debiased as
/// `last / (1 - w^n)` with `n` the finite values seen so far. A non-finite value is passed
/// through and does not move the average; a constant series is returned as it is.
public enum Smoothing {
    public static func tensorBoard(_ values: [Double], weight w: Double) -> [Double] {
        guard let first = values.first, w > 0 else { return values }
        // TensorBoard's #786: a constant series keeps its value (1 - w^n rounding aside).
        if values.allSatisfy({ $0 == first }) { return values }
        var out = values
        var last = 0.0
        var n = 0.0
        // w^n, kept as a running product (pow per point costs more than the rest together).
        var wn = 1.0
        for (i, y) in values.enumerated() where y.isFinite {
            last = last * w + (1 - w) * y
            n += 1
            wn *= w
            out[i] = last / (1 - wn)
        }
        return out
    }
}
