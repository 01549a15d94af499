import LossFunctions

/// Code block 4: MSE, MAE and Huber (δ = 1) on the outlier example.
enum HuberExample {
    static let scenario = Scenario(
        id: "huber-example",
        title: LocalizedText(en: "Huber loss on the outlier example", uk: "Huber loss на прикладі з outlier"),
        section: .regression,
        codeBlocks: [4],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let (t, p) = (OutlierExample.yTrue, OutlierExample.yPred)
            out.number("MSE:   ", try MeanSquaredError().evaluate(yTrue: t, yPred: p, gradient: false).value, decimals: 2)
            out.number("MAE:   ", try MeanAbsoluteError().evaluate(yTrue: t, yPred: p, gradient: false).value, decimals: 2)
            out.number("Huber: ", try HuberLoss(delta: 1.0).evaluate(yTrue: t, yPred: p, gradient: false).value, decimals: 2)
        }
    }
}
