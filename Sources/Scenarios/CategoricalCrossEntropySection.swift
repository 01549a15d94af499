import LossFunctions

/// Code block 10 (without its Keras part): categorical cross-entropy of three one-hot rows.
enum CategoricalCrossEntropyExample {
    static let yTrue: [[Double]] = [
        [0, 1, 0],  // class 1
        [1, 0, 0],  // class 0
        [0, 0, 1],  // class 2
    ]
    /// The predicted probabilities of blocks 10 and 11.
    static let yPred: [[Double]] = [
        [0.1, 0.7, 0.2],
        [0.8, 0.1, 0.1],
        [0.2, 0.2, 0.6],
    ]

    static let scenario = Scenario(
        id: "categorical-cross-entropy-example",
        title: LocalizedText(en: "Categorical cross-entropy", uk: "Categorical Cross-Entropy"),
        section: .classification,
        codeBlocks: [10],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let cce = try CategoricalCrossEntropy().evaluate(yTrue: yTrue, yPred: yPred, gradient: false)
            out.number("Categorical Cross-Entropy: ", cce.value, decimals: 4)
        }
    }
}

/// Code block 11: the same loss with class indices instead of one-hot rows.
enum SparseCategoricalCrossEntropyExample {
    static let classIndices = [1, 0, 2]

    static let scenario = Scenario(
        id: "sparse-categorical-cross-entropy-example",
        title: LocalizedText(en: "Sparse categorical cross-entropy", uk: "Sparse Categorical Cross-Entropy"),
        section: .classification,
        codeBlocks: [11],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let loss = try SparseCategoricalCrossEntropy().evaluate(
                classIndices: classIndices, yPred: CategoricalCrossEntropyExample.yPred, gradient: false)
            out.number("Sparse CCE: ", loss.value, decimals: 4)
        }
    }
}
