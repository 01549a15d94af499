@testable import Report
import Foundation
import LossPlotCairo
import Scenarios
import Testing

/// Figures and equations numbered in the page's order, each chart's takeaway caption, and the
/// cross-references `[#fig:…]` / `[#eq:…]` that link to them.
@Suite struct NumberingTests {
    static let content = Result { try ReportContent.load(templatesDirectory: ContentFixture.realTemplates) }

    /// The real report's English page, folder mode, the whole catalog drawn in SVG.
    static let page: Result<String, any Error> = Result {
        let out = Fixture.path("numbering-\(UUID().uuidString)")
        defer { Fixture.remove(out) }
        try ReportWriter(options: ReportOptions(outputDirectory: out, language: .en, formats: [.svg], sourceDateEpoch: 1_700_000_000),
                         encoder: ChartEncoder()).write()
        return Fixture.text(out)
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (1..<m.numberOfRanges).map { String(text[Range(m.range(at: $0), in: text)!]) }
        }
    }

    @Test func figuresAreNumberedFromOneInThePagesOrder() throws {
        let page = try Self.page.get()
        let numbers = Self.matches(#"<span class="caption-number">Figure (\d+)\.</span>"#, in: page).map { Int($0[0]) ?? 0 }
        #expect(numbers == Array(1...numbers.count))
        // Every chart and every explorer of the catalog is on the page, numbered.
        let charts = ScenarioCatalog.all.filter { $0.figure != nil || $0.explorer != nil }
        #expect(numbers.count == charts.count)
        // The first is the MSE/MAE chart, an explorer is numbered in its legend, the chart after it follows on.
        #expect(page.contains("<figure id=\"figure-mse-vs-mae\" class=\"chart\">"))
        let first = try #require(page.range(of: "<span class=\"caption-number\">Figure 1.</span> <span class=\"caption-title\">MSE vs MAE."))
        let explorer = try #require(page.range(of: "<legend><span class=\"caption-number\">Figure 4.</span> Huber loss: the switch point δ</legend>"))
        let next = try #require(page.range(of: "<span class=\"caption-number\">Figure 5.</span> <span class=\"caption-title\">Log-cosh beside MSE and Huber."))
        #expect(first.lowerBound < explorer.lowerBound && explorer.lowerBound < next.lowerBound)
    }

    @Test func equationsAreNumberedInOrderWithUniqueIDs() throws {
        let content = try Self.content.get()
        let page = try Self.page.get()
        let groups = Self.matches(#"<div class="formula scroll" id="(eq-[a-z0-9-]+)" role="group" aria-label="Equation (\d+): [^"]+" tabindex="0">\n<div class="equation">\n<math[^\n]*\n<span class="equation-number" aria-hidden="true">\((\d+)\)</span>"#, in: page)
        #expect(groups.count == page.components(separatedBy: "<div class=\"formula").count - 1, "a formula without its number")
        #expect(groups.map { Int($0[1]) ?? 0 } == Array(1...groups.count))
        #expect(groups.allSatisfy { $0[1] == $0[2] }, "the number shown differs from the name's")
        let ids = groups.map { $0[0] }
        #expect(Set(ids).count == ids.count)
        #expect(ids.prefix(3) == ["eq-mse", "eq-mae", "eq-huber"])
        #expect(ids.contains("eq-hinge-2"))
        #expect(content.equationNumbers.count == ids.count)
        #expect(page.contains("aria-label=\"Equation 3: Huber loss\""))
    }

    @Test(arguments: Language.allCases)
    func everyChartHasItsTakeawayInEachLanguage(language: Language) throws {
        let content = try Self.content.get()
        let charts = ScenarioCatalog.all.filter { $0.figure != nil || $0.explorer != nil }.map(\.id)
        #expect(Set(content.captions.keys) == Set(charts))
        for id in charts {
            let caption = try #require(content.captions[id])
            let text = caption(language)
            #expect(text.count > 40 && text.last == ".", "\(language.rawValue) caption of \(id): \(text)")
        }
        // Every chart the content places is one of them.
        for article in content.sections.flatMap(\.articles) {
            for id in article.scenarioIDs where ScenarioCatalog.all.first(where: { $0.id == id })?.kind != "printed" {
                #expect(content.captions[id] != nil, "\(id) has no caption")
            }
        }
    }

    @Test func theCaptionShowsNumberTitleAndTakeaway() throws {
        let page = try Self.page.get()
        #expect(page.contains("<figcaption><span class=\"caption-text\"><span class=\"caption-number\">Figure 2.</span> <span class=\"caption-title\">Huber loss: best of both worlds.</span> <span class=\"caption-takeaway\">Huber (<code>δ = 1.5</code>) is the parabola"))
        #expect(page.contains("<p class=\"caption-takeaway explorer-takeaway\" id=\"explorer-explore-huber-takeaway\">A larger <code>δ</code>"))
        #expect(page.contains("<fieldset class=\"explorer\" id=\"explorer-explore-huber\" aria-describedby=\"explorer-explore-huber-takeaway\">"))
    }

    @Test func crossReferencesLinkToIDsOnThePage() throws {
        let page = try Self.page.get()
        let links = Self.matches(##"<a class="xref" href="#([^"]+)">([^<]+)</a>"##, in: page)
        #expect(links.count >= 20)
        let ids = Set(Self.matches(#" id="([^"]+)""#, in: page).map { $0[0] })
        for link in links { #expect(ids.contains(link[0]), "\(link) links to nothing") }
        #expect(links.contains(["figure-huber", "Figure 2"]))
        #expect(links.contains(["explorer-explore-huber", "Figure 4"]))
        #expect(links.contains(["eq-hinge-2", "(10)"]))
        #expect(!page.contains("[#"), "a cross-reference shown as written")
        #expect(RichText.html("see [#fig:a] and `[#fig:a]` [#eq:b]", in: .en,
                              references: ["fig:a": .init(href: "figure-a", text: "рис. 1"), "eq:b": .init(href: nil, text: "«B»")])
            == "see <a class=\"xref\" href=\"#figure-a\">рис. 1</a> and <code>[#fig:a]</code> «B»")
    }

    static let en = ContentFixture.en.replacing1("Squares the error.", "Squares the error, see [#fig:mse-vs-mae] and [#eq:mse].")
    static let uk = ContentFixture.uk.replacing1("Підносить помилку до квадрата.", "Підносить помилку до квадрата, див. [#fig:mse-vs-mae] і [#eq:mse].")

    @Test func aKnownCrossReferenceLoads() throws {
        let content = try ContentFixture.load("xref", en: Self.en, uk: Self.uk)
        #expect(content.equationNumbers == ["mse": 1])
    }

    /// `(the English file's change, where and what the error says)`.
    @Test(arguments: [
        ("[#fig:mse-vs-mae]", "[#fig:nope]", "en/01-losses.md:21:24: '[#fig:nope]' names no chart"),
        ("[#fig:mse-vs-mae]", "[#fig:mse-example]", "en/01-losses.md:21:24: '[#fig:mse-example]' names no chart"),
        ("[#eq:mse]", "[#eq:mae]", "en/01-losses.md:21:46: '[#eq:mae]' names no equation"),
        ("[#eq:mse]", "[#figure:mse]", "en/01-losses.md:21:46: a cross-reference is '[#fig:ID]'"),
        ("[#eq:mse]", "[#eq:mse", "en/01-losses.md:21:46: a cross-reference is '[#fig:ID]'"),
        ("## Mean squared error {#mse}", "## Mean squared error [#eq:mse] {#mse}", "en/01-losses.md:8:23: a cross-reference belongs in running text"),
        ("| MSE | yes |", "| MSE [#eq:mse] | yes |", "en/01-losses.md:33:7: a cross-reference belongs in running text"),
    ])
    func anUnknownOrMisplacedCrossReferenceIsRefusedWhereItStands(old: String, new: String, message: String) {
        let error = ContentFixture.error("xref-bad", en: Self.en.replacing1(old, new), uk: Self.uk)
        #expect(error.contains(message), "\(error)")
    }

    /// `(captions.txt's change, the error)`.
    @Test(arguments: [
        ("huber: ", "hubr: ", "en/captions.txt:7:1: unknown chart 'hubr'"),
        ("huber: ", "mse-example: ", "en/captions.txt:7:1: scenario 'mse-example' prints results and draws no chart"),
        ("huber: Huber", "huber: Huber [#fig:huber]", "en/captions.txt:7:14: a caption says what its chart shows on its own"),
        ("huber: ", "huber-deltas: ", "en/captions.txt:8:1: chart 'huber-deltas' has a caption already (on line 7)"),
        ("huber: ", "huber ", "en/captions.txt:7:1: a caption line is 'ID: what the chart shows'"),
    ])
    func aCaptionOfNoChartIsRefusedWithItsLine(old: String, new: String, message: String) throws {
        let real = try String(contentsOfFile: ContentFixture.realTemplates + "/Content/en/captions.txt", encoding: .utf8)
        let dir = try ContentFixture.folder("captions", [.en: ["01-losses.md": ContentFixture.en, Captions.file: real.replacing1(old, new)],
                                                         .uk: ["01-losses.md": ContentFixture.uk]])
        defer { Fixture.remove(dir) }
        let error = ContentFixture.refusal(dir)
        #expect(error.contains(message), "\(error)")
    }

    @Test func aChartWithoutACaptionIsRefused() throws {
        let real = try String(contentsOfFile: ContentFixture.realTemplates + "/Content/uk/captions.txt", encoding: .utf8)
        let without = real.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("triplet:") }.joined(separator: "\n")
        let dir = try ContentFixture.folder("captions-missing", [.en: ["01-losses.md": ContentFixture.en],
                                                                 .uk: ["01-losses.md": ContentFixture.uk, Captions.file: without]])
        defer { Fixture.remove(dir) }
        let error = ContentFixture.refusal(dir)
        #expect(error.contains("uk/captions.txt:") && error.contains("chart 'triplet' has no caption"), "\(error)")
    }
}
