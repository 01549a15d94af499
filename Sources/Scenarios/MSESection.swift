import LossFunctions

/// Code block 0: the MSE of the document's four-sample example and its gradient.
enum MSEExample {
    /// The document's example targets and predictions (blocks 0 and 2).
    static let yTrue = [3.0, -0.5, 2.0, 7.0]
    static let yPred = [2.5, 0.0, 2.0, 8.0]

    static let scenario = Scenario(
        id: "mse-example",
        title: LocalizedText(en: "MSE and its gradient", uk: "MSE та її градієнт"),
        section: .regression,
        codeBlocks: [0],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let mse = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred)
            out.number("MSE Loss: ", mse.value, decimals: 4)
            out.array("Gradient: ", mse.gradient ?? [])
        }
    }
}
