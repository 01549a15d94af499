import LossPlotCairo
import LossPlotCharts
@testable import Report
import Foundation
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
        // Tests run at once, some on the same page: each call writes a folder of its own.
        let out = Fixture.path("content-page-\(language.rawValue)-\(selfContained)-\(UUID().uuidString)")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: ReportOptions(
            outputDirectory: out, language: language, formats: [.svg], selfContained: selfContained,
            sourceDateEpoch: 1_700_000_000, scenarios: stubs), encoder: ChartEncoder()).write()
        let entry = try #require(manifest.files.first { $0.path == "index.html" })
        return (Fixture.text(out), entry.sha256)
    }

    /// The prose moved from Swift literals into Templates/Content/ without a byte of the page
    /// changing. These digests were taken from the page the Swift literals made; a deliberate
    /// change to the prose, the placement or the templates changes them (the failure prints the
    /// new digest to record here).
    @Test(arguments: [
        (Language.uk, false, "9c5a91ab52d4d10b89969671321c49156e8ef55e62a57efac16704bd9d4cad13"),
        (Language.en, false, "8dca7908ad91de38eccd08ff671115e7dae1f755848cb06d8f91ded14c275603"),
        (Language.en, true, "9c2a80a30086228ec26bdd082df9cbbc0e39f65dfbaf13b58c773d0a70c74831"),
    ])
    func pageIsTheOneTheSwiftLiteralsMade(language: Language, selfContained: Bool, sha256: String) throws {
        let page = try Self.page(language, selfContained: selfContained)
        #expect(page.sha256 == sha256, "index.html (\(language.rawValue)\(selfContained ? ", self-contained" : "")) is now \(page.sha256)")
    }

    /// Escaped as the template's `{{…}}` escapes plain text.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The markup each block of the content must put on the page, in order.
    static func fragments(_ block: ContentBlock, _ l: Language, citations: [String: Int] = [:]) -> [String] {
        let html = { (t: LocalizedText) in RichText.html(t(l), citations: citations) }
        switch block {
        case .paragraph(let t): return ["<p>\(html(t))</p>"]
        case .list(let items): return items.map { "<li>\(html($0))</li>" }
        case .definitions(let pairs): return pairs.flatMap { ["<dt>\(html($0.term))</dt>", "<dd>\(html($0.detail))</dd>"] }
        case .note(let title, let body, let slip):
            return ["<aside class=\"note\(slip ? " slip" : "")\">", "<strong>\(escaped(title(l)))</strong>"] + body.map { "<p>\(html($0))</p>" }
        case .table(let t):
            return ["<caption>\(escaped(t.caption(l)))</caption>"] + t.columns.map { "<th scope=\"col\">\(escaped($0(l)))</th>" }
                + t.rows.flatMap { row in ["<th scope=\"row\">\(escaped(row[0](l)))</th>"] + row.dropFirst().map { "<td>\(escaped($0(l)))</td>" } }
        case .formula(let f): return ["<div class=\"formula\">\n\(f(l))\n</div>"]
        case .example(let t): return ["<pre class=\"example\">\(escaped(t(l)))</pre>"]
        case .references(let entries):
            return ["<ol class=\"references\">"] + entries.map { "<li id=\"ref-\($0.key)\">\(RichText.html($0.text(l)))" }
        }
    }

    /// Everything the content files say is on the page, in their order, and each chart an article
    /// names is shown inside that article: the page shows the loaded content, all of it.
    @Test(arguments: Language.allCases)
    func thePageShowsTheLoadedContentInItsOrder(language: Language) throws {
        let content = try ReportContent.load(templatesDirectory: ContentFixture.realTemplates)
        let page = try Self.page(language, selfContained: false).html
        var cursor = page.startIndex
        var missing: [String] = []
        func expect(_ fragment: String, before end: String.Index? = nil) {
            let end = end ?? page.endIndex
            guard cursor <= end, let r = page.range(of: fragment, range: cursor..<end) else {
                missing.append(fragment)
                return
            }
            cursor = r.upperBound
        }
        let l = language
        let rich = { (t: LocalizedText) in RichText.html(t(l), citations: content.citationNumbers) }
        for fragment in ["<title>\(Self.escaped(content.labels.pageTitle(l)))</title>", "<p class=\"lead\">\(Self.escaped(content.labels.lead(l)))</p>"] {
            expect(fragment)
        }
        for section in content.sections {
            expect("<section id=\"\(section.id)\" class=\"part\"")
            expect("<h2 id=\"\(section.id)-title\">\(Self.escaped(section.title(l)))</h2>")
            section.intro.flatMap { Self.fragments($0, l, citations: content.citationNumbers) }.forEach { expect($0) }
            for article in section.articles {
                expect("<section id=\"\(article.id)\" class=\"article\"")
                let end = page.range(of: "<section id=", range: cursor..<page.endIndex)?.lowerBound
                expect("<h3 id=\"\(article.id)-title\">\(Self.escaped(article.title(l)))</h3>", before: end)
                if let formula = article.formula { expect(formula(l), before: end) }
                article.symbols.forEach { expect("<p class=\"symbols\">\(rich($0))</p>", before: end) }
                article.body.flatMap { Self.fragments($0, l, citations: content.citationNumbers) }.forEach { expect($0, before: end) }
                for (label, items) in [(content.labels.pros, article.pros), (content.labels.cons, article.cons),
                                       (content.labels.useWhen, article.useWhen), (content.labels.avoidWhen, article.avoidWhen)] where !items.isEmpty {
                    expect("<h4>\(Self.escaped(label(l)))</h4>", before: end)
                    items.forEach { expect("<li>\(rich($0))</li>", before: end) }
                }
                article.after.flatMap { Self.fragments($0, l, citations: content.citationNumbers) }.forEach { expect($0, before: end) }
                article.scenarioIDs.forEach { expect("<div id=\"results-\($0)\" class=\"results\">", before: end) }
            }
        }
        expect("<p>\(Self.escaped(content.labels.footer(l))) ")
        #expect(missing.isEmpty, "not on the page, or out of order: \(missing)")
    }
}
