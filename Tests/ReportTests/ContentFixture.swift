@testable import Report
import Foundation
import Scenarios

/// Content folders written for one test: a small section in both languages, or the real text,
/// changed where the test breaks it.
enum ContentFixture {
    static let realTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates").path

    /// A small section with every kind of part, in English; `uk` below mirrors it line for line.
    static let en = """
        # Losses

        ::: guide-section regression

        A first paragraph,
        on two lines.

        ## Mean squared error {#mse}

        ::: formula
        <math display="block"><mrow>
          <mi>L</mi>
          <mo>=</mo>
        </mrow></math>
        :::

        ::: symbols
        What `L` means.
        :::

        Squares the error.

        - one
        - two,
          continued

        A term
        : its detail

        ::: table Caption
        | Loss | Smooth |
        | --- | --- |
        | MSE | yes |
        :::

        ```
        a   b
          c
        ```

        ::: pros
        - Smooth.
        :::

        ::: cons
        - Outliers.
        :::

        ::: slip
        The guide is wrong here.
        :::

        ::: charts mse-vs-mae

        ::: code-blocks 0 1
        """

    static let uk = """
        # Втрати

        ::: guide-section regression

        Перший абзац,
        у два рядки.

        ## Середньоквадратична помилка {#mse}

        ::: formula
        <math display="block"><mrow>
          <mi>L</mi>
          <mo>=</mo>
        </mrow></math>
        :::

        ::: symbols
        Що означає `L`.
        :::

        Підносить помилку до квадрата.

        - один
        - два,
          далі

        Термін
        : його пояснення

        ::: table Підпис
        | Втрата | Гладка |
        | --- | --- |
        | MSE | так |
        :::

        ```
        а   б
          в
        ```

        ::: pros
        - Гладка.
        :::

        ::: cons
        - Викиди.
        :::

        ::: slip
        Тут посібник помиляється.
        :::

        ::: charts mse-vs-mae

        ::: code-blocks 0 1
        """

    /// A templates folder whose Content/ holds `files` (language → file name → text); each
    /// language gets the real labels and captions unless `files` gives its labels.txt or captions.txt.
    static func folder(_ name: String, _ files: [Language: [String: String]]) throws -> String {
        // Parameterised tests run at once: each call gets a folder of its own.
        let dir = Fixture.path(name + "-" + UUID().uuidString)
        for language in Language.allCases {
            let sub = dir + "/Content/" + language.rawValue
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            var texts = files[language] ?? [:]
            for file in ["labels.txt", Captions.file] where texts[file] == nil {
                texts[file] = try String(contentsOfFile: realTemplates + "/Content/\(language.rawValue)/\(file)", encoding: .utf8)
            }
            for (file, text) in texts { try Data(text.utf8).write(to: URL(fileURLWithPath: sub + "/" + file)) }
        }
        return dir
    }

    /// Loads the small section with the English and Ukrainian texts given.
    static func load(_ name: String, en: String = en, uk: String = uk) throws -> ReportContent {
        let dir = try folder(name, [.en: ["01-losses.md": en], .uk: ["01-losses.md": uk]])
        defer { Fixture.remove(dir) }
        return try ReportContent.load(templatesDirectory: dir)
    }

    /// The one line the loader refuses the content with ("" when it loads).
    static func error(_ name: String, en: String = en, uk: String = uk) -> String {
        guard let dir = try? folder(name, [.en: ["01-losses.md": en], .uk: ["01-losses.md": uk]]) else { return "cannot write the fixture" }
        defer { Fixture.remove(dir) }
        return refusal(dir)
    }

    /// The one line the loader refuses the templates folder `dir` with ("" when it loads).
    static func refusal(_ dir: String) -> String {
        do {
            _ = try ReportContent.load(templatesDirectory: dir)
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// The real content folder copied, for tests that break one file of it.
    static func copyOfReal(_ name: String) throws -> String {
        try Fixture.copyOfTemplates(name)
    }
}

extension String {
    /// The text with the first `old` replaced by `new` (the text unchanged, and so the test
    /// failing, when `old` is not there).
    func replacing1(_ old: String, _ new: String) -> String {
        guard let r = range(of: old) else { return self }
        return replacingCharacters(in: r, with: new)
    }
}
