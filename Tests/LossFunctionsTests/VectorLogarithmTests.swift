#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TestSupport
@testable import LossFunctions

/// The vector logarithm against the C library's, and binary cross-entropy's vector path against its
/// scalar one.
@Suite struct VectorLogarithmTests {
    /// Distance in units in the last place between two finite doubles of the same sign.
    func ulps(_ a: Double, _ b: Double) -> UInt64 {
        if a == b { return 0 }
        guard a.sign == b.sign else { return .max }
        let x = a.magnitude.bitPattern, y = b.magnitude.bitPattern
        return x > y ? x - y : y - x
    }

    func worstUlps(_ values: [Double]) -> (ulps: UInt64, at: Double) {
        var worst: (UInt64, Double) = (0, .nan)
        var i = 0
        while i + 4 <= values.count {
            let x = SIMD4(values[i], values[i + 1], values[i + 2], values[i + 3])
            let y = StableMath.logarithm(x)
            for lane in 0..<4 {
                let d = ulps(y[lane], log(x[lane]))
                if d > worst.0 { worst = (d, x[lane]) }
            }
            i += 4
        }
        return worst
    }

    @Test func withinOneUlpOfTheCLibraryAcrossEveryExponent() {
        var random = SplitMix64(state: 1)
        // Every binade of the normal range, uniform mantissas.
        let wide = (0..<200_000).map { _ in
            Double(sign: .plus, exponent: Int(random.next() % 2046) - 1022, significand: 1 + random.unit())
        }
        let result = worstUlps(wide)
        #expect(result.ulps <= 1, "worst \(result.ulps) ulps at \(result.at)")
    }

    @Test func withinOneUlpWhereCrossEntropyTakesIt() {
        var random = SplitMix64(state: 2)
        // Probabilities and their complements, dense near 1 (confident, correct predictions) and near
        // the 1e-15 clip, plus the neighbours of 1 and of the boundaries of fdlibm's two forms.
        var values = (0..<100_000).map { _ in random.unit() * (1 - 2e-15) + 1e-15 }
        values += (0..<50_000).map { _ in 1 - pow(10, -15 * random.unit()) }
        values += (0..<50_000).map { _ in pow(10, -15 * random.unit()) }
        var near: [Double] = []
        for centre in [1.0, 0.5, 2, 1.38, 1.42, 0.69, 0.71, 2.0.squareRoot(), 0.5.squareRoot()] {
            var up = centre, down = centre
            for _ in 0..<400 { up = up.nextUp; down = down.nextDown; near += [up, down] }
        }
        values += near
        let result = worstUlps(values)
        #expect(result.ulps <= 1, "worst \(result.ulps) ulps at \(result.at)")
    }

    @Test func exactWhereTheLogarithmIsExact() {
        let y = StableMath.logarithm(SIMD4(1, 2, 0.5, 1024))
        #expect(y[0] == 0)
        #expect(y[1] == log(2.0))
        #expect(y[2] == -log(2.0))
        #expect(y[3] == 10 * log(2.0))
    }

    @Test func crossEntropyVectorPathAgreesWithTheScalarTerm() throws {
        var random = SplitMix64(state: 3)
        let n = 4_099  // not a multiple of four: the scalar tail runs too
        let hard = (0..<n).map { _ in Double(random.next() % 2) }
        let soft = (0..<n).map { i in i % 7 == 0 ? random.unit() : hard[i] }
        var probabilities = (0..<n).map { _ in random.unit() }
        probabilities[5] = 0; probabilities[6] = 1; probabilities[7] = 1e-300  // clipped
        // A subnormal clip takes the scalar path; it cannot clip 1 away from 1, so no exact 1 there.
        var belowOne = probabilities
        belowOne[6] = 0.999
        let subnormal = Double.leastNormalMagnitude / 1024
        for (labels, probabilities, loss) in [
            (hard, probabilities, BinaryCrossEntropy()), (soft, probabilities, BinaryCrossEntropy()),
            (hard, probabilities, BinaryCrossEntropy(epsilon: 1e-7)), (soft, belowOne, BinaryCrossEntropy(epsilon: subnormal)),
        ] {
            let value = try loss.evaluate(yTrue: labels, yPred: probabilities, gradient: false).value
            let terms = zip(labels, probabilities).map { loss.term($0, $1) }
            let scalarMean = terms.reduce(0, +) / Double(n)
            #expect(abs(value - scalarMean) <= 1e-13 * scalarMean, "epsilon \(loss.epsilon)")
            let clipped = loss.terms(SIMD4(labels[4...7]), SIMD4(probabilities[4...7]))
            for lane in 0..<4 {
                #expect(ulps(clipped[lane], terms[4 + lane]) <= 1, "lane \(lane), epsilon \(loss.epsilon)")
            }
        }
    }

    @Test func vectorRefusalsMatchTheScalarDomainTest() throws {
        let yTrue: [Double] = [0, 1, 0.5, -0.1, 1.1, .nan, 1, 0, .infinity, 1]
        let yPred: [Double] = [0.2, 1, 0, 0.5, 0.5, 0.5, -1e-300, 1 + 1e-15, 0.5, .nan]
        for loss in [BinaryCrossEntropy(), BinaryCrossEntropy(fromLogits: true)] {
            for start in stride(from: 0, through: yTrue.count - 4, by: 1) {
                let t = SIMD4(yTrue[start..<start + 4]), p = SIMD4(yPred[start..<start + 4])
                let refused = loss.refusals(t, p)
                for lane in 0..<4 {
                    #expect(refused[lane] == (loss.accepts(t[lane], p[lane]) ? 0 : 1), "sample \(start + lane), logits \(loss.fromLogits)")
                }
            }
        }
    }

    @Test func aBadSampleInsideAVectorBlockIsNamed() {
        // Nine samples: 0..<8 go through the four-lane pass, so sample 5 is refused there.
        var yPred = [Double](repeating: 0.3, count: 9)
        yPred[5] = 1.5
        let yTrue = [Double](repeating: 1, count: 9)
        #expect(throws: LossInputError.self) { try BinaryCrossEntropy().evaluate(yTrue: yTrue, yPred: yPred, gradient: false) }
        do {
            _ = try BinaryCrossEntropy().evaluate(yTrue: yTrue, yPred: yPred, gradient: false)
        } catch {
            #expect(error.sample == 5, "\(error)")
        }
    }
}
