import Testing
@testable import LossFunctions

/// A class index read from a file is an offset into a row: every one is checked (finite, integral,
/// in 0..<C) before any term reads or writes through it, and a bad one is refused naming its row.
@Suite struct ClassIndexValidationTests {
    static let badIndices: [Double] = [3, 999_999_999, 1e300, -1, -1e300, 0.5, 2.000001, .nan, .infinity, -.infinity]
    static let rows: [Double] = [0.2, 0.3, 0.5, 0.2, 0.3, 0.5, 0.2, 0.3, 0.5]

    /// Evaluates 3 x 3 rows with `labels`, the gradient buffer fenced by sentinels on both sides,
    /// and returns the error and whether both fences are intact.
    func evaluateFenced(_ labels: [Double], fromLogits: Bool, weighted: Bool, reduction: Reduction) -> (LossInputError?, Bool) {
        let sentinel = -12345.0, fence = 4
        var storage = [Double](repeating: sentinel, count: fence + 9 + fence)
        var perSample = [Double](repeating: 0, count: 3)
        let weights = [1.0, 2, 0.5]
        var caught: LossInputError?
        labels.withUnsafeBufferPointer { t in
            ClassIndexValidationTests.rows.withUnsafeBufferPointer { p in
                weights.withUnsafeBufferPointer { w in
                    storage.withUnsafeMutableBufferPointer { all in
                        perSample.withUnsafeMutableBufferPointer { s in
                            let gradient = UnsafeMutableBufferPointer(rebasing: all[fence..<fence + 9])
                            do {
                                _ = try SparseCategoricalCrossEntropy(fromLogits: fromLogits).evaluate(
                                    classIndices: t, yPred: MatrixView(elements: p, rows: 3, columns: 3),
                                    weights: weighted ? w : nil, reduction: reduction, gradient: gradient,
                                    perSample: reduction == .none ? s : nil)
                            } catch {
                                caught = error as? LossInputError
                            }
                        }
                    }
                }
            }
        }
        let fencesIntact = storage.prefix(fence).allSatisfy { $0 == sentinel } && storage.suffix(fence).allSatisfy { $0 == sentinel }
        return (caught, fencesIntact)
    }

    @Test(arguments: badIndices)
    func aBadIndexInAnyRowIsRefusedBeforeAnyUse(_ bad: Double) {
        for row in 0..<3 {
            var labels: [Double] = [1, 1, 1]
            labels[row] = bad
            for fromLogits in [false, true] {
                for (weighted, reduction) in [(false, Reduction.mean), (true, .mean), (true, .sum), (false, .none)] {
                    let (error, fencesIntact) = evaluateFenced(labels, fromLogits: fromLogits, weighted: weighted, reduction: reduction)
                    let context = "index \(bad) in row \(row), logits \(fromLogits), weighted \(weighted), \(reduction)"
                    #expect(error == LossInputError(.yTrue, sample: row, "class index \(bad) is not an integer in 0...2"), "\(context)")
                    #expect(fencesIntact, "wrote outside the gradient buffer: \(context)")
                }
            }
        }
    }

    @Test func theFirstBadRowIsNamedWhateverIsWrongWithIt() {
        // Row 0 has a probability out of range, row 1 a bad index: row 0 is reported, as before.
        let p: [[Double]] = [[0.2, 0.3, 1.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]]
        #expect(throws: LossInputError(.yPred, sample: 0, "column 3: probability 1.5 is outside [0, 1] (pass \(parameter: "fromLogits") for raw scores)")) {
            try SparseCategoricalCrossEntropy().evaluate(classIndices: [0, 7, 1], yPred: p)
        }
        #expect(throws: LossInputError(.yTrue, sample: 1, "class index 7.0 is not an integer in 0...2")) {
            try SparseCategoricalCrossEntropy().evaluate(classIndices: [0, 7, 1], yPred: [[0.2, 0.3, 0.5], [0.2, 0.3, 1.5], [0.2, 0.3, 0.5]])
        }
    }

    @Test func integerIndicesOfAnySizeAreRefused() {
        for bad in [Int.max, Int.min, 3, -1] {
            #expect(throws: LossInputError(.yTrue, sample: 2, "class index \(Double(bad)) is not an integer in 0...2")) {
                try SparseCategoricalCrossEntropy().evaluate(classIndices: [0, 1, bad], yPred: [[0.2, 0.3, 0.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]])
            }
        }
    }

    @Test func largeBatchesAreCheckedBeforeEitherHalfRuns() {
        let n = BatchReducer.parallelThreshold + 10
        var labels = [Double](repeating: 1, count: n)
        labels[n - 1] = 1e300
        let p = [Double]((0..<n).map { _ in [0.2, 0.3, 0.5] }.joined())
        #expect(throws: LossInputError(.yTrue, sample: n - 1, "class index 1e+300 is not an integer in 0...2")) {
            try labels.withUnsafeBufferPointer { t in
                try p.withUnsafeBufferPointer { v in
                    try SparseCategoricalCrossEntropy(fromLogits: true).evaluate(
                        classIndices: t, yPred: MatrixView(elements: v, rows: n, columns: 3))
                }
            }
        }
    }
}
