import Foundation
import LossPlotCharts
import Regression
@testable import Scenarios
import Testing

/// `regression-seeds`: the table shows what `RepeatedComparison` computes over the report's 200
/// seeds, cell by cell, and what it shows is consistent (intervals around their means, wins
/// counted out of the draws).
@Suite struct RegressionSeedsTests {
    @Test func theScenarioIsRegisteredAsALossplotAdditionThatPrints() throws {
        let scenario = try #require(ScenarioCatalog.scenario(id: "regression-seeds"))
        #expect(scenario.section == .regressionComparison && scenario.origin == .addition)
        #expect(scenario.figure == nil && scenario.results != nil && scenario.codeBlocks.isEmpty)
        // Beside the other regression-comparison scenarios, after them.
        let ids = ScenarioCatalog.ids
        #expect(ids.firstIndex(of: "regression-seeds") == (ids.firstIndex(of: "regression-robust") ?? -2) + 1)
    }

    @Test func theTablesCellsAreRepeatedComparisonsResults() throws {
        // The scenario's outcome is `RepeatedComparison.scores()` over the report's seeds (not
        // recomputed here: 200 draws of eight fits cost seconds in a debug build).
        let scores = try RegressionSeedsSection.outcome.get()
        #expect(scores.map(\.name) == ["Linear (MSE)", "Ridge (MSE + L2)", "Lasso (MSE + L1)", "MAE",
                                       "Huber (δ = 13.45)", "Huber (δ = 1)", "Log-Cosh", "Quantile (q = 0.5)"])
        let results = RegressionSeedsSection.results()
        #expect(results.failure == nil)
        let table = try #require(results.tables.first)
        #expect(results.tables.count == 1)
        #expect(table.columns == RegressionSeedsSection.columns)
        #expect(table.rows.map { $0[0] } == scores.map(\.name))
        func cell(_ e: IntervalEstimate, _ d: Int) -> String {
            String(format: "%.*f [%.*f, %.*f]", d, e.mean, d, e.low, d, e.high)
        }
        for (i, (row, s)) in zip(table.rows, scores).enumerated() {
            #expect(row.count == table.columns.count)
            #expect(row[1] == cell(s.cleanTestMAE, 2), "\(s.name)")
            #expect(row[2] == cell(s.cleanTestMSE, 1), "\(s.name)")
            #expect(row[3] == (i == 0 ? "reference" : cell(s.cleanMAEDifference, 3)), "\(s.name)")
            #expect(row[4] == (i == 0 ? "reference" : "\(s.cleanMAEWins) of 200"), "\(s.name)")
            #expect(row[5] == cell(s.slopeError, 2), "\(s.name)")
            #expect(row[6] == cell(s.intercept, 2), "\(s.name)")
        }
        // The values behind the table, unrounded, for JSON and the prose checks.
        for s in scores {
            func value(_ name: String) -> Double? { results.values.first { $0.name == "\(s.name) \(name)" }?.values.first }
            #expect(value("clean test MAE mean") == s.cleanTestMAE.mean && value("clean test MAE low") == s.cleanTestMAE.low)
            #expect(value("clean MAE difference high") == s.cleanMAEDifference.high)
            #expect(value("intercept mean") == s.intercept.mean && value("slope error mean") == s.slopeError.mean)
            #expect(value("clean MAE wins") == Double(s.cleanMAEWins) && value("clean MSE wins") == Double(s.cleanMSEWins))
        }
        // The printed lines hold the table as text, every cell of it.
        for row in table.rows {
            #expect(results.lines.contains { line in row.allSatisfy { line.contains($0) } }, "\(row[0])")
        }
    }

    @Test func intervalsHoldTheirMeansAndWinsAreCountedOutOfTheDraws() throws {
        let scores = try RegressionSeedsSection.outcome.get()
        #expect(scores.count == 8)
        for s in scores {
            #expect(s.draws == RepeatedComparison.reportSeeds.count && s.draws == 200)
            for e in [s.cleanTestMAE, s.cleanTestMSE, s.slopeError, s.intercept] {
                #expect(e.low < e.mean && e.mean < e.high, "\(s.name): \(e)")
            }
            #expect(s.cleanMAEDifference.low <= s.cleanMAEDifference.mean && s.cleanMAEDifference.mean <= s.cleanMAEDifference.high)
            #expect((0...200).contains(s.cleanMAEWins) && (0...200).contains(s.cleanMSEWins), "\(s.name)")
        }
    }

    @Test func theSummaryLinesSortTheModelsByTheirPairedIntervals() throws {
        let scores = try RegressionSeedsSection.outcome.get()
        let lines = RegressionSeedsSection.results().lines
        let below = try #require(lines.first { $0.hasPrefix("Paired interval below 0") })
        let containing = try #require(lines.first { $0.hasPrefix("Paired interval containing 0") })
        for s in scores.dropFirst() {
            let d = s.cleanMAEDifference
            if d.high < 0 { #expect(below.contains(s.name)) }
            if d.low <= 0 && 0 <= d.high { #expect(containing.contains(s.name)) }
        }
    }

    @Test func theRobustFigureDrawsTheGeneratorsLine() throws {
        let data = try documentDataset()
        let slope = try #require(data.trueCoefficients.first)
        for language in Language.allCases {
            let figure = RegressionRobustFigure.make(language)
            let label = RegressionRobustFigure.trueLineName(language)
            let lines = figure.axes[0].series.compactMap { series -> LineSeries? in
                if case .line(let l) = series, l.label == label { return l }
                return nil
            }
            let line = try #require(lines.first, "\(language): no true line")
            // Thin solid black: apart from the six fits, which take the palette's colours and dashes.
            #expect(lines.count == 1 && line.dash == .solid && line.color == .black)
            for (x, y) in zip(line.x, line.y) { #expect(abs(y - slope * x) <= 1e-9 * max(1, abs(y))) }
        }
        #expect(RegressionRobustFigure.make(.uk).axes[0].series.contains { $0.label == "Справжня пряма" })
    }
}
