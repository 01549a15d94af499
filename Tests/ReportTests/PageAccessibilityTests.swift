import LossPlotCairo
import LossPlotCharts
import Foundation
@testable import Report
import Scenarios
import Testing

/// What the page's markup owes a keyboard and a screen reader: each scroll region reachable and
/// named, a skip link to the main text, download links and formulas named for what they are, and
/// passages in the other language marked with `lang`. (Chromium checks the same pages with axe-core
/// and the keyboard: Tests/Browser/check_report.py.)
@Suite struct PageAccessibilityTests {
    static func pages() throws -> [Language: String] {
        let out = Fixture.path("a11y-\(UUID().uuidString.prefix(8))")
        defer { Fixture.remove(out) }
        try ReportWriter(options: BilingualReportTests.options(out, scenarios: Fixture.scenarios + [BilingualReportTests.localized]),
                         encoder: ChartEncoder()).write()
        return [.en: Fixture.text(out), .uk: Fixture.text(out, "index.uk.html")]
    }

    /// Each start tag `<name …>` of the page whose text (name and attributes) contains `marker`.
    static func startTags(_ page: String, _ name: String) -> [String] {
        page.components(separatedBy: "<\(name)").dropFirst().compactMap { rest in
            guard let first = rest.first, first == " " || first == ">" else { return nil }
            return String(rest.prefix { $0 != ">" })
        }
    }

