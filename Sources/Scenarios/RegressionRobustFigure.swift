import Charts
import Foundation
import LossFunctions
import Regression

/// Beyond the document: its conclusion ("Lasso is more robust") mistakes a penalty on the
/// weights for a loss on the residuals — Linear, Ridge and Lasso all minimise squared error.
/// Here the same line is fitted on the same training split with this project's own MSE, MAE,
/// Huber, log-cosh and Quantile(0.5) losses (fits from `Regression`), drawn together, with
/// test errors on the clean test points and on all of them, and how each fit converged.
enum RegressionRobustFigure {
    static let outcome: Result<[RobustFitRow], ScenarioFailure> = {
        do {
            let data = try RegressionComparison.outcome.get().data
            return .success(try RobustComparison.rows(for: data))
        } catch let failure as ScenarioFailure {
            return .failure(failure)
        } catch {
            return .failure(ScenarioFailure(description: "the robust fits failed: \(error)"))
        }
    }()

    static let scenario = Scenario(
        id: "regression-robust",
        title: LocalizedText(en: "Robust losses on the same data", uk: "Робастні функції втрат на тих самих даних"),
        section: .regressionComparison,
        origin: .addition,
        figure: { make($0) },
        results: { results() }
    )

    static func results() -> PrintedResults {
        .computing { out in
            let rows = try outcome.get()
            out.text("Line y = b + w·x fitted on the document's 70 training points with each loss;")
            out.text("test errors on all 30 test points and on the clean ones (outliers left out).")
            out.text("")
            out.table(RobustComparison.table(rows), PrintedTable(
                title: "Robust fits",
                columns: ["Loss", "slope", "intercept", "MSE all", "MAE all", "MSE clean", "MAE clean",
                          "method", "iterations", "optimality gap", "converged"],
                rows: rows.map { r in
                    [r.name, Python.fixed(r.slope, 4), Python.fixed(r.intercept, 4),
                     Python.fixed(r.testMSE, 4), Python.fixed(r.testMAE, 4),
                     Python.fixed(r.cleanTestMSE, 4), Python.fixed(r.cleanTestMAE, 4),
                     r.convergence.method.rawValue, String(r.convergence.iterations),
                     String(format: "%.2e", r.convergence.optimalityGap), r.convergence.converged ? "yes" : "no"]
                }))
            for r in rows {
                out.record(PrintedValue("\(r.name) clean test MAE", r.cleanTestMAE, decimals: 4))
                out.record(PrintedValue("\(r.name) optimality gap", r.convergence.optimalityGap, decimals: nil))
            }
            let converged = rows.filter(\.convergence.converged).count
            out.text("")
            out.text("\(converged) of \(rows.count) fits converged (optimality gap = distance from 0 to the subdifferential of the mean loss).")
        }
    }

    /// Line colours and dashes, one per fit in `RobustComparison.rows` order.
    static let styles: [(color: String, dash: LineDash)] = [
        ("green", .solid), ("purple", .solid), ("tab:brown", .solid), ("tab:pink", .solid),
        ("tab:cyan", .solid), ("black", .dashed),
    ]

    static func make(_ language: Language) -> Figure {
        let fits: (RegressionComparison.Outcome, [RobustFitRow])
        switch (RegressionComparison.outcome, outcome) {
        case (.success(let document), .success(let rows)): fits = (document, rows)
        case (.failure(let f), _), (_, .failure(let f)): return FigureStyle.failure(f.description, width: 12, height: 7)
        }
        let (document, rows) = fits
        var ax = RegressionPlot.dataAxes(document.data)
        let x = RegressionPlot.lineX(document.data)
        for (i, row) in rows.enumerated() {
            let style = styles[i % styles.count]
            let label = "\(row.name): MAE clean \(Python.fixed(row.cleanTestMAE, 2))"
            ax.plot(LineSeries(x: x, y: RegressionPlot.line(document.data, row.intercept, row.slope),
                               label: label, color: .mpl(style.color), width: 2, dash: style.dash))
        }
        ax.title = Label("Same line, different losses on the residuals", fontSize: 14, bold: true)
        ax.xLabel = Label("X", fontSize: 12)
        ax.yLabel = Label("y", fontSize: 12)
        ax.legend = Legend(location: .lowerRight, fontSize: 9)
        let note = LocalizedText(
            en: "Ridge and Lasso penalise the weights and still\nminimise squared error; robustness to outliers\ncomes from the loss on the residuals (MAE, Huber)",
            uk: "Ridge і Lasso штрафують ваги, але все одно\nмінімізують квадратичну помилку; стійкість до outliers\nдає функція втрат на залишках (MAE, Huber)")
        let xs = document.data.xValues, ys = document.data.y
        let corner = ((xs.min() ?? 0), (ys.max() ?? 0))
        ax.annotate(Annotation(note(language), point: corner, fontSize: 10,
                               box: TextBox(fill: .mpl("lightyellow"), alpha: 0.9)))
        let description = LocalizedText(
            en: "The document's training and test points with the five outliers, and one line per loss fitted on the training points: MSE, MAE, Huber, log-cosh and Quantile(0.5). MAE, Huber and log-cosh stay with the bulk of the data.",
            uk: "Навчальні й тестові точки документа з п'ятьма outliers і по одній лінії на кожну функцію втрат, навчену на навчальних точках: MSE, MAE, Huber, log-cosh і Quantile(0.5). MAE, Huber і log-cosh тримаються основної маси даних.")
        return Figure(widthInches: 12, heightInches: 7, axes: [ax],
                      title: "Same line, different losses on the residuals", description: description(language))
    }
}
