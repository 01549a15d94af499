import Foundation
import Report
import Scenarios
import Testing

/// The page the content makes. Every scenario of the catalog stands in as a stub that prints only
/// its own id, so the page holds all the prose and shows where each scenario is placed, without
/// drawing a chart: the bytes depend on the content, its placement rules and the templates alone.
@Suite struct ContentPageTests {
    static let stubs: [Scenario] = ScenarioCatalog.all.map { s in
        let id = s.id
        return Scenario(id: id, title: s.title, section: s.section, codeBlocks: s.codeBlocks, origin: s.origin,
                        results: { PrintedResults(lines: [id]) })
    }

    static func page(_ language: Language, selfContained: Bool) throws -> (html: String, sha256: String) {
        let out = Fixture.path("content-page-\(language.rawValue)-\(selfContained)")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: ReportOptions(
            outputDirectory: out, language: language, formats: [.svg], selfContained: selfContained,
            sourceDateEpoch: 1_700_000_000, scenarios: stubs)).write()
        let entry = try #require(manifest.files.first { $0.path == "index.html" })
        return (Fixture.text(out), entry.sha256)
    }

    /// The prose moved from Swift literals into Templates/Content/ without a byte of the page
    /// changing. These digests were taken from the page the Swift literals made; a deliberate
    /// change to the prose, the placement or the templates changes them (the failure prints the
    /// new digest to record here).
    @Test(arguments: [
        (Language.uk, false, "44f5a58a8913a36a8e7c68f029b85b512c2d6aa2252f17a204d9cffee435c68f"),
        (Language.en, false, "182f582200a6f52158dd2d3ec48c2379d5d3a74d7ab253cbb3fa706c5d3207b7"),
        (Language.en, true, "d2299f9c7b6ce311d41754d5544b5f02d396c1dea9d26b80d727fd682df81963"),
    ])
    func pageIsTheOneTheSwiftLiteralsMade(language: Language, selfContained: Bool, sha256: String) throws {
        let page = try Self.page(language, selfContained: selfContained)
        #expect(page.sha256 == sha256, "index.html (\(language.rawValue)\(selfContained ? ", self-contained" : "")) is now \(page.sha256)")
    }
}
