import LossFunctions

/// Code block 16: contrastive loss of three embedding pairs with margin 2.
enum ContrastiveExample {
    static let embeddings1: [[Double]] = [[1, 2], [3, 4], [5, 6]]
    static let embeddings2: [[Double]] = [[1.1, 2.1], [8, 9], [5.2, 6.1]]
    static let labels: [Double] = [0, 1, 0]  // similar, dissimilar, similar
    static let margin = 2.0

    static let scenario = Scenario(
        id: "contrastive-example",
        title: LocalizedText(en: "Contrastive loss", uk: "Contrastive Loss"),
        section: .advanced,
        codeBlocks: [16],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let loss = try ContrastiveLoss(margin: margin).evaluate(
                x1: embeddings1, x2: embeddings2, labels: labels, gradient: false)
            out.number("Contrastive Loss: ", loss.value, decimals: 4)
        }
    }
}
