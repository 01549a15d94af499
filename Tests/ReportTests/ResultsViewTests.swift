@testable import Report
import Foundation
import Scenarios
import Testing

/// A scenario's printed results as the page shows them: credited to whoever prints them, and
/// each number once.
@Suite struct ResultsViewTests {
    static func builder(_ language: Language) throws -> PageBuilder {
        let content = try ReportContent.load(templatesDirectory: ContentFixture.realTemplates)
        return PageBuilder(options: ReportOptions(language: language, scenarios: []), content: content, charts: [:], results: [:], stylesheet: "")
    }

    static func scenario(_ id: String) throws -> Scenario {
        try #require(ScenarioCatalog.all.first { $0.id == id })
    }

    /// lossplot's own scenarios (no guide code block) are lossplot's output, with the command that
    /// prints them; the guide's name the block lossplot recomputes. Neither leaves empty brackets.
    @Test(arguments: [
        (Language.en, "regression-robust", "What lossplot prints (lossplot run regression-robust)"),
        (Language.uk, "regression-robust", "Що друкує lossplot (lossplot run regression-robust)"),
        (Language.en, "regression-outliers", "What the guide's code prints, recomputed by lossplot (code block 22)"),
        (Language.uk, "hinge", "Що друкує код посібника, відтворене lossplot (блок коду 12, 13)"),
    ])
    func printedLinesAreCreditedToWhoPrintsThem(language: Language, id: String, expected: String) throws {
        let s = try Self.scenario(id)
        let view = try Self.builder(language).resultsView(PrintedResults(lines: ["x"]), of: s)
        #expect(view.summary == expected)
        #expect(!view.summary.contains("()"))
    }

    /// A scenario that prints tables shows its numbers in them, not again in a table of named
    /// values: and every value it leaves out is in one of its tables, at the table's precision.
    @Test(arguments: ["regression-outliers", "regression-robust"])
    func aNumberIsShownOnce(id: String) throws {
        let s = try Self.scenario(id)
        let results = try #require(s.results?())
        #expect(!results.tables.isEmpty && !results.values.isEmpty)
        let view = try Self.builder(.en).resultsView(results, of: s)
        #expect(view.values == nil)
        #expect(view.tables.count == results.tables.count)
        let cells = results.tables.flatMap { $0.rows.flatMap { $0 } }
        for value in results.values {
            let v = try #require(value.values.first)
            #expect(cells.contains { Self.shows($0, v) }, "\(value.name) = \(v) is in none of \(id)'s tables")
        }
    }

    /// A scenario without tables still shows its values.
    @Test func valuesWithoutATableAreShown() throws {
        let s = try Self.scenario("huber-example")
        let results = try #require(s.results?())
        let view = try Self.builder(.en).resultsView(results, of: s)
        #expect(view.values?.rows.count == results.values.count)
    }

    /// `cell` is `value` written at the cell's own precision (`%.4f` or `%.2e`).
    static func shows(_ cell: String, _ value: Double) -> Bool {
        guard let shown = Double(cell) else { return false }
        if let e = cell.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = cell[..<e]
            let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
            let exponent = shown == 0 ? 0 : Int(cell[cell.index(after: e)...]) ?? 0
            return abs(shown - value) <= 0.5 * pow(10, Double(exponent - decimals)) + 1e-300
        }
        let decimals = cell.split(separator: ".").dropFirst().first?.count ?? 0
        return abs(shown - value) <= 0.5 * pow(10, -Double(decimals)) * (1 + 1e-12)
    }
}
