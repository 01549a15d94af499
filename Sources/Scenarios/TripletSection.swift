import LossFunctions

/// Code block 17: triplet loss of one anchor, positive and negative with margin 0.5.
enum TripletExample {
    static let anchor: [[Double]] = [[1, 2]]
    static let positive: [[Double]] = [[1.1, 2.1]]  // similar
    static let negative: [[Double]] = [[5, 6]]      // different
    static let margin = 0.5

    static let scenario = Scenario(
        id: "triplet-example",
        title: LocalizedText(en: "Triplet loss", uk: "Triplet Loss"),
        section: .advanced,
        codeBlocks: [17],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let loss = try TripletLoss(margin: margin).evaluate(
                anchor: anchor, positive: positive, negative: negative, gradient: false)
            out.number("Triplet Loss: ", loss.value, decimals: 4)
        }
    }
}
