@testable import Report
import Foundation
import Scenarios
import Testing

/// The 200-seed comparison stands where the regression section's conclusion needs it: its own
/// article, the last of the section, after the single split it judges, in both languages.
@Suite struct SeedsContentTests {
    @Test func theContentPlacesTheSeedsTableAfterTheSingleSplit() throws {
        let content = try ContentNumbersTests.content.get()
        let section = try #require(content.sections.first { $0.id == "regression-comparison" })
        #expect(section.documentSection == .regressionComparison)
        let ids = section.articles.map(\.id)
        let seeds = try #require(section.articles.first { $0.id == "seeds-comparison" })
        #expect(seeds.scenarioIDs == ["regression-seeds"])
        #expect(ids.last == "seeds-comparison")
        #expect((ids.firstIndex(of: "robust-comparison") ?? .max) < (ids.firstIndex(of: "seeds-comparison") ?? -1))
        #expect(seeds.title(.en) == "The same experiment over 200 seeds" && seeds.title(.uk) == "Той самий експеримент на 200 зернах")
        // No other article shows it.
        #expect(content.sections.flatMap(\.articles).filter { $0.scenarioIDs.contains("regression-seeds") }.count == 1)
    }

    /// The single-split articles point forward to the seeds, so no conclusion rests on one draw.
    @Test(arguments: [(Language.en, "200 seeds"), (Language.uk, "200 зер")])
    func theSingleSplitArticlesReferToTheRepetition(language: Language, phrase: String) throws {
        for id in ["conclusion-slip", "robust-comparison", "seeds-comparison"] {
            #expect(try ContentNumbersTests.text(id, language).contains(phrase), "\(id) (\(language.rawValue))")
        }
    }
}