    /// The value of `attribute` in a start tag's text, nil when it has none.
    static func attribute(_ attribute: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(attribute)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: Language.allCases)
    func everyScrollRegionIsFocusableAndNamed(language: Language) throws {
        let page = try #require(try Self.pages()[language])
        let regions = (Self.startTags(page, "div") + Self.startTags(page, "pre")).filter {
            ($0.contains("class=\"table-wrap") || $0.contains("class=\"formula") || $0.hasPrefix(">") || $0.contains("<pre"))
                || Self.attribute("class", in: $0)?.split(separator: " ").contains("scroll") == true
        }
        // Every table, formula and preformatted block sits in a scroll region.
        #expect(page.components(separatedBy: "<table").count - 1 == page.components(separatedBy: "<div class=\"table-wrap scroll\"").count - 1)
        #expect(page.components(separatedBy: "<div class=\"formula").count - 1 == page.components(separatedBy: "<div class=\"formula scroll\"").count - 1)
        #expect(Self.startTags(page, "pre").allSatisfy { Self.attribute("class", in: $0)?.split(separator: " ").contains("scroll") == true },
                "a <pre> that is not a scroll region: \(Self.startTags(page, "pre"))")
        #expect(!regions.isEmpty)
        for tag in regions where Self.attribute("class", in: tag)?.split(separator: " ").contains("scroll") == true {
            #expect(Self.attribute("tabindex", in: tag) == "0", "not focusable: <\(tag)>")
            #expect(["region", "group"].contains(Self.attribute("role", in: tag) ?? ""), "no role: <\(tag)>")
            #expect(!(Self.attribute("aria-label", in: tag) ?? "").isEmpty, "no name: <\(tag)>")
        }
    }

    @Test func theSkipLinkGoesToTheMainTextAndFormulasAreNamedForTheirLoss() throws {
        let pages = try Self.pages()
        let content = try ReportContent.load(templatesDirectory: ContentFixture.realTemplates)
        for (language, page) in pages {
            #expect(page.contains("<a class=\"skip\" href=\"#main\">\(language == .en ? "Skip to the main text" : "Перейти до основного тексту")</a>"))
            #expect(page.contains("<main id=\"main\" tabindex=\"-1\">"))
            for article in content.sections.flatMap(\.articles) where article.formula != nil {
                let n = try #require(content.equationNumbers[article.id])
                let label = ContentPageTests.escaped(content.labels.filled("equation", language, ["{n}": "\(n)", "{title}": article.title(language)]))
                #expect(page.contains("<div class=\"formula scroll\" id=\"eq-\(article.id)\" role=\"group\" aria-label=\"\(label)\" tabindex=\"0\">"), "\(language): \(label)")
            }
            let unnamed = content.labels.filled("equation", language, ["{n}": "0", "{title}": ""])
            #expect(!page.contains("aria-label=\"\(unnamed)\""), "a formula without its number and place")
        }
    }

    @Test func downloadLinksAreNamedForTheirChartAndFormat() throws {
        let pages = try Self.pages()
        let en = try #require(pages[.en]), uk = try #require(pages[.uk])
        for format in ["SVG", "PNG"] {
            #expect(en.contains("aria-label=\"Download the chart “Small” as \(format)\">\(format)</a>"))
            #expect(uk.contains("aria-label=\"Завантажити графік «Малий» у форматі \(format)\">\(format)</a>"))
        }
        for page in [en, uk] {
            for link in Self.startTags(page, "a") where link.contains(" download=") {
                #expect(Self.attribute("aria-label", in: link) != nil, "an unnamed download link: <a\(link)>")
            }
        }
    }

    @Test func passagesInTheOtherLanguageCarryLang() throws {
        let pages = try Self.pages()
        let en = try #require(pages[.en]), uk = try #require(pages[.uk])
        // The guide's Ukrainian output on the English page, the words in Ukrainian only.
        #expect(en.contains("<span lang=\"uk\">З</span> outlier: 1.0\n<span lang=\"uk\">Без</span> outlier: 0.5"))
        // English terms and code on the Ukrainian page (Templates/Content/uk uses both).
        #expect(uk.contains("<span lang=\"en\">"))
        #expect(uk.contains("<code lang=\"en\">"))
        #expect(!en.contains("<span lang=\"en\">") && !en.contains("<code lang=\"en\">"))
    }

    @Test func tablesOfThreeColumnsOrMoreStackOnAPhoneWithTheirColumnNames() throws {
        let page = try #require(try Self.pages()[.en])
        // The comparison table (5 columns) and the hostile scenario's printed table (2) and values (2).
        let comparison = try #require(page.components(separatedBy: "<table").first { $0.contains("Use it for") })
        #expect(comparison.hasPrefix(" class=\"stacked\">"))
        #expect(comparison.contains("<td data-label=\"Use it for\">"))
        let values = try #require(page.components(separatedBy: "<table").first { $0.contains("<th scope=\"col\">Quantity</th>") })
        #expect(values.hasPrefix(">"))
    }

    @Test(arguments: [
        ("Huber loss для δ = 1", Language.uk, "<span lang=\"en\">Huber loss</span> для δ = 1"),
        ("моделі (Linear, Ridge, Lasso): точки", .uk, "моделі (<span lang=\"en\">Linear, Ridge, Lasso</span>): точки"),
        ("для y = +1 і q = 0.5", .uk, "для y = +1 і q = 0.5"),
        ("q-й квантиль", .uk, "q-й квантиль"),
        ("Lasso's L1", .uk, "<span lang=\"en\">Lasso&#39;s L1</span>"),
        ("<b>Huber</b> і", .uk, "&lt;b&gt;<span lang=\"en\">Huber</span>&lt;/b&gt; і"),
        ("MSE (Linear) сильно страждає від outliers", .en, "MSE (Linear) <span lang=\"uk\">сильно страждає від</span> outliers"),
        ("З outlier:", .en, "<span lang=\"uk\">З</span> outlier:"),
        ("Huber loss for δ = 1", .en, "Huber loss for δ = 1"),
        ("Функції втрат", .uk, "Функції втрат"),
    ])
    func languageSpansMarkForeignPassagesOnly(text: String, page: Language, expected: String) {
        #expect(LanguageSpans.html(text, page: page) == expected)
    }

    @Test(arguments: [
        ("`y_true` і `HuberLoss(delta)`", Language.uk, "<code lang=\"en\">y_true</code> і <code lang=\"en\">HuberLoss(delta)</code>"),
        ("**сильно** `δ`", .uk, "<strong>сильно</strong> <code>δ</code>"),
        ("**the `x**2` term**", .en, "<strong>the <code>x**2</code> term</strong>"),
        ("a ` lone tick and **stars", .en, "a ` lone tick and **stars"),
        ("`<script>`", .uk, "<code lang=\"en\">&lt;script&gt;</code>"),
    ])
    func richTextKeepsCodeLiteralAndMarksItsLanguage(text: String, page: Language, expected: String) {
        #expect(RichText.html(text, in: page) == expected)
    }
}
