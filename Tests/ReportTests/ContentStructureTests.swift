@testable import Report
import Foundation
import Scenarios
import Testing

/// The languages hold the same structure, an article keeps the order the page shows, and page ids
/// and charts are given once.
@Suite struct ContentStructureTests {
    /// `(what the Ukrainian file gets instead of what, the position and words the error must have)`.
    @Test(arguments: [
        ("- два,\n  далі\n", "", "uk/01-losses.md:23:1: a list of 1 item here, but a list of 2 items at "),
        ("{#mse}", "{#mse2}", "uk/01-losses.md:8:1: article {#mse2} here, but article {#mse} at "),
        ("::: charts mse-vs-mae", "::: charts huber", "uk/01-losses.md:53:1: '::: charts huber' here, but '::: charts mse-vs-mae' at "),
        ("::: code-blocks 0 1", "::: code-blocks 0", "uk/01-losses.md:55:1: '::: code-blocks 0' here, but '::: code-blocks 0 1' at "),
        ("::: guide-section regression", "::: guide-section practice", "uk/01-losses.md:3:1: '::: guide-section practice' here"),
        ("\n\n::: code-blocks 0 1", "", "uk/01-losses.md:54:1: the text ends here, but "),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\nЗайвий абзац.", "uk/01-losses.md:57:1: a paragraph here, but "),
        ("Підносить помилку до квадрата.", "Підносить помилку\n\nдо квадрата.", "uk/01-losses.md:23:1: a paragraph here, but a list of 2 items at "),
        ("| MSE | так |", "| MSE | так |\n| MAE | так |", "uk/01-losses.md:30:1: a table of 2 columns and 2 rows here, but a table of 2 columns and 1 row at "),
        ("::: slip", "::: note Помилка", "uk/01-losses.md:49:1: a note with 1 paragraph here, but '::: slip' with 1 paragraph at "),
    ])
    func aTranslationThatDepartsFromTheStructureIsRefusedAtBothPlaces(old: String, new: String, expected: String) {
        let changed = ContentFixture.uk.replacing1(old, new)
        #expect(changed != ContentFixture.uk)
        let message = ContentFixture.error("structure", uk: changed)
        #expect(message.contains(expected), "\(message)")
        #expect(message.contains("en/01-losses.md:"), "the error names the English place too: \(message)")
        #expect(message.contains("both languages have the same sections, articles and blocks"), "\(message)")
    }

