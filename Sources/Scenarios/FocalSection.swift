import LossFunctions

/// Code block 14: BCE and focal loss (γ = 2, α = 0.25) on an imbalanced batch.
enum FocalExample {
    static let yTrue = [1.0, 0, 0, 0, 0, 0, 0, 0, 0, 1]  // 80% class 0
    static let yPred = [0.9, 0.1, 0.2, 0.1, 0.15, 0.05, 0.2, 0.1, 0.05, 0.85]

    static let scenario = Scenario(
        id: "focal-vs-bce",
        title: LocalizedText(en: "Focal loss vs BCE on imbalanced data", uk: "Focal Loss проти BCE на незбалансованих даних"),
        section: .classification,
        codeBlocks: [14],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let bce = try BinaryCrossEntropy().evaluate(yTrue: yTrue, yPred: yPred, gradient: false).value
            let focal = try FocalLoss(gamma: 2.0, alpha: 0.25).evaluate(yTrue: yTrue, yPred: yPred, gradient: false).value
            out.number("BCE:        ", bce, decimals: 4)
            out.number("Focal Loss: ", focal, decimals: 4)
        }
    }
}
