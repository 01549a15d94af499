@testable import Report
import Foundation
import Scenarios
import Testing

/// One content file read into the model, and each thing a single file can get wrong refused with
/// its file, line and column.
@Suite struct ContentParserTests {
    @Test func everyKindOfPartIsReadIntoTheModel() throws {
        let content = try ContentFixture.load("parts")
        let section = try #require(content.sections.first)
        #expect(content.sections.count == 1)
        #expect(section.id == "losses")
        #expect(section.title == LocalizedText(en: "Losses", uk: "Втрати"))
        #expect(section.documentSection == .regression)
        #expect(section.intro == [.paragraph(LocalizedText(en: "A first paragraph, on two lines.", uk: "Перший абзац, у два рядки."))])
        let article = try #require(section.articles.first)
        #expect(section.articles.count == 1)
        #expect(article.id == "mse")
        #expect(article.title == LocalizedText(en: "Mean squared error", uk: "Середньоквадратична помилка"))
        #expect(article.formula == LocalizedText("<math display=\"block\"><mrow><mi>L</mi><mo>=</mo></mrow></math>"))
        #expect(article.symbols == [LocalizedText(en: "What `L` means.", uk: "Що означає `L`.")])
        #expect(article.body == [
            .paragraph(LocalizedText(en: "Squares the error.", uk: "Підносить помилку до квадрата.")),
            .list([LocalizedText(en: "one", uk: "один"), LocalizedText(en: "two, continued", uk: "два, далі")]),
            .definitions([Definition(term: LocalizedText(en: "A term", uk: "Термін"), detail: LocalizedText(en: "its detail", uk: "його пояснення"))]),
            .table(ContentTable(caption: LocalizedText(en: "Caption", uk: "Підпис"),
                                columns: [LocalizedText(en: "Loss", uk: "Втрата"), LocalizedText(en: "Smooth", uk: "Гладка")],
                                rows: [[LocalizedText("MSE"), LocalizedText(en: "yes", uk: "так")]])),
            .example(LocalizedText(en: "a   b\n  c", uk: "а   б\n  в")),
        ])
        #expect(article.pros == [LocalizedText(en: "Smooth.", uk: "Гладка.")])
        #expect(article.cons == [LocalizedText(en: "Outliers.", uk: "Викиди.")])
        #expect(article.useWhen.isEmpty && article.avoidWhen.isEmpty)
        #expect(article.after == [.note(title: content.labels.slip,
                                        body: [LocalizedText(en: "The guide is wrong here.", uk: "Тут посібник помиляється.")], slip: true)])
        #expect(content.labels.slip == LocalizedText(en: "Where the guide slips", uk: "Де посібник помиляється"))
        #expect(article.scenarioIDs == ["mse-vs-mae"])
        #expect(article.codeBlocks == [0, 1])
    }

    @Test func blocksAfterTheListsAreShownAfterThemAndALaterFormulaIsABlock() throws {
        let both = { (text: String) in
            text.replacing1("::: charts mse-vs-mae", "::: formula\n<math><mi>x</mi></math>\n:::\n\n::: note Title\nOne.\n\nTwo.\n:::\n\n::: charts mse-vs-mae")
        }
        let article = try #require(try ContentFixture.load("after", en: both(ContentFixture.en), uk: both(ContentFixture.uk)).sections.first?.articles.first)
        #expect(article.after.count == 3)
        #expect(article.after.dropFirst().first == .formula(LocalizedText("<math><mi>x</mi></math>")))
        #expect(article.after.last == .note(title: LocalizedText("Title"), body: [LocalizedText("One."), LocalizedText("Two.")], slip: false))
    }

    /// `(what the English file gets instead of what, the position and words the error must have)`.
    @Test(arguments: [
        ("::: pros", "::: prose", "en/01-losses.md:41:5: unknown directive '::: prose'"),
        ("## Mean squared error {#mse}", "## Mean squared error", "en/01-losses.md:8:22: an article heading ends with its id"),
        ("{#mse}", "{#MSE}", "en/01-losses.md:8:25: 'MSE' is not an id"),
        ("# Losses", "# Losses {#losses}", "en/01-losses.md:1:10: a section's id is its file name"),
        ("::: charts mse-vs-mae", "::: charts mse-vs-mae nope", "en/01-losses.md:53:23: unknown chart 'nope'"),
        ("::: charts mse-vs-mae", "::: charts", "en/01-losses.md:53:11: '::: charts' needs its words"),
        ("::: charts mse-vs-mae", "::: charts huber huber", "en/01-losses.md:53:18: chart 'huber' is named twice"),
        ("::: code-blocks 0 1", "::: code-blocks 0 one", "en/01-losses.md:55:19: 'one' is not a code block number"),
        ("::: guide-section regression", "::: guide-section regresion", "en/01-losses.md:3:19: 'regresion' is not one of the guide's sections"),
        ("::: slip", "::: slip Note", "en/01-losses.md:49:10: '::: slip' takes nothing after its name"),
        ("::: table Caption", "::: table", "en/01-losses.md:30:10: '::: table' needs its caption"),
        ("| MSE | yes |", "| MSE | yes | no |", "en/01-losses.md:33:1: this row has 3 cells and the header 2"),
        ("| --- | --- |", "| Tiny | no |", "en/01-losses.md:32:1: the header row is followed by a separator row"),
        ("| MSE | yes |", "MSE | yes", "en/01-losses.md:33:1: a table row starts and ends with '|'"),
        ("- Smooth.", "Smooth.", "en/01-losses.md:42:1: '::: pros' holds '- ' items only"),
        ("What `L` means.", "- What `L` means.", "en/01-losses.md:18:1: '::: symbols' holds paragraphs only"),
        ("- Smooth.\n:::\n", "- Smooth.\n", "en/01-losses.md:44:1: '::: pros' from line 41 is still open"),
        ("\n```\n\n::: pros", "\n\n\n::: pros", "en/01-losses.md:36:1: an example opened here is never closed"),
        ("```\na   b", "```text\na   b", "en/01-losses.md:36:4: an example's fence is a bare ``` line"),
        ("## Mean squared error {#mse}", "### Mean squared error {#mse}", "en/01-losses.md:8:1: '###' headings are not used"),
        ("# Losses", "Losses", "en/01-losses.md:1:1: a section file starts with its '# Title' heading"),
        ("A term\n: its detail", "A term\n: its detail\n: another", "en/01-losses.md:29:1: a second ': detail' for one term"),
        ("Squares the error.", ": Squares the error.", "en/01-losses.md:21:1: a ': detail' line needs its term"),
        ("- two,\n  continued", "- two,\n  - continued", "en/01-losses.md:25:3: a list item starts at the beginning of its line"),
    ])
    func slipsInOneFileAreRefusedWhereTheyAre(old: String, new: String, expected: String) {
        let changed = ContentFixture.en.replacing1(old, new)
        #expect(changed != ContentFixture.en)
        let message = ContentFixture.error("slip", en: changed)
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("\n"))
    }

    /// A formula's XML problem is placed where it is in the content file: the XML parser's own
    /// line and column, moved by the lines above the formula.
    @Test(arguments: [
        ("  <mo>=</mo>", "  <mo>=</mi>", "en/01-losses.md:13:13: formula: not well-formed XML: a closing tag that does not match"),
        ("  <mo>=</mo>", "  <mo>&nbsp;</mo>", "en/01-losses.md:13:13: formula: not well-formed XML: an entity XML does not know"),
        ("  <mo>=</mo>", "  <mo>a < b</mo>", "en/01-losses.md:13:10: formula: not well-formed XML: a '<' that starts no tag"),
        ("  <mo>=</mo>", "  <mo>=</mo", "en/01-losses.md:14:1: formula: not well-formed XML"),
        ("  <mo>=</mo>", "  <script>alert(1)</script>", "en/01-losses.md:13:10: formula: <script> is not a MathML element"),
        ("</mrow></math>", "</mrow></math><math></math>", "en/01-losses.md:14:15: formula: not well-formed XML: an element is not closed, or something follows the closing </math>"),
        ("<math display=\"block\"><mrow>\n  <mi>L</mi>\n  <mo>=</mo>\n</mrow></math>", "  x + y", "en/01-losses.md:11:3: formula: a formula is one <math> element"),
        ("<math display=\"block\"><mrow>\n  <mi>L</mi>\n  <mo>=</mo>\n</mrow></math>", "<div>x</div>", "en/01-losses.md:11:1: formula: a formula is one <math> element"),
        ("<math display=\"block\"><mrow>\n  <mi>L</mi>\n  <mo>=</mo>\n</mrow></math>", "", "en/01-losses.md:10:1: an empty formula"),
    ])
    func malformedFormulasAreRefusedAtTheirPlaceInTheFile(old: String, new: String, expected: String) {
        let changed = ContentFixture.en.replacing1(old, new)
        #expect(changed != ContentFixture.en)
        let message = ContentFixture.error("formula", en: changed)
        #expect(message.contains(expected), "\(message)")
    }

    @Test func formulaPositionsCountCharactersNotBytes() {
        // Cyrillic takes two bytes a letter in UTF-8; the column is the editor's.
        let changed = ContentFixture.uk.replacing1("  <mo>=</mo>", "  <mo>якщо</mi>")
        let message = ContentFixture.error("formula-uk", uk: changed)
        #expect(message.contains("uk/01-losses.md:13:16: formula: not well-formed XML: a closing tag that does not match"), "\(message)")
    }

    @Test func theMathMLCheckAcceptsTheRealFormulasAndWhitespaceBetweenElements() {
        #expect(MathMLCheck.problem(in: "<math display=\"block\"><mrow><mo>&#x2061;</mo><mspace width=\"0.4em\"/></mrow></math>") == nil)
        #expect(MathMLCheck.problem(in: "\n  <math>\n    <mi>x</mi>\n  </math>\n") == nil)
        #expect(MathMLCheck.problem(in: "<math><mi>x</mi>")?.message.contains("not well-formed") == true)
        #expect(MathMLCheck.problem(in: "<!DOCTYPE math [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><math>&e;</math>") != nil)
    }
}