    @Test func aSectionInOneLanguageOnlyIsRefused() throws {
        let extra = "# More\n\nText.\n"
        for (has, lacks) in [(Language.en, Language.uk), (.uk, .en)] {
            var files: [Language: [String: String]] = [.en: ["01-losses.md": ContentFixture.en], .uk: ["01-losses.md": ContentFixture.uk]]
            files[has]?["02-more.md"] = extra
            let dir = try ContentFixture.folder("one-language", files)
            defer { Fixture.remove(dir) }
            let message = ContentFixture.refusal(dir)
            #expect(message.hasPrefix("\(dir)/Content/\(has.rawValue)/02-more.md:1:1: section 'more' has no \(lacks.rawValue) text: "
                                      + "\(dir)/Content/\(lacks.rawValue)/02-more.md is missing"), "\(message)")
        }
    }

    /// The error is at the end of the file (`END`: its last line, which the test works out).
    @Test(arguments: [
        ("footer", "uk/labels.txt:END:1: missing label 'footer' (add a line 'footer: …')"),
        ("slip", "uk/labels.txt:END:1: missing label 'slip'"),
    ])
    func aMissingLabelIsRefused(key: String, expected: String) throws {
        let real = try String(contentsOfFile: ContentFixture.realTemplates + "/Content/uk/labels.txt", encoding: .utf8)
        let lines = real.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(key + ":") }
        let labels = lines.joined(separator: "\n")
        #expect(labels != real)
        let expected = expected.replacingOccurrences(of: ":END:", with: ":\(lines.count):")
        let dir = try ContentFixture.folder("labels", [.en: ["01-losses.md": ContentFixture.en], .uk: ["01-losses.md": ContentFixture.uk, "labels.txt": labels]])
        defer { Fixture.remove(dir) }
        let message = ContentFixture.refusal(dir)
        #expect(message.contains(expected), "\(message)")
    }

    @Test(arguments: [
        ("pros: Strengths\n", "pros: Strengths\nprose: Strengths\n", "en/labels.txt:10:1: unknown label 'prose'"),
        ("pros: Strengths\n", "pros: Strengths\npros: Good\n", "en/labels.txt:10:1: label 'pros' is given twice (first on line 9)"),
        ("pros: Strengths\n", "pros:\n", "en/labels.txt:9:6: label 'pros' has no text"),
        ("pros: Strengths\n", "pros Strengths\n", "en/labels.txt:9:1: a label line is 'key: text'"),
    ])
    func aWrongLabelLineIsRefused(old: String, new: String, expected: String) throws {
        let real = try String(contentsOfFile: ContentFixture.realTemplates + "/Content/en/labels.txt", encoding: .utf8)
        let labels = real.replacing1(old, new)
        #expect(labels != real)
        let dir = try ContentFixture.folder("label-line", [.en: ["01-losses.md": ContentFixture.en, "labels.txt": labels], .uk: ["01-losses.md": ContentFixture.uk]])
        defer { Fixture.remove(dir) }
        let message = ContentFixture.refusal(dir)
        #expect(message.contains(expected), "\(message)")
    }

    /// The same change in both languages, so the structures agree and the order is what is wrong.
    static func both(_ old: String, _ new: String) -> (en: String, uk: String) {
        (ContentFixture.en.replacing1(old, new), ContentFixture.uk.replacing1(old, new))
    }

    @Test(arguments: [
        ("::: cons\n", "::: avoid-when\n", nil as String?),
        ("::: charts mse-vs-mae", "::: cons\n- Again.\n:::\n\n::: charts mse-vs-mae", "en/01-losses.md:53:1: '::: cons' comes before the blocks shown after the lists"),
        ("::: charts mse-vs-mae", "::: pros\n- Again.\n:::\n\n::: charts mse-vs-mae", "en/01-losses.md:53:1: '::: pros' comes before the blocks shown after the lists"),
        ("::: slip\n", "::: use-when\n- Now.\n:::\n\n::: pros\n- Late.\n:::\n\n::: slip\n", "en/01-losses.md:53:1: '::: pros' after '::: use-when': an article has pros, cons, use-when, avoid-when in that order, each once"),
        ("::: formula\n<math display=\"block\"><mrow>\n  <mi>L</mi>\n  <mo>=</mo>\n</mrow></math>\n:::\n\n", "", "en/01-losses.md:10:1: '::: symbols' belongs right after an article's first '::: formula'"),
        ("::: guide-section regression", "::: charts huber", "en/01-losses.md:3:1: '::: charts' belongs in an article"),
        ("::: guide-section regression", "::: pros\n- Early.\n:::", "en/01-losses.md:3:1: '::: pros' belongs in an article"),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\n::: guide-section practice", "en/01-losses.md:57:1: '::: guide-section' belongs before the section's first article"),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\n::: charts huber", "en/01-losses.md:57:1: '::: charts' is given twice in article {#mse}"),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\n## Again {#mse}", "en/01-losses.md:57:1: article id 'mse' makes the page id 'mse', already made at "),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\n## Clash {#losses-more}", "en/01-losses.md:57:1: article id 'losses-more' makes the page id 'losses-more', already made at "),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\n## Clash {#results-huber}", "en/01-losses.md:57:1: article id 'results-huber' makes the page id 'results-huber', which the page uses for itself or a scenario"),
        ("::: code-blocks 0 1", "::: code-blocks 0 1\n\n## Other {#other}\n\n::: charts huber mse-vs-mae", "en/01-losses.md:59:1: chart 'mse-vs-mae' is already shown by the article at "),
        ("::: guide-section regression", "::: guide-section regression\n\n# Again", "en/01-losses.md:5:1: a second '# ' heading"),
    ])
    func anArticleOutOfThePagesOrderIsRefused(old: String, new: String, expected: String?) {
        let (en, uk) = Self.both(old, new)
        #expect(en != ContentFixture.en && uk != ContentFixture.uk)
        let message = ContentFixture.error("order", en: en, uk: uk)
        if let expected {
            #expect(message.contains(expected), "\(message)")
        } else {
            #expect(message == "", "pros then avoid-when, skipping two, is in order: \(message)")
        }
    }

    @Test func theSameArticleIDInTwoSectionsIsRefused() throws {
        let second = ContentFixture.en.replacing1("# Losses", "# More").replacing1("::: charts mse-vs-mae", "::: charts huber")
        let secondUK = ContentFixture.uk.replacing1("# Втрати", "# Ще").replacing1("::: charts mse-vs-mae", "::: charts huber")
        let dir = try ContentFixture.folder("two-sections", [.en: ["01-losses.md": ContentFixture.en, "02-more.md": second],
                                                             .uk: ["01-losses.md": ContentFixture.uk, "02-more.md": secondUK]])
        defer { Fixture.remove(dir) }
        let message = ContentFixture.refusal(dir)
        #expect(message.hasPrefix("\(dir)/Content/en/02-more.md:8:1: article id 'mse' makes the page id 'mse', already made at \(dir)/Content/en/01-losses.md:8:1"),
                "\(message)")
    }
}
