import DataFiles
import LossFunctions

/// A usage error of `lossplot eval` (exit 64).
struct EvalUsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A data error of `lossplot eval`: one line naming the file and line (exit 1).
struct EvalDataError: Error {
    let message: String
}

/// Output formats of `lossplot eval`.
enum EvalFormat: String {
    case text, json
}

/// A checked `lossplot eval` invocation.
struct EvalRequest {
    let loss: LossName
    let options: LossOptions
    /// The input files in the loss's order (y-true, y-pred; x1, x2, labels; anchor, positive, negative).
    let files: [String]
    let weights: String?
    let balanced: Bool
    let reduction: Reduction
    let gradient: Bool
    let format: EvalFormat
}

/// Loads the files, evaluates, and formats the result of `lossplot eval`.
enum EvalRunner {
    /// Evaluates, then writes the result to `out` (nothing is written when evaluation fails).
    static func run(_ request: EvalRequest, to out: inout some TextOutputStream) throws(EvalDataError) {
        let matrices = try request.files.map { path throws(EvalDataError) in try load(path) }
        let weights = try request.weights.map { path throws(EvalDataError) in try load(path) }
        if let weights, weights.columns != 1 {
            throw EvalDataError(message: "\(weights.path): weights must be one column, found \(weights.columns)")
        }
        let inputs: LossInputs
        switch request.loss.inputKind {
        case .predictions:
            inputs = .predictions(yTrue: view(matrices[0]), yPred: view(matrices[1]))
        case .pairs:
            guard matrices[2].columns == 1 else {
                throw EvalDataError(message: "\(matrices[2].path): labels must be one column, found \(matrices[2].columns)")
            }
            inputs = .pairs(x1: view(matrices[0]), x2: view(matrices[1]), labels: matrices[2].values)
        case .triplets:
            inputs = .triplets(anchor: view(matrices[0]), positive: view(matrices[1]), negative: view(matrices[2]))
        }
        let outcome: LossOutcome
        do {
            outcome = try withExtendedLifetime((matrices, weights)) { () throws(LossInputError) in
                try evaluateLoss(request.loss, options: request.options, inputs: inputs, weights: weights?.values,
                                 balancedClassWeights: request.balanced, reduction: request.reduction,
                                 gradient: request.gradient)
            }
        } catch {
            throw EvalDataError(message: locate(error, request: request, matrices: matrices, weights: weights))
        }
        let differentiated = request.loss.inputKind == .predictions ? [matrices[1]]
            : request.loss.inputKind == .pairs ? [matrices[0], matrices[1]] : matrices
        switch request.format {
        case .json: EvalOutput.json(request: request, outcome: outcome, shapes: differentiated, rows: matrices[0].rows, to: &out)
        case .text: EvalOutput.text(request: request, outcome: outcome, shapes: differentiated, rows: matrices[0].rows, to: &out)
        }
    }

    static func load(_ path: String) throws(EvalDataError) -> DataMatrix {
        do { return try DataMatrix(contentsOfFile: path) } catch { throw EvalDataError(message: error.description) }
    }

    static func view(_ matrix: DataMatrix) -> MatrixView {
        MatrixView(elements: matrix.values, rows: matrix.rows, columns: matrix.columns)
    }

    /// Turns a library error (input and sample) into "file:line: message".
    static func locate(_ error: LossInputError, request: EvalRequest, matrices: [DataMatrix], weights: DataMatrix?) -> String {
        let order: [LossInputError.Input]
        switch request.loss.inputKind {
        case .predictions: order = [.yTrue, .yPred]
        case .pairs: order = [.x1, .x2, .labels]
        case .triplets: order = [.anchor, .positive, .negative]
        }
        let file: DataMatrix? = error.input == .weights ? weights
            : error.input.flatMap { order.firstIndex(of: $0) }.map { matrices[$0] }
        guard let file else { return "eval \(request.loss.rawValue): \(error.message)" }
        guard let sample = error.sample else { return "\(file.path): \(error.message)" }
        return "\(file.location(ofRow: sample)): \(error.message)"
    }
}
