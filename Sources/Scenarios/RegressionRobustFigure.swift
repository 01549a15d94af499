import LossPlotCharts
import Foundation
import LossFunctions
import Regression

/// Beyond the document: its conclusion ("Lasso is more robust") mistakes a penalty on the
/// weights for a loss on the residuals — Linear, Ridge and Lasso all minimise squared error.
/// Here the same line is fitted on the same training split with this project's own MSE, MAE,
/// Huber, log-cosh and Quantile(0.5) losses (fits from `Regression`), drawn together, with
/// test errors on the clean test points and on all of them, and how each fit converged.
enum RegressionRobustFigure {
    /// The robust fits, and the reference they are measured against: least squares on the
    /// training points without the outliers (the line the outliers should not move).
    struct Fits: Sendable {
        let rows: [RobustFitRow]
        let cleanIntercept: Double
        let cleanSlope: Double
    }

    static let outcome: Result<Fits, ScenarioFailure> = {
        do {
            let data = try RegressionComparison.outcome.get().data
            let clean = data.split.train.filter { !data.outlierIndices.contains($0) }
            var reference = LinearRegression()
            try reference.fit(x: try data.x.selectingRows(clean), y: clean.map { data.y[$0] })
            return .success(Fits(rows: try RobustComparison.rows(for: data),
                                 cleanIntercept: reference.intercept, cleanSlope: reference.coefficients.first ?? 0))
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
            let rows = try outcome.get().rows
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
                out.record(PrintedModel(name: r.name, coefficients: [r.slope], intercept: r.intercept))
            }
            let converged = rows.filter(\.convergence.converged).count
            out.text("")
            out.text("\(converged) of \(rows.count) fits converged (optimality gap = distance from 0 to the subdifferential of the mean loss).")
        }
    }

    /// Line colours and dashes, one per fit in `RobustComparison.rows` order.
    /// The additions' palette (`FigureStyle.palette`), each fit its own colour and dash.
    static let styles: [(color: Color, dash: LineDash)] = FigureStyle.palette

    /// The generator's line `y = coef · x` (intercept 0): dashed dark grey, the quantile fit
    /// being dash-dotted so the two dark lines differ.
    static let trueLineColor = Color(hex: 0x000000)
    static let trueLineName = LocalizedText(en: "True line", uk: "Справжня пряма")

    static func make(_ language: Language) -> Figure {
        let both: (RegressionComparison.Outcome, Fits)
        switch (RegressionComparison.outcome, outcome) {
        case (.success(let document), .success(let fits)): both = (document, fits)
        case (.failure(let f), _), (_, .failure(let f)): return FigureStyle.failure(f.description, width: 18, height: 6)
        }
        let (document, fits) = both
        let data = document.data
        let x = RegressionPlot.lineX(data)
        let reference = RegressionPlot.line(data, fits.cleanIntercept, fits.cleanSlope)

        var lines = RegressionPlot.dataAxes(data)
        lines.title = Label("Same line, different losses on the residuals", fontSize: 14, bold: true)
        lines.xLabel = Label("X", fontSize: 12)
        lines.yLabel = Label("y", fontSize: 12)
        lines.legend = Legend(location: .upperLeft, fontSize: 9)
        let referenceName = LocalizedText(en: "Least squares without the outliers", uk: "Найменші квадрати без outliers")
        lines.plot(LineSeries(x: x, y: reference, label: referenceName(language), color: Color(hex: 0x767676), width: 2, dash: .dotted))
        let trueSlope = data.trueCoefficients.first ?? 0
        lines.plot(LineSeries(x: x, y: RegressionPlot.line(data, 0, trueSlope), label: trueLineName(language),
                              color: trueLineColor, width: 1.2, dash: .solid))
        var gaps = FigureStyle.axes(title: "Fitted line − line without the outliers", xLabel: "X",
                                    yLabel: "ŷ(x) − ŷ_clean(x)", legendSize: 9)
        gaps.legend = Legend(location: .lowerLeft, fontSize: 9)
        for (i, row) in fits.rows.enumerated() {
            let style = styles[i % styles.count]
            let fitted = RegressionPlot.line(data, row.intercept, row.slope)
            lines.plot(LineSeries(x: x, y: fitted, label: row.name, color: style.color, width: 2, dash: style.dash))
            gaps.plot(LineSeries(x: x, y: zip(fitted, reference).map { $0 - $1 },
                                 label: "\(row.name): test MAE clean \(Python.fixed(row.cleanTestMAE, 2)), all \(Python.fixed(row.testMAE, 2))",
                                 color: style.color, width: 2, dash: style.dash))
        }
        gaps.referenceLines.append(.horizontal(0, color: Color(hex: 0x767676), width: 2, dash: .dotted))
        let note = LocalizedText(
            en: "Ridge and Lasso penalise the weights and still\nminimise squared error; robustness to outliers\ncomes from the loss on the residuals (MAE, Huber)",
            uk: "Ridge і Lasso штрафують ваги, але все одно\nмінімізують квадратичну помилку; стійкість до outliers\nдає функція втрат на залишках (MAE, Huber)")
        // Room below the lines for the legend and the note.
        let lowest = gaps.series.flatMap(\.y).min() ?? 0
        gaps.yLimits = (lowest - 1.4)...0.5
        gaps.annotate(Annotation(note(language), point: (-0.45, lowest - 1.25), fontSize: 10,
                                 box: TextBox(fill: .mpl("lightyellow"), alpha: 0.9)))
        let description = LocalizedText(
            en: "Left: the document's training and test points with the five outliers, the generator's true line y = \(Python.fixed(trueSlope, 2))·x (dashed, dark grey), the least-squares line of the training points without the outliers (dotted) and one line per loss fitted on all training points: MSE, MAE, Huber, log-cosh and Quantile(0.5). Right: each fitted line minus the dotted one.",
            uk: "Ліворуч: навчальні й тестові точки документа з п'ятьма outliers, справжня пряма генератора y = \(Python.fixed(trueSlope, 2))·x (штрихова, темно-сіра), лінія найменших квадратів навчальних точок без outliers (крапки) і по одній лінії на кожну функцію втрат, навчену на всіх навчальних точках: MSE, MAE, Huber, log-cosh і Quantile(0.5). Праворуч: кожна лінія мінус крапкова.")
        return Figure(widthInches: 18, heightInches: 6, rows: 1, columns: 2, axes: [lines, gaps],
                      title: "Same line, different losses on the residuals", description: description(language))
    }
}
