@testable import Report
import Foundation
import LossPlotCairo
import Scenarios
import Testing

/// Citations `[@key]` in the prose and the `::: references` list they point to: numbered in the
/// list's order, linked on the page, and every slip refused with its file, line and column.
@Suite struct ContentCitationTests {
    static let references = """

        ## Sources {#sources}

        ::: references
        - huber1964: Huber, P. J. (1964). Robust estimation of a location parameter.
          The Annals of Mathematical Statistics 35(1). <https://doi.org/10.1214/aoms/1177703732>
        - guide: The guide this report is built on.
        :::
        """

    /// The small fixture with a citation of both entries and the list at its end.
    static func cited(_ text: String, _ sentence: (String, String)) -> String {
        text.replacing1(sentence.0, sentence.1) + references
    }
    static let en = cited(ContentFixture.en, ("Squares the error.", "Squares the error [@huber1964; @guide], see [@guide]."))
    static let uk = cited(ContentFixture.uk, ("Підносить помилку до квадрата.", "Підносить помилку до квадрата [@huber1964; @guide], див. [@guide]."))

    @Test func citationsAreNumberedInTheListsOrderAndLinked() throws {
        let content = try ContentFixture.load("cite", en: Self.en, uk: Self.uk)
        #expect(content.citationNumbers == ["huber1964": 1, "guide": 2])
        let article = try #require(content.sections.first?.articles.last)
        #expect(article.id == "sources")
        guard case .references(let entries) = try #require(article.body.first) else {
            Issue.record("no references block: \(article.body)")
            return
        }
        #expect(entries.map(\.key) == ["huber1964", "guide"])
        #expect(entries[0].url == "https://doi.org/10.1214/aoms/1177703732")
        #expect(entries[0].text.en == "Huber, P. J. (1964). Robust estimation of a location parameter. The Annals of Mathematical Statistics 35(1).")
        #expect(entries[1].url == nil)
        let paragraph = try #require(content.sections.first?.articles.first?.body.first)
        guard case .paragraph(let text) = paragraph else { Issue.record("not a paragraph: \(paragraph)"); return }
        #expect(RichText.html(text.en, in: .en, citations: content.citationNumbers)
            == "Squares the error [<a href=\"#ref-huber1964\">1</a>, <a href=\"#ref-guide\">2</a>], see [<a href=\"#ref-guide\">2</a>].")
    }

    @Test func theRichTextLinksCitationsOutsideCodeOnly() {
        let numbers = ["a": 1, "b-2": 2]
        #expect(RichText.html("x [@a] `[@a]` **[@b-2]** [@c] [@ a] [@a", in: .en, citations: numbers)
            == "x [<a href=\"#ref-a\">1</a>] <code>[@a]</code> <strong>[<a href=\"#ref-b-2\">2</a>]</strong> [@c] [@ a] [@a")
        // Without numbers (text that is not the report's prose) nothing is a citation.
        #expect(RichText.html("[@a] <b>", in: .en) == "[@a] &lt;b&gt;")
    }

    @Test func thePageShowsTheListAndTheLinks() throws {
        let dir = try ContentFixture.folder("cite-page", [.en: ["01-losses.md": Self.en], .uk: ["01-losses.md": Self.uk]])
        defer { Fixture.remove(dir) }
        let out = Fixture.path("cite-page-out-\(UUID().uuidString)")
        defer { Fixture.remove(out) }
        let templates = Fixture.path("cite-templates-\(UUID().uuidString)")
        defer { Fixture.remove(templates) }
        try FileManager.default.copyItem(atPath: ContentFixture.realTemplates, toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/Content")
        try FileManager.default.copyItem(atPath: dir + "/Content", toPath: templates + "/Content")
        try ReportWriter(options: ReportOptions(outputDirectory: out, language: .en, formats: [.svg], templatesDirectory: templates,
                                                sourceDateEpoch: 1_700_000_000, scenarios: []), encoder: ChartEncoder()).write()
        let html = Fixture.text(out)
        #expect(html.contains("Squares the error [<a href=\"#ref-huber1964\">1</a>, <a href=\"#ref-guide\">2</a>]"))
        #expect(html.contains("<ol class=\"references\">\n<li id=\"ref-huber1964\">Huber, P. J. (1964). Robust estimation of a location parameter. The Annals of Mathematical Statistics 35(1). <a href=\"https://doi.org/10.1214/aoms/1177703732\">https://doi.org/10.1214/aoms/1177703732</a></li>\n<li id=\"ref-guide\">The guide this report is built on.</li>\n</ol>"), "\(html)")
    }

    /// `(the English file's change, where and what the error says)`.
    @Test(arguments: [
        ("see [@guide]", "see [@guid]", "en/01-losses.md:21:45: '[@guid]' cites no entry of '::: references'"),
        ("see [@guide]", "see [@ guide]", "en/01-losses.md:21:45: a citation is '[@key]' or '[@key; @other]'"),
        ("see [@guide]", "see [@guide", "en/01-losses.md:21:45: a citation is '[@key]'"),
        ("## Mean squared error {#mse}", "## Mean squared error [@guide] {#mse}", "en/01-losses.md:8:23: a citation belongs in running text"),
        ("| MSE | yes |", "| MSE [@guide] | yes |", "en/01-losses.md:33:7: a citation belongs in running text"),
        ("- guide: The guide", "- guide: [@huber1964] The guide", "en/01-losses.md:61:10: a citation belongs in running text"),
        ("- guide: The guide", "- Guide: The guide", "en/01-losses.md:61:1: a reference is '- key: text'"),
        ("- guide: The guide", "- huber1964: The guide", "en/01-losses.md:61:1: reference 'huber1964' is given twice (first on line 59)"),
        ("<https://doi.org/10.1214/aoms/1177703732>", "<https://doi.org/10 1214>", "en/01-losses.md:59:1: reference 'huber1964': '<https://doi.org/10 1214>' is not a link"),
        ("<https://doi.org/10.1214/aoms/1177703732>", "<javascript:alert(1)>", "is not a link"),
        ("::: references", "::: references Sources", "en/01-losses.md:58:16: '::: references' takes nothing after its name"),
    ])
    func slipsAreRefusedWhereTheyAre(old: String, new: String, expected: String) {
        let changed = Self.en.replacing1(old, new)
        #expect(changed != Self.en)
        let message = ContentFixture.error("cite-slip", en: changed, uk: Self.uk)
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func anEntryNoTextCitesIsRefusedAtTheEntry() {
        let changed = Self.uk.replacing1("див. [@guide]", "див. тут").replacing1("[@huber1964; @guide]", "[@huber1964]")
        let message = ContentFixture.error("cite-lonely", en: Self.en, uk: changed)
        #expect(message.contains("uk/01-losses.md:61:1: reference 'guide' is cited nowhere in this language's text"), "\(message)")
    }

    @Test func theLanguagesGiveTheSameEntriesWithTheSameLinks() {
        let changed = Self.uk.replacing1("<https://doi.org/10.1214/aoms/1177703732>", "<https://doi.org/10.1214/other>")
        let message = ContentFixture.error("cite-links", en: Self.en, uk: changed)
        #expect(message.contains("uk/01-losses.md:58:1: '::: references' with the entries huber1964 <https://doi.org/10.1214/other>, guide here, but '::: references' with the entries huber1964 <https://doi.org/10.1214/aoms/1177703732>, guide at"), "\(message)")
    }

    @Test func aCitationWithoutAListIsRefused() {
        let en = ContentFixture.en.replacing1("Squares the error.", "Squares the error [@guide].")
        let message = ContentFixture.error("cite-none", en: en)
        #expect(message.contains("en/01-losses.md:21:19: '[@guide]' cites no entry of '::: references' (the page has no '::: references')"), "\(message)")
    }

    @Test func aCitationInCodeOrAnExampleIsText() throws {
        let en = ContentFixture.en.replacing1("What `L` means.", "What `L[@x]` means.").replacing1("a   b", "a [@x] b")
        let uk = ContentFixture.uk.replacing1("а   б", "а [@x] б")
        let content = try ContentFixture.load("cite-code", en: en, uk: uk)
        #expect(content.citationNumbers.isEmpty)
    }

    @Test func aSecondListIsRefused() {
        let twice = { (text: String) in text + "\n\n::: references\n- other: Another.\n:::\n" }
        let message = ContentFixture.error("cite-twice", en: twice(Self.en), uk: twice(Self.uk))
        #expect(message.contains("en/01-losses.md:64:1: a second '::: references'"), "\(message)")
    }
}
