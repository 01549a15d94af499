import DataFiles
import LossFunctions

/// Evaluating a request on data files: each input loaded (`DataMatrix`), checked, handed to
/// `evaluateLoss`, and a loss's complaint about a sample turned into the file and line it came from.
public enum FileEvaluation {
    /// Loads the request's files and evaluates its loss on them.
    /// - Throws: `EvaluationError` of kind `.data`, located at the file (and line) at fault.
    public static func evaluate(_ request: EvaluationRequest) throws(EvaluationError) -> EvaluationResult {
        let slots = request.loss.inputKind.slots
        let matrices = try request.inputs.map { reference throws(EvaluationError) in try load(reference) }
        let weights = try request.weights.map { reference throws(EvaluationError) in try load(reference) }
        if let weights, weights.columns != 1 {
            throw .data("\(weights.path): weights must be one column, found \(weights.columns)")
        }
        if request.loss.inputKind == .pairs, matrices[2].columns != 1 {
            throw .data("\(matrices[2].path): labels must be one column, found \(matrices[2].columns)")
        }
        let views = matrices.map { MatrixView(elements: $0.values, rows: $0.rows, columns: $0.columns) }
        let inputs: LossInputs
        switch request.loss.inputKind {
        case .predictions: inputs = .predictions(yTrue: views[0], yPred: views[1])
        case .pairs: inputs = .pairs(x1: views[0], x2: views[1], labels: views[2].elements)
        case .triplets: inputs = .triplets(anchor: views[0], positive: views[1], negative: views[2])
        }
        let outcome: LossOutcome
        do {
            outcome = try withExtendedLifetime((matrices, weights)) { () throws(LossInputError) in
                try evaluateLoss(request.loss, options: request.options, inputs: inputs, weights: weights?.values,
                                 balancedClassWeights: request.classWeight == .balanced, reduction: request.reduction,
                                 gradient: request.gradient)
            }
        } catch {
            let file = error.input == .weights ? weights : error.input.flatMap { input in
                slots.firstIndex { $0.input == input }.map { matrices[$0] }
            }
            throw .data(located(error, in: file, loss: request.loss))
        }
        let columns = zip(slots, matrices).filter { $0.0.isDifferentiated }.map { $0.1.columns }
        return EvaluationResult(loss: request.loss, reduction: request.reduction, samples: matrices[0].rows,
                                outcome: outcome, differentiated: request.loss.inputKind.differentiatedSlots,
                                gradientColumns: columns)
    }

    /// Loads a data reference: a file, or a column or array of one (`DataReference`'s rule for ':').
    static func load(_ reference: String) throws(EvaluationError) -> DataMatrix {
        do { return try DataMatrix(reference: DataReference(parsing: reference)) } catch { throw .data("\(error.description)") }
    }

    /// A loss's complaint as "file:line: message" (or "file: row N: ..." for `.npy`, "file: ..."
    /// without a sample); the loss's name leads when no input is at fault.
    static func located(_ error: LossInputError, in file: DataMatrix?, loss: LossName) -> LossMessage {
        guard let file else { return "\(loss.rawValue): \(error.message)" }
        guard let sample = error.sample else { return "\(file.path): \(error.message)" }
        return "\(file.location(ofRow: sample)): \(error.message)"
    }
}
