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
    /// changing; these digests pin the page since. A deliberate change to the prose, the
    /// placement or the templates changes them (the failure prints the new digest to record
    /// here). Last changed for issue 15's page: both languages linked (hreflang, a language
    /// switch), scroll regions focusable and named, passages in the other language in `lang`,
    /// stacked tables, no download copies in a self-contained page; with the corrected, cited prose, the commands beside the results and each loss's library equivalents;
    /// with each chart's narrow and dark renderings (`<picture>`), its data table and the explorers' labels;
    /// with every formula numbered and named "Equation N: loss" (`eq-…` ids) and the prose's cross-references
    /// (`[#fig:…]`, `[#eq:…]`; the stubs draw no chart, so a figure's reference shows its title);
    /// re-pinned when both branches met (the explorer options, the numbered captions, one stylesheet).
    @Test(arguments: [
        (Language.uk, false, "d2325fb9d7fe498f9d6ba70fe36e4a668279e6dd799dfd2b0ed66b001428fc94"),
        (Language.en, false, "99a7b24198a79d5d9052a4c4f7120a5ad685c9addf3a7b8fcdd5cf4429002049"),
        (Language.en, true, "d7ee8984ec47b21e4b517eb267fb8196d6db6b6f58723a6c77386e6578eee740"),
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

    /// Text as the page shows it: escaped, passages in the other language in `<span lang>`.
    static func shown(_ s: String, _ l: Language) -> String { LanguageSpans.html(s, page: l) }

    /// The markup each block of the content must put on the page, in order.
    static func fragments(_ block: ContentBlock, _ l: Language, citations: [String: Int] = [:],
                          references: [String: CrossReferences.Target] = [:]) -> [String] {
        let html = { (t: LocalizedText) in RichText.html(t(l), in: l, citations: citations, references: references) }
        switch block {
        case .paragraph(let t): return ["<p>\(html(t))</p>"]
        case .list(let items): return items.map { "<li>\(html($0))</li>" }
        case .definitions(let pairs): return pairs.flatMap { ["<dt>\(html($0.term))</dt>", "<dd>\(html($0.detail))</dd>"] }
        case .note(let title, let body, let slip):
            return ["<aside class=\"note\(slip ? " slip" : "")\">", "<strong>\(shown(title(l), l))</strong>"] + body.map { "<p>\(html($0))</p>" }
        case .table(let t):
            let columns = t.columns.map { $0(l) }
            return ["<caption>\(shown(t.caption(l), l))</caption>"] + columns.map { "<th scope=\"col\">\(shown($0, l))</th>" }
                + t.rows.flatMap { row in
                    ["<th scope=\"row\">\(shown(row[0](l), l))</th>"]
                        + row.dropFirst().enumerated().map { i, cell in "<td data-label=\"\(escaped(columns[i + 1]))\">\(shown(cell(l), l))</td>" }
                }
        case .formula(let f): return ["tabindex=\"0\">\n<div class=\"equation\">\n\(f(l))\n<span class=\"equation-number\""]
        case .example(let t): return ["tabindex=\"0\">\(shown(t(l), l))</pre>"]
        case .references(let entries):
            return ["<ol class=\"references\">"] + entries.map { "<li id=\"ref-\($0.key)\">\(RichText.html($0.text(l), in: l))" }
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
        // The stubs draw no chart, so a cross-reference to one shows its title; those to equations link.
        let references = PageBuilder(options: ReportOptions(language: l, scenarios: Self.stubs), content: content, charts: [:], results: [:],
                                     stylesheet: "").crossReferenceTargets()
        let rich = { (t: LocalizedText) in RichText.html(t(l), in: l, citations: content.citationNumbers, references: references) }
        for fragment in ["<title>\(Self.escaped(content.labels.pageTitle(l)))</title>", "<p class=\"lead\">\(Self.shown(content.labels.lead(l), l))</p>"] {
            expect(fragment)
        }
        for section in content.sections {
            expect("<section id=\"\(section.id)\" class=\"part\"")
            expect("<h2 id=\"\(section.id)-title\">\(Self.shown(section.title(l), l))</h2>")
            section.intro.flatMap { Self.fragments($0, l, citations: content.citationNumbers, references: references) }.forEach { expect($0) }
            for article in section.articles {
                expect("<section id=\"\(article.id)\" class=\"article\"")
                let end = page.range(of: "<section id=", range: cursor..<page.endIndex)?.lowerBound
                expect("<h3 id=\"\(article.id)-title\">\(Self.shown(article.title(l), l))</h3>", before: end)
                if let formula = article.formula { expect(formula(l), before: end) }
                article.symbols.forEach { expect("<p class=\"symbols\">\(rich($0))</p>", before: end) }
                article.body.flatMap { Self.fragments($0, l, citations: content.citationNumbers, references: references) }.forEach { expect($0, before: end) }
                for (label, items) in [(content.labels.pros, article.pros), (content.labels.cons, article.cons),
                                       (content.labels.useWhen, article.useWhen), (content.labels.avoidWhen, article.avoidWhen)] where !items.isEmpty {
                    expect("<h4>\(Self.escaped(label(l)))</h4>", before: end)
                    items.forEach { expect("<li>\(rich($0))</li>", before: end) }
                }
                article.after.flatMap { Self.fragments($0, l, citations: content.citationNumbers, references: references) }.forEach { expect($0, before: end) }
                article.scenarioIDs.forEach { expect("<div id=\"results-\($0)\" class=\"results\">", before: end) }
            }
        }
        expect("<p>\(Self.shown(content.labels.footer(l), l)) ")
        #expect(missing.isEmpty, "not on the page, or out of order: \(missing)")
    }
}
