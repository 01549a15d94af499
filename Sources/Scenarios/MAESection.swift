import LossFunctions

/// Code block 2: the MAE of the same four samples as block 0 and its (sub)gradient.
enum MAEExample {
    static let scenario = Scenario(
        id: "mae-example",
        title: LocalizedText(en: "MAE and its gradient", uk: "MAE та її градієнт"),
        section: .regression,
        codeBlocks: [2],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let mae = try MeanAbsoluteError().evaluate(yTrue: MSEExample.yTrue, yPred: MSEExample.yPred)
            out.number("MAE Loss: ", mae.value, decimals: 4)
            out.array("Gradient: ", mae.gradient ?? [])
        }
    }
}

/// Code block 3: MSE and MAE on five samples with one outlier (100), and without it.
enum OutlierExample {
    /// The document's outlier example (blocks 3, 4 and 7): the last target is an outlier.
    static let yTrue = [1.0, 2, 3, 4, 100]
    static let yPred = [1.1, 2.1, 2.9, 4.2, 5]
    /// The same samples with the outlier replaced (block 3).
    static let yTrueClean = [1.0, 2, 3, 4, 5]
    static let yPredClean = [1.1, 2.1, 2.9, 4.2, 4.8]

    static let scenario = Scenario(
        id: "outlier-example",
        title: LocalizedText(en: "MSE vs MAE with an outlier", uk: "MSE проти MAE з outlier"),
        section: .regression,
        codeBlocks: [3],
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let mse = try MeanSquaredError().evaluate(yTrue: yTrue, yPred: yPred, gradient: false).value
            let mae = try MeanAbsoluteError().evaluate(yTrue: yTrue, yPred: yPred, gradient: false).value
            out.text("З outlier:")
            out.number("  MSE: ", mse, decimals: 2, name: "MSE with outlier")
            out.number("  MAE: ", mae, decimals: 2, name: "MAE with outlier")
            let mseClean = try MeanSquaredError().evaluate(yTrue: yTrueClean, yPred: yPredClean, gradient: false).value
            let maeClean = try MeanAbsoluteError().evaluate(yTrue: yTrueClean, yPred: yPredClean, gradient: false).value
            out.text("")  // the "\n" that starts the document's next print
            out.text("Без outlier:")
            out.number("  MSE: ", mseClean, decimals: 2, name: "MSE without outlier")
            out.number("  MAE: ", maeClean, decimals: 2, name: "MAE without outlier")
        }
    }
}
