import Foundation
import Regression

/// Beyond the document: its experiment repeated over 200 seeds of the same generator
/// (`RepeatedComparison`), so the penalties (Ridge, Lasso) and the robust losses are judged by
/// one standard: each model's clean-test errors as a mean over the draws with a 95% interval,
/// its paired difference from the MSE fit of the same draw, and how many draws it wins.
enum RegressionSeedsSection {
    /// Every model over `RepeatedComparison.reportSeeds`, computed once.
    static let outcome: Result<[RepeatedModelScore], ScenarioFailure> = {
        do {
            return .success(try RepeatedComparison.scores())
        } catch {
            return .failure(ScenarioFailure(description: "the comparison over seeds failed: \(error)"))
        }
    }()

    static let scenario = Scenario(
        id: "regression-seeds",
        title: LocalizedText(en: "The comparison over 200 seeds", uk: "Порівняння на 200 зернах"),
        section: .regressionComparison,
        origin: .addition,
        results: { results() }
    )

    /// The table's columns, in order.
    static let columns = [
        "Model", "MAE clean", "MSE clean", "MAE clean − MSE fit's", "beats MSE fit (MAE clean)", "slope − true slope", "intercept (true 0)",
    ]

    /// Digits after the point: MAE and the paired difference carry Lasso's small gain, MSE is ~100.
    static let maeDecimals = 2, mseDecimals = 1, differenceDecimals = 3, lineDecimals = 2

    /// `mean [low, high]`, the interval's ends at the mean's precision.
    static func interval(_ e: IntervalEstimate, _ decimals: Int) -> String {
        "\(Python.fixed(e.mean, decimals)) [\(Python.fixed(e.low, decimals)), \(Python.fixed(e.high, decimals))]"
    }

    /// One row per model; the reference (the MSE fit, first) has no difference or wins of its own.
    static func table(_ scores: [RepeatedModelScore]) -> PrintedTable {
        PrintedTable(
            title: "Clean-test errors over \(scores.first?.draws ?? 0) seeds: mean [95% interval]",
            columns: columns,
            rows: scores.enumerated().map { i, s in
                [s.name, interval(s.cleanTestMAE, maeDecimals), interval(s.cleanTestMSE, mseDecimals),
                 i == 0 ? "reference" : interval(s.cleanMAEDifference, differenceDecimals),
                 i == 0 ? "reference" : "\(s.cleanMAEWins) of \(s.draws)",
                 interval(s.slopeError, lineDecimals), interval(s.intercept, lineDecimals)]
            })
    }

    /// `table` as aligned plain text for the terminal: the first column left, the others right.
    static func text(_ table: PrintedTable) -> String {
        let all = [table.columns] + table.rows
        let widths = table.columns.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func pad(_ s: String, _ width: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + fill : fill + s
        }
        return all.map { row in
            row.enumerated().map { c, cell in pad(cell, widths[c], left: c == 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func results() -> PrintedResults {
        .computing { out in
            let scores = try outcome.get()
            let seeds = RepeatedComparison.reportSeeds
            let data = try documentDataset()
            let outliers = data.outlierIndices.map(String.init).joined(separator: ", ")
            let shift = data.outlierShifts.map(abs).max() ?? 0
            out.text("The document's experiment repeated over \(seeds.count) seeds, \(seeds.lowerBound) to \(seeds.upperBound - 1) (42 is the document's own draw).")
            out.text("Each seed draws make_regression(\(data.x.rows) points, 1 feature, noise σ = \(Python.fixed(RobustComparison.noiseScale, 0))), a new true slope,")
            out.text("moves the targets of rows \(outliers) by ±\(Python.fixed(shift, 0)) and splits \(data.split.train.count)/\(data.split.test.count); every model is refitted.")
            out.text("Mean over the draws [95% t interval]; clean = test points that are not outliers; the difference")
            out.text("from the MSE fit is paired draw by draw; beats = draws with a lower clean-test MAE than the MSE fit's.")
            out.text("")
            let table = table(scores)
            out.table(text(table), table)
            for s in scores {
                for (what, e) in [("clean test MAE", s.cleanTestMAE), ("clean test MSE", s.cleanTestMSE),
                                  ("clean MAE difference", s.cleanMAEDifference), ("slope error", s.slopeError),
                                  ("intercept", s.intercept)] {
                    out.record(PrintedValue("\(s.name) \(what) mean", e.mean, decimals: nil))
                    out.record(PrintedValue("\(s.name) \(what) low", e.low, decimals: nil))
                    out.record(PrintedValue("\(s.name) \(what) high", e.high, decimals: nil))
                }
                out.record(PrintedValue("\(s.name) clean MAE wins", Double(s.cleanMAEWins), decimals: 0))
                out.record(PrintedValue("\(s.name) clean MSE wins", Double(s.cleanMSEWins), decimals: 0))
            }
            guard let reference = scores.first else { return }
            let others = scores.dropFirst()
            func names(_ keep: (IntervalEstimate) -> Bool) -> String {
                let list = others.filter { keep($0.cleanMAEDifference) }.map(\.name)
                return list.isEmpty ? "none" : list.joined(separator: ", ")
            }
            out.text("")
            out.text("Paired interval below 0, clean-test MAE lower than \(reference.name)'s: \(names { $0.high < 0 }).")
            out.text("Paired interval above 0, clean-test MAE higher: \(names { $0.low > 0 }).")
            out.text("Paired interval containing 0, no difference shown: \(names { $0.low <= 0 && 0 <= $0.high }).")
        }
    }
}
