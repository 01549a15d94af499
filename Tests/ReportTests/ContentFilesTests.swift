import LossPlotCairo
import LossPlotCharts
@testable import Report
import Foundation
import Scenarios
import Testing

/// Finding and reading the content files: the real ones, their encodings, files that are not
/// files, and `--templates` bringing its own text.
@Suite struct ContentFilesTests {
    @Test func theRealContentLoadsWithEverySectionInBothLanguages() throws {
        let content = try ReportContent.load(templatesDirectory: ContentFixture.realTemplates)
        #expect(content.sections.map(\.id) == ["what-is-a-loss", "regression", "classification", "advanced", "comparison",
                                                "practice", "regression-comparison", "takeaways", "references"])
        for section in content.sections {
            #expect(section.title.en != section.title.uk, "\(section.id) is translated")
        }
        // Every scenario the articles name exists, and the guide's sections each have a home.
        let ids = Set(ScenarioCatalog.all.map(\.id))
        let named = content.sections.flatMap { $0.articles.flatMap(\.scenarioIDs) }
        #expect(!named.isEmpty && named.allSatisfy(ids.contains))
        #expect(Set(content.sections.compactMap(\.documentSection)) == Set(DocumentSection.allCases))
        for key in ReportLabels.keys { #expect(!content.labels[key].en.isEmpty && !content.labels[key].uk.isEmpty, "\(key)") }
    }

    @Test func windowsLineEndsAndAByteOrderMarkReadAsTheSameText() throws {
        let plain = try ContentFixture.load("lf")
        let windows = try ContentFixture.load("crlf", en: "\u{FEFF}" + ContentFixture.en.replacingOccurrences(of: "\n", with: "\r\n"),
                                              uk: ContentFixture.uk.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows == plain)
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheirLineColumnAndOffset() throws {
        var bytes = Array(ContentFixture.en.utf8)
        let offset = try #require(ContentFixture.en.range(of: "first paragraph")).lowerBound.utf16Offset(in: ContentFixture.en)
        bytes[offset + 2] = 0xFF // "A fi\u{FF}st …" on line 5
        let dir = try ContentFixture.folder("utf8", [.uk: ["01-losses.md": ContentFixture.uk]])
        defer { Fixture.remove(dir) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/Content/en/01-losses.md"))
        let message = ContentFixture.refusal(dir)
        #expect(message == "\(dir)/Content/en/01-losses.md:5:5: not UTF-8 (byte offset \(offset + 2))", "\(message)")
    }

    @Test func aPipeOrAFolderWhereASectionFileShouldBeIsRefusedWithoutWaiting() throws {
        let dir = try ContentFixture.folder("fifo", [.uk: ["01-losses.md": ContentFixture.uk]])
        defer { Fixture.remove(dir) }
        #expect(mkfifo(dir + "/Content/en/01-losses.md", 0o600) == 0)
        let message = ContentFixture.refusal(dir)
        #expect(message == "content file \(dir)/Content/en/01-losses.md is not a regular file", "\(message)")
        try FileManager.default.removeItem(atPath: dir + "/Content/en/01-losses.md")
        try FileManager.default.createDirectory(atPath: dir + "/Content/en/01-losses.md", withIntermediateDirectories: false)
        #expect(throws: ReportError("content file \(dir)/Content/en/01-losses.md is not a regular file")) {
            try ReportContent.load(templatesDirectory: dir)
        }
    }

    @Test func missingFoldersAndFilesAreNamed() throws {
        let dir = try ContentFixture.folder("folders", [.en: ["01-losses.md": ContentFixture.en], .uk: ["01-losses.md": ContentFixture.uk]])
        defer { Fixture.remove(dir) }
        #expect(throws: ReportError("templates folder \(dir)/nowhere has no Content/ folder (the report's text, one folder per language)")) {
            try ReportContent.load(templatesDirectory: dir + "/nowhere")
        }
        try FileManager.default.moveItem(atPath: dir + "/Content/uk/labels.txt", toPath: dir + "/labels.txt")
        #expect(throws: ReportError("\(dir)/Content/uk/labels.txt is missing: the page's labels in uk, 'key: text' one a line")) {
            try ReportContent.load(templatesDirectory: dir)
        }
        try FileManager.default.moveItem(atPath: dir + "/Content/uk/01-losses.md", toPath: dir + "/Content/uk/1-losses.md")
        #expect(throws: ReportError("\(dir)/Content/uk/1-losses.md: a section file is named NN-id.md (two digits for its place, then its id)")) {
            try ReportContent.load(templatesDirectory: dir)
        }
        try FileManager.default.removeItem(atPath: dir + "/Content/uk/1-losses.md")
        #expect(throws: ReportError("\(dir)/Content/uk holds no section file (NN-id.md)")) { try ReportContent.load(templatesDirectory: dir) }
        try FileManager.default.removeItem(atPath: dir + "/Content/uk")
        #expect(throws: ReportError("\(dir)/Content has no uk/ folder: every language needs its text")) { try ReportContent.load(templatesDirectory: dir) }
    }

    @Test func sectionsFollowTheirFileNamesAndOtherFilesAreLeftAlone() throws {
        let second = "# Second\n\nText.\n", secondUK = "# Другий\n\nТекст.\n"
        let dir = try ContentFixture.folder("order", [
            .en: ["02-losses.md": ContentFixture.en, "01-second.md": second, "notes.txt": "not a section", "02-losses.md~": "a backup"],
            .uk: ["02-losses.md": ContentFixture.uk, "01-second.md": secondUK],
        ])
        defer { Fixture.remove(dir) }
        let content = try ReportContent.load(templatesDirectory: dir)
        #expect(content.sections.map(\.id) == ["second", "losses"])
        #expect(content.sections.first?.intro == [.paragraph(LocalizedText(en: "Text.", uk: "Текст."))])
    }

    /// `--templates DIR` reads DIR/Content: its text is the page's, and a folder without it is
    /// refused before any chart is drawn or any file written.
    @Test func aTemplatesFolderBringsItsOwnText() throws {
        let templates = try ContentFixture.copyOfReal("own-text")
        let out = Fixture.path("own-text-out")
        defer { Fixture.remove(templates, out) }
        let file = templates + "/Content/en/01-what-is-a-loss.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacing1("# What a loss function is", "# What a loss function is, in this folder").write(toFile: file, atomically: true, encoding: .utf8)
        try ReportWriter(options: Fixture.options(out, templates: templates), encoder: ChartEncoder()).write()
        #expect(Fixture.text(out).contains("<h2 id=\"what-is-a-loss-title\">What a loss function is, in this folder</h2>"))

        Fixture.remove(out)
        let broken = templates + "/Content/en/02-regression.md"
        let regression = try String(contentsOfFile: broken, encoding: .utf8)
        try regression.replacing1("::: charts mse-vs-mae", "::: charts mse-vs-mea").write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(throws: ReportError("\(broken):84:12: unknown chart 'mse-vs-mea': no scenario has this id (lossplot list shows them)")) {
            try ReportWriter(options: Fixture.options(out, templates: templates), encoder: ChartEncoder()).write()
        }
        #expect(!FileManager.default.fileExists(atPath: out))

        try FileManager.default.removeItem(atPath: templates + "/Content")
        #expect(throws: ReportError("templates folder \(templates) has no Content/ folder (the report's text, one folder per language)")) {
            try ReportWriter(options: Fixture.options(out, templates: templates), encoder: ChartEncoder()).write()
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
