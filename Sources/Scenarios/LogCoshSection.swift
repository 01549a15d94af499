import LossFunctions

/// Code block 7: the four regression losses side by side on the outlier example,
/// printed as `f"{name:10s}: {loss:.4f}"`.
enum LogCoshExample {
    static let scenario = Scenario(
        id: "log-cosh-example",
        title: LocalizedText(en: "Regression losses on the outlier example", uk: "Функції втрат регресії на прикладі з outlier"),
        section: .regression,
        codeBlocks: [7],
        results: { results() }
    )

    /// The document's dict, in its order.
    static let losses: [(name: String, loss: any ElementwiseLoss)] = [
        ("MSE", MeanSquaredError()),
        ("MAE", MeanAbsoluteError()),
        ("Huber", HuberLoss(delta: 1.0)),
        ("Log-Cosh", LogCoshLoss()),
    ]

    static func results() -> PrintedResults {
        .computing { out in
            for (name, loss) in losses {
                let value = try loss.evaluate(yTrue: OutlierExample.yTrue, yPred: OutlierExample.yPred, gradient: false).value
                out.number(Python.padded(name, 10) + ": ", value, decimals: 4, name: name)
            }
        }
    }
}
