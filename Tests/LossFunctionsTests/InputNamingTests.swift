import Testing
@testable import LossFunctions

/// The losses know inputs and parameters, not a command line: a message that mentions another
/// input (a shape differing from y_true's) or a parameter (from_logits) says so in its own
/// terms, and a caller names them its own way (the command line as flags).
@Suite struct InputNamingTests {
    /// Every error whose message refers to a second input or to a parameter.
    static func crossReferencingErrors() -> [LossInputError] {
        func caught(_ body: () throws(LossInputError) -> Void) -> LossInputError? {
            do { try body() } catch { return error }
            return nil
        }
        let row: [[Double]] = [[0.2, 0.8]]
        return [
            caught { () throws(LossInputError) in _ = try MeanSquaredError().evaluate(yTrue: [1, 2, 3], yPred: [1, 2]) },
            caught { () throws(LossInputError) in _ = try BinaryCrossEntropy().evaluate(yTrue: [1, 0], yPred: [0.5, 1.5]) },
            caught { () throws(LossInputError) in _ = try CategoricalCrossEntropy().evaluate(yTrue: row + row, yPred: row) },
            caught { () throws(LossInputError) in _ = try SparseCategoricalCrossEntropy().evaluate(classIndices: [0, 1], yPred: row) },
            caught { () throws(LossInputError) in _ = try ContrastiveLoss().evaluate(x1: row, x2: row + row, labels: [0]) },
            caught { () throws(LossInputError) in _ = try TripletLoss().evaluate(anchor: row, positive: row + row, negative: row) },
            caught { () throws(LossInputError) in _ = try TripletLoss().evaluate(anchor: row, positive: row, negative: [[1, 2, 3]]) },
        ].compactMap { $0 }
    }

    @Test func noMessageSpellsACommandLineFlag() {
        let errors = Self.crossReferencingErrors()
        #expect(errors.count == 7)
        for error in errors {
            #expect(!error.description.contains("--"), "\(error)")
        }
    }
}
