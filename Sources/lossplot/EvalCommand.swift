import ArgumentParser
import Evaluation
import LossFunctions

extension LossName: ExpressibleByArgument {
    /// The loss a word names; an unknown one is refused with the known ones listed on one line
    /// (swift-argument-parser lists more than five values one per line).
    static func parse(_ word: String) throws -> LossName {
        guard let name = LossName(argument: word) else { throw UnknownChoice(message: "known losses: \(knownNames)") }
        return name
    }
}

/// A word that is none of a fixed set's values: what swift-argument-parser appends to "The value
/// 'x' is invalid for ...".
struct UnknownChoice: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
extension Reduction: ExpressibleByArgument {}
extension ClassWeighting: ExpressibleByArgument {}
extension EvaluationFormat: ExpressibleByArgument {}

/// `lossplot eval`: a loss's value (and gradient) on the user's files.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a loss (and its gradient) on CSV, .npy or .npz files.",
        discussion: """
            Losses: \(LossName.knownNames).
            Each input is a file, one row per sample: a CSV whose cells are all numbers (a header line \
            is optional) or a .npy array; or one column of a CSV with a header, FILE.csv:NAME (the \
            layout pandas' to_csv writes, index column included); or one array of a .npz archive, \
            FILE.npz:NAME (np.savez, np.savez_compressed; an archive of one array may be named alone). \
            A path that exists is the file, ':' and all; otherwise NAME is what follows the longest \
            part before a ':' that names a file.
            Example: lossplot eval mse --y-true preds.csv:target --y-pred preds.csv:prediction
            """
    )

    @Argument(help: "The loss: \(LossName.knownNames).", completion: .list(LossName.allValueStrings), transform: LossName.parse)
    var loss: LossName

    @Option(name: .customLong(InputSlot.yTrue.flag), help: slotHelp(.yTrue)) var yTrue: String?
    @Option(name: .customLong(InputSlot.yPred.flag), help: slotHelp(.yPred)) var yPred: String?
    @Option(name: .customLong(InputSlot.x1.flag), help: slotHelp(.x1)) var x1: String?
    @Option(name: .customLong(InputSlot.x2.flag), help: slotHelp(.x2)) var x2: String?
    @Option(name: .customLong(InputSlot.labels.flag), help: slotHelp(.labels)) var labels: String?
    @Option(name: .customLong(InputSlot.anchor.flag), help: slotHelp(.anchor)) var anchor: String?
    @Option(name: .customLong(InputSlot.positive.flag), help: slotHelp(.positive)) var positive: String?
    @Option(name: .customLong(InputSlot.negative.flag), help: slotHelp(.negative)) var negative: String?

    // Numbers take the next word as it is, so `--delta -1` reaches validation and its real
    // message rather than "missing value" (a leading minus otherwise reads as an option).
    @Option(parsing: .unconditional, help: "Huber threshold (default 1).") var delta: Double?
    @Option(parsing: .unconditional, help: "Quantile in (0, 1) (default 0.5).") var quantile: Double?
    @Option(parsing: .unconditional, help: "combined: MSE share (0.5); focal: positive-class weight (0.25).") var alpha: Double?
    @Option(parsing: .unconditional, help: "Focal focusing parameter (default 2).") var gamma: Double?
    @Option(parsing: .unconditional, help: "mse-penalty: weight of mean(y_pred^2) (default 0.1).") var lambda: Double?
    @Option(parsing: .unconditional, help: "Margin (contrastive 1, triplet 0.5).") var margin: Double?
    @Option(parsing: .unconditional, help: "Probability clip (default 1e-15).") var epsilon: Double?
    @Flag(help: "Predictions are logits.") var fromLogits = false

    @Option(help: "How per-sample losses are folded.") var reduction: Reduction = .mean
    @Option(name: .customLong(InputSlot.weights.flag), help: slotHelp(.weights)) var weights: String?
    @Option(help: "balanced: n / (classes * count).") var classWeight: ClassWeighting?
    @Flag(help: "Also print the gradient.") var gradient = false
    @Option(help: "Output format.") var format: EvaluationFormat = .text

    static func slotHelp(_ slot: InputSlot) -> ArgumentHelp { ArgumentHelp(slot.help, valueName: "file") }

    func run() throws(CommandFailure) {
        let files: [LossInputError.Input: String?] = [
            .yTrue: yTrue, .yPred: yPred, .x1: x1, .x2: x2, .labels: labels,
            .anchor: anchor, .positive: positive, .negative: negative,
        ]
        let options = LossOptions(delta: delta, quantile: quantile, alpha: alpha, gamma: gamma, lambda: lambda,
                                  margin: margin, epsilon: epsilon, fromLogits: fromLogits)
        let result: EvaluationResult
        do {
            let request = try EvaluationRequest(loss: loss, options: options, files: files.compactMapValues { $0 },
                                                weights: weights, classWeight: classWeight, reduction: reduction,
                                                gradient: gradient)
            result = try FileEvaluation.evaluate(request)
        } catch {
            throw CommandFailure(error)
        }
        switch format {
        case .text:
            result.writeText { StandardOutput.write($0) }
        case .json:
            do { try result.writeJSON { StandardOutput.write($0) } } catch {
                throw CommandFailure("internal error: the result is not JSON: \(error)")
            }
        }
    }
}
