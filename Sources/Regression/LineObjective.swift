import Foundation
import LossFunctions

/// The mean loss of a line `ŷ = intercept + slope · x` over a sample,
/// `F(b, w) = (1/n) Σ loss.term(yᵢ, b + w xᵢ)`, with its gradient and an exact measure of
/// optimality that also holds at kinks: the distance from 0 to the subdifferential ∂F.
///
/// For a smooth loss that distance is the gradient norm. For a piecewise-linear loss (MAE,
/// quantile) every sample whose residual is (numerically) zero contributes the whole interval
/// between its one-sided derivatives, read from the loss's own `termDerivative` just left and
/// right of the kink. The line is optimal iff 0 ∈ ∂F, i.e. the distance is 0.
struct LineObjective<Loss: ElementwiseLoss> {
    let loss: Loss
    let x: [Double]
    let y: [Double]
    /// Residuals with `|r| <= zeroResidual` count as sitting on a kink.
    let zeroResidual: Double

    init(loss: Loss, x: [Double], y: [Double]) {
        self.loss = loss
        self.x = x
        self.y = y
        let scale = y.reduce(0) { max($0, abs($1)) } + x.reduce(0) { max($0, abs($1)) } + 1
        zeroResidual = 1e-9 * scale
    }

    var count: Double { Double(x.count) }

    /// `F(b, w)`.
    func value(intercept b: Double, slope w: Double) -> Double {
        var sum = 0.0
        for i in x.indices { sum += loss.term(y[i], b + w * x[i]) }
        return sum / count
    }

    /// `∇F = (1/n) Σ dᵢ (1, xᵢ)` with `dᵢ = termDerivative(yᵢ, ŷᵢ)` (the loss's subgradient choice at kinks).
    func gradient(intercept b: Double, slope w: Double) -> (Double, Double) {
        var gb = 0.0, gw = 0.0
        for i in x.indices {
            let d = loss.termDerivative(y[i], b + w * x[i])
            gb += d
            gw += d * x[i]
        }
        return (gb / count, gw / count)
    }

    /// `dist(0, ∂F(b, w)) = max(0, -min_{|u| = 1} F'(b, w; u))`, computed exactly in the
    /// 2-D parameter space: the directional derivative is piecewise linear in `u`, with
    /// breakpoints where `u ⟂ (1, xᵢ)` for kink samples, so the minimum over the circle is at a
    /// breakpoint or at the minimiser `-c/|c|` of an arc's linear piece `c · u`.
    func subdifferentialDistance(intercept b: Double, slope w: Double) -> Double {
        var smooth = (0.0, 0.0)
        var kinks: [(x: Double, left: Double, right: Double)] = []
        for i in x.indices {
            let prediction = b + w * x[i]
            if abs(y[i] - prediction) <= zeroResidual {
                // One-sided derivatives at the kink ŷ = y, from the loss itself.
                let h = max(abs(y[i]), 1) * 1e-7
                let left = loss.termDerivative(y[i], y[i] - h)
                let right = loss.termDerivative(y[i], y[i] + h)
                kinks.append((x[i], min(left, right), max(left, right)))
            } else {
                let d = loss.termDerivative(y[i], prediction)
                smooth.0 += d
                smooth.1 += d * x[i]
            }
        }
        let n = count
        func arcCoefficients(at angle: Double) -> (Double, Double) {
            let u = (cos(angle), sin(angle))
            var c = smooth
            for k in kinks {
                let along = u.0 + k.x * u.1
                let d = along >= 0 ? k.right : k.left
                c.0 += d
                c.1 += d * k.x
            }
            return (c.0 / n, c.1 / n)
        }
        func derivative(at angle: Double) -> Double {
            // Directional derivative: the max over each kink's interval.
            let u = (cos(angle), sin(angle))
            var value = smooth.0 * u.0 + smooth.1 * u.1
            for k in kinks {
                let along = u.0 + k.x * u.1
                value += max(k.left * along, k.right * along)
            }
            return value / n
        }
        if kinks.isEmpty {
            return (smooth.0 * smooth.0 + smooth.1 * smooth.1).squareRoot() / n
        }
        let twoPi = 2 * Double.pi
        var angles: [Double] = []
        for k in kinks {
            let normal = atan2(k.x, 1)
            for offset in [Double.pi / 2, -Double.pi / 2] {
                var a = (normal + offset).truncatingRemainder(dividingBy: twoPi)
                if a < 0 { a += twoPi }
                angles.append(a)
            }
        }
        angles.sort()
        var minimum = Double.infinity
        for (index, start) in angles.enumerated() {
            var end = index + 1 < angles.count ? angles[index + 1] : angles[0] + twoPi
            if end <= start { end = start + 1e-15 }
            minimum = min(minimum, derivative(at: start))
            let c = arcCoefficients(at: (start + end) / 2)
            let norm = (c.0 * c.0 + c.1 * c.1).squareRoot()
            if norm > 0 {
                var target = atan2(-c.1, -c.0)
                while target < start { target += twoPi }
                if target <= end { minimum = min(minimum, -norm) }
            }
        }
        return max(0, -minimum)
    }
}
