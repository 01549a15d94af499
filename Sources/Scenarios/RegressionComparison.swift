import LossPlotCharts
import Foundation
import Regression

/// Why a scenario's data could not be computed, as one line.
struct ScenarioFailure: Error, CustomStringConvertible {
    let description: String
}

/// Code block 22, the document's real example: Linear, Ridge and Lasso on 100 noisy samples
/// with five outliers, the printed test errors and the 1x3 figure of the fitted lines.
enum RegressionComparison {
    /// The document's dataset with the three fitted models, computed once (by `Regression`).
    struct Outcome: Sendable {
        let data: OutlierRegressionData
        let scores: [ModelScore]
    }

    static let outcome: Result<Outcome, ScenarioFailure> = {
        do {
            let data = try documentDataset()
            return .success(Outcome(data: data, scores: try DocumentComparison.scores(for: data)))
        } catch {
            return .failure(ScenarioFailure(description: "the document's regression comparison failed: \(error)"))
        }
    }()

    static let scenario = Scenario(
        id: "regression-outliers",
        title: LocalizedText(en: "Linear, Ridge and Lasso on data with outliers", uk: "Linear, Ridge і Lasso на даних з outliers"),
        section: .regressionComparison,
        codeBlocks: [22],
        figure: { make($0) },
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let scores = try outcome.get().scores
            out.lines(DocumentComparison.printedOutput(scores))
            for s in scores {
                out.record(PrintedValue("\(s.name) test MSE", s.testMSE, decimals: 2))
                out.record(PrintedValue("\(s.name) test MAE", s.testMAE, decimals: 2))
                out.record(PrintedModel(name: s.name, coefficients: s.coefficients, intercept: s.intercept))
            }
            out.record(PrintedTable(
                title: "Test errors", columns: ["Model", "MSE", "MAE"],
                rows: scores.map { [$0.name, Python.fixed($0.testMSE, 2), Python.fixed($0.testMAE, 2)] }))
        }
    }

    static func make(_ language: Language) -> Figure {
        guard case .success(let outcome) = outcome else {
            if case .failure(let failure) = outcome { return FigureStyle.failure(failure.description, width: 18, height: 5) }
            return FigureStyle.failure("unknown", width: 18, height: 5)
        }
        let axes = outcome.scores.map { score -> Axes in
            var ax = RegressionPlot.dataAxes(outcome.data)
            ax.plot(LineSeries(x: RegressionPlot.lineX(outcome.data), y: RegressionPlot.line(outcome.data, score.intercept, score.coefficients[0]),
                               label: "Model", color: .mpl("g"), width: 2))
            ax.title = Label("\(score.name)\nMSE: \(Python.fixed(score.testMSE, 1)) | MAE: \(Python.fixed(score.testMAE, 1))",
                             fontSize: 11, bold: true)
            return ax
        }
        let description = LocalizedText(
            en: "Three panels, one per model (Linear, Ridge, Lasso): training points (blue), test points (orange), the five outliers (red crosses) and the fitted line (green). The three lines are almost the same: all three models minimise squared error.",
            uk: "Три панелі, по одній на модель (Linear, Ridge, Lasso): навчальні точки (сині), тестові (помаранчеві), п'ять outliers (червоні хрестики) і лінія моделі (зелена). Лінії майже однакові: усі три моделі мінімізують квадратичну помилку.")
        return Figure(widthInches: 18, heightInches: 5, rows: 1, columns: 3, axes: axes,
                      title: "Linear, Ridge and Lasso on data with outliers", description: description(language))
    }
}

/// The parts of the regression figures shared by `regression-outliers` and `regression-robust`.
enum RegressionPlot {
    /// Train and test points and the outliers as the document draws them, with its axis labels,
    /// legend (9 pt) and grid.
    static func dataAxes(_ data: OutlierRegressionData) -> Axes {
        var ax = Axes()
        let x = data.xValues
        ax.scatter(ScatterSeries(x: data.xTrain.column(0), y: data.yTrain, label: "Train", size: 50, alpha: 0.6))
        ax.scatter(ScatterSeries(x: data.xTest.column(0), y: data.yTest, label: "Test", color: .mpl("orange"), size: 50, alpha: 0.6))
        ax.scatter(ScatterSeries(x: data.outlierIndices.map { x[$0] }, y: data.outlierIndices.map { data.y[$0] },
                                 label: "Outliers", color: .mpl("red"), marker: .x, size: 200, lineWidth: 3, onTop: true))
        ax.xLabel = Label("X")
        ax.yLabel = Label("y")
        ax.legend = Legend(fontSize: 9)
        ax.gridAlpha = FigureStyle.gridAlpha
        return ax
    }

    /// `np.linspace(X.min(), X.max(), 300)`.
    static func lineX(_ data: OutlierRegressionData) -> [Double] {
        let x = data.xValues
        return linspace(x.min() ?? 0, x.max() ?? 1, 300)
    }

    /// A fitted line `intercept + slope · x` over `lineX` (the models' `predict` on one feature).
    static func line(_ data: OutlierRegressionData, _ intercept: Double, _ slope: Double) -> [Double] {
        lineX(data).map { intercept + slope * $0 }
    }
}
