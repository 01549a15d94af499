/// Where a metric's x goes back (a Keras log appended by a second `fit` restarts at epoch 0),
/// the later part is moved to continue after the earlier: drawn as one run, never as a line
/// running backwards. Steps that repeat are not a restart.
public enum StepContinuation {
    /// `x` with each part that starts below its predecessor shifted to begin one usual stride
    /// (the last positive step seen, else 1) after the previous point; and how many parts moved.
    public static func continued(_ x: [Double]) -> (x: [Double], restarts: Int) {
        guard x.count > 1 else { return (x, 0) }
        var out = x
        var offset = 0.0, stride = 1.0, restarts = 0
        for i in 1..<x.count {
            let step = x[i] - x[i - 1]
            if step < 0 {
                restarts += 1
                offset = out[i - 1] + stride - x[i]
            } else if step > 0 {
                stride = step
            }
            out[i] = x[i] + offset
        }
        return (out, restarts)
    }
}
