@testable import Scenarios
import Testing

/// Every printed number of the document, computed through LossFunctions and Regression,
/// against printed-output.txt.
@Suite struct PrintedOutputTests {
    @Test func wholeTranscriptIsByteForByteTheDocumentsOutput() throws {
        let expected = try Fixture.printedOutput()
        let actual = DocumentTranscript.text()
        #expect(actual == expected)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("first difference at line \(first?.offset ?? min(a.count, e.count)): \(String(describing: first?.element))")
        }
    }

    @Test func blocksAreTheDocumentsPythonBlocksWithout18To21() {
        #expect(DocumentTranscript.codeBlocks == Array(0...17) + [22])
    }

    @Test(arguments: ScenarioCatalog.all.filter { $0.results != nil }.map(\.id))
    func eachPrintingScenarioMatchesItsBlock(id: String) throws {
        let scenario = try #require(ScenarioCatalog.scenario(id: id))
        let results = try #require(scenario.results?())
        #expect(results.failure == nil)
        guard scenario.origin == .document, let block = scenario.printedCodeBlock else { return }
        #expect(results.text == (try Fixture.printedBlock(block)), "code block \(block)")
    }

    @Test func valuesBehindTheLinesKeepFullPrecision() throws {
        let mse = MSEExample.results()
        #expect(mse.values.first?.name == "MSE Loss")
        #expect(mse.values.first?.values == [0.375])
        #expect(mse.values.last?.values == [-0.25, 0.25, 0, 0.5])
        let logCosh = LogCoshExample.results()
        #expect(logCosh.values.map(\.name) == ["MSE", "MAE", "Huber", "Log-Cosh"])
        let huber = try #require(logCosh.values.first { $0.name == "Huber" }?.values.first)
        #expect(abs(huber - 18.907) < 1e-12)
    }

    @Test func regressionComparisonMatchesScikitLearn() throws {
        let scores = try RegressionComparison.outcome.get().scores
        let expected: [(String, Double, Double)] = [
            ("Linear (MSE)", 800.58848, 16.12690), ("Ridge (MSE + L2)", 802.20429, 16.10230), ("Lasso (MSE + L1)", 803.69885, 16.08748),
        ]
        #expect(scores.count == 3)
        for (score, (name, mse, mae)) in zip(scores, expected) {
            #expect(score.name == name)
            // scikit-learn's values as printed to 5 decimals: agreement to 1e-6 relative needs
            // |Δ| below half a unit of the fifth decimal plus the 1e-6 band.
            #expect(abs(score.testMSE - mse) <= 5e-6 + 1e-6 * mse, "\(name) MSE \(score.testMSE)")
            #expect(abs(score.testMAE - mae) <= 5e-6 + 1e-6 * mae, "\(name) MAE \(score.testMAE)")
        }
        let titles = RegressionComparison.make(.uk).axes.map { $0.title?.text }
        #expect(titles.first == "Linear (MSE)\nMSE: 800.6 | MAE: 16.1")
    }

    @Test func failuresBecomeResultsNotTraps() {
        struct Boom: Error {}
        let results = PrintedResults.computing { out in
            out.text("before")
            throw Boom()
        }
        #expect(results.failure != nil)
        #expect(results.lines.first == "before")
        #expect(results.lines.last?.hasPrefix("error:") == true)
    }
}
