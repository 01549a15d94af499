import RunLogs

/// Which way a metric improves: what a change against the baseline is judged by.
public enum MetricDirection: String, Sendable, Equatable, Encodable, CaseIterable {
    /// Smaller is better: losses, errors, perplexity.
    case lowerIsBetter = "lower"
    /// Larger is better: accuracy, F1, AUC, precision, recall.
    case higherIsBetter = "higher"
    /// The name does not say (`lr`, `grad_norm`, `eval_runtime`): changes are shown, not judged.
    case unknown

    /// Words of a metric's name that say smaller is better.
    static let lowerWords: Set<String> = [
        "loss", "losses", "error", "errors", "err", "mse", "mae", "rmse", "msle", "rmsle", "mape", "smape",
        "nll", "perplexity", "ppl", "wer", "cer", "ter", "fid", "kl", "bpc", "bpd", "regret", "logloss", "crossentropy", "xent",
    ]
    /// Words of a metric's name that say larger is better.
    static let higherWords: Set<String> = [
        "acc", "accuracy", "f1", "auc", "auroc", "auprc", "roc", "precision", "prec", "recall", "iou", "miou", "dice",
        "bleu", "rouge", "meteor", "r2", "ndcg", "mrr", "top1", "top5", "psnr", "ssim", "kappa", "mcc",
        "sensitivity", "specificity", "reward",
    ]
    /// Words that also count at the end of a longer word (`valloss`, `trainacc`, `rouge1`'s stem).
    static let suffixWords: [(String, MetricDirection)] = [
        ("loss", .lowerIsBetter), ("error", .lowerIsBetter), ("perplexity", .lowerIsBetter),
        ("accuracy", .higherIsBetter), ("acc", .higherIsBetter), ("precision", .higherIsBetter), ("recall", .higherIsBetter),
    ]

    /// The direction a metric's name says: its words (split at every character that is not a
    /// letter or digit, and where a lower-case letter meets an upper-case one) read from the
    /// last, the first word that says a direction deciding (`val_loss`, `train/loss`,
    /// `eval_accuracy`, `valLoss`, `top1_acc`, `error_rate`); `unknown` when none does.
    public static func inferred(fromName name: String) -> MetricDirection {
        for word in words(of: name).reversed() {
            if lowerWords.contains(word) { return .lowerIsBetter }
            if higherWords.contains(word) { return .higherIsBetter }
            if word.hasPrefix("rouge") { return .higherIsBetter }
            if let (_, direction) = suffixWords.first(where: { word.count > $0.0.count && word.hasSuffix($0.0) }) { return direction }
        }
        return .unknown
    }

    /// The lower-cased words of a name.
    static func words(of name: String) -> [String] {
        var words: [String] = [], current = ""
        var previousWasLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower {
                words.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }
}

/// The user's say over which way metrics improve: glob patterns (`MetricSelection`) for larger-
/// is-better and smaller-is-better metrics, before the name's own words.
public struct DirectionRules: Sendable, Equatable {
    public var higherIsBetter: [String]
    public var lowerIsBetter: [String]

    public init(higherIsBetter: [String] = [], lowerIsBetter: [String] = []) {
        self.higherIsBetter = higherIsBetter
        self.lowerIsBetter = lowerIsBetter
    }

    /// The metric's direction: the patterns that match it, else its name's words. A metric
    /// matched by patterns of both kinds is a usage error naming both.
    public func direction(of metric: String) throws(ComparisonError) -> MetricDirection {
        let higher = higherIsBetter.first { MetricSelection.glob($0, matches: metric) }
        let lower = lowerIsBetter.first { MetricSelection.glob($0, matches: metric) }
        switch (higher, lower) {
        case let (h?, l?):
            throw .usage("metric '\(metric)' matches both \(option: .higherIsBetter) '\(h)' and \(option: .lowerIsBetter) '\(l)'")
        case (_?, nil): return .higherIsBetter
        case (nil, _?): return .lowerIsBetter
        case (nil, nil): return MetricDirection.inferred(fromName: metric)
        }
    }
}
