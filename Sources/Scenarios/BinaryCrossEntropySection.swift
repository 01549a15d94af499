import LossFunctions

/// Code block 8: binary cross-entropy of five predictions and its gradient.
enum BinaryCrossEntropyExample {
    static let yTrue = [1.0, 0, 1, 1, 0]
    static let yPred = [0.9, 0.1, 0.8, 0.6, 0.2]

    static let scenario = Scenario(
        id: "binary-cross-entropy-example",
        title: LocalizedText(en: "Binary cross-entropy and its gradient", uk: "Binary Cross-Entropy та її градієнт"),
        section: .classification,
        codeBlocks: [8],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let bce = try BinaryCrossEntropy().evaluate(yTrue: yTrue, yPred: yPred)
            out.number("Binary Cross-Entropy: ", bce.value, decimals: 4)
            out.array("Gradient: ", bce.gradient ?? [])
        }
    }
}
