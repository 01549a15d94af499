import ArgumentParser
import DataFiles
import LossFunctions

/// `lossplot eval`: a loss's value (and gradient) on the user's files.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a loss (and its gradient) on CSV or .npy files.",
        discussion: "Losses: \(LossName.knownNames)."
    )

    @Argument(help: "The loss: \(LossName.knownNames).") var loss: String

    @Option(name: .customLong("y-true"), help: "Targets (CSV or .npy).") var yTrue: String?
    @Option(name: .customLong("y-pred"), help: "Predictions (probabilities, scores or logits).") var yPred: String?
    @Option(help: "contrastive: first embeddings (n x d).") var x1: String?
    @Option(help: "contrastive: second embeddings (n x d).") var x2: String?
    @Option(help: "contrastive: 0 = similar, 1 = dissimilar.") var labels: String?
    @Option(help: "triplet: anchor embeddings.") var anchor: String?
    @Option(help: "triplet: positive embeddings.") var positive: String?
    @Option(help: "triplet: negative embeddings.") var negative: String?

    // Numbers take the next word as it is, so `--delta -1` reaches validation and its real
    // message rather than "missing value" (a leading minus otherwise reads as an option).
    @Option(parsing: .unconditional, help: "Huber threshold (default 1).") var delta: Double?
    @Option(parsing: .unconditional, help: "Quantile in (0, 1) (default 0.5).") var quantile: Double?
    @Option(parsing: .unconditional, help: "combined: MSE share (0.5); focal: positive-class weight (0.25).") var alpha: Double?
    @Option(parsing: .unconditional, help: "Focal focusing parameter (default 2).") var gamma: Double?
    @Option(parsing: .unconditional, help: "mse-penalty: weight of mean(y_pred^2) (default 0.1).") var lambda: Double?
    @Option(parsing: .unconditional, help: "Margin (contrastive 1, triplet 0.5).") var margin: Double?
    @Option(parsing: .unconditional, help: "Probability clip (default 1e-15).") var epsilon: Double?
    @Flag(name: .customLong("from-logits"), help: "Predictions are logits.") var fromLogits = false

    @Option(help: "mean, sum or none.") var reduction: String = "mean"
    @Option(help: "Per-sample weights (CSV or .npy).") var weights: String?
    @Option(name: .customLong("class-weight"), help: "balanced: n / (classes * count).") var classWeight: String?
    @Flag(help: "Also print the gradient.") var gradient = false
    @Option(help: "text or json.") var format: String = "text"

    func validate() throws {
        do {
            _ = try request()
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        do {
            var output = StandardOutput()
            try EvalRunner.run(try request(), to: &output)
        } catch let error as EvalUsageError {
            throw ValidationError(error.message)
        } catch let error as EvalDataError {
            throw CommandFailure(error.message)
        }
    }

    /// The parsed and checked request (usage errors as `EvalUsageError`).
    func request() throws(EvalUsageError) -> EvalRequest {
        guard let name = LossName(rawValue: loss) else {
            throw EvalUsageError("unknown loss '\(loss)'; known losses: \(LossName.knownNames)")
        }
        let options = LossOptions(delta: delta, quantile: quantile, alpha: alpha, gamma: gamma, lambda: lambda,
                                  margin: margin, epsilon: epsilon, fromLogits: fromLogits)
        do { try options.validate(for: name) } catch { throw EvalUsageError(error.description) }
        guard let reduction = Reduction(rawValue: reduction) else {
            throw EvalUsageError("--reduction: '\(self.reduction)' is not mean, sum or none")
        }
        guard let format = EvalFormat(rawValue: format) else {
            throw EvalUsageError("--format: '\(self.format)' is not text or json")
        }
        if let classWeight {
            guard classWeight == "balanced" else { throw EvalUsageError("--class-weight: only 'balanced' is supported") }
            guard name.isClassification else { throw EvalUsageError("--class-weight: \(name.rawValue) is not a classification loss") }
        }
        let given: [(String, String?)] = [("y-true", yTrue), ("y-pred", yPred), ("x1", x1), ("x2", x2), ("labels", labels),
                                          ("anchor", anchor), ("positive", positive), ("negative", negative)]
        let needed: [String]
        switch name.inputKind {
        case .predictions: needed = ["y-true", "y-pred"]
        case .pairs: needed = ["x1", "x2", "labels"]
        case .triplets: needed = ["anchor", "positive", "negative"]
        }
        var files: [String] = []
        for (option, path) in given {
            if needed.contains(option) {
                guard let path else { throw EvalUsageError("\(name.rawValue) needs --\(option) FILE") }
                files.append(path)
            } else if path != nil {
                throw EvalUsageError("--\(option) does not apply to \(name.rawValue) (it takes \(needed.map { "--" + $0 }.joined(separator: ", ")))")
            }
        }
        return EvalRequest(loss: name, options: options, files: files, weights: weights,
                           balanced: classWeight != nil, reduction: reduction, gradient: gradient, format: format)
    }
}
