import LossPlotCairo
import LossPlotCharts
import Foundation
@testable import Report
import Testing

@Suite struct ReportFolderTests {
    @Test func refusesAFolderThatIsNotAReport() throws {
        let out = Fixture.path("not-a-report")
        defer { Fixture.remove(out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        #expect(throws: ReportError.self) { try ReportWriter(options: Fixture.options(out), encoder: ChartEncoder()).write() }
        #expect(Fixture.contents(of: out) == ["notes.txt": Array("precious".utf8)])
        do {
            try ReportWriter(options: Fixture.options(out), encoder: ChartEncoder()).write()
        } catch let e as ReportError {
            #expect(e.description.contains(out) && e.description.contains("refusing"))
        }
    }

    @Test func refusesAFileAndAForeignManifest() throws {
        let file = Fixture.path("a-file"), dir = Fixture.path("foreign")
        defer { Fixture.remove(file, dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: ReportError.self) { try ReportWriter(options: Fixture.options(file), encoder: ChartEncoder()).write() }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("{\"generator\": \"someone else\"}".utf8).write(to: URL(fileURLWithPath: dir + "/manifest.json"))
        #expect(throws: ReportError.self) { try ReportWriter(options: Fixture.options(dir), encoder: ChartEncoder()).write() }
        #expect(Fixture.contents(of: dir).keys.sorted() == ["manifest.json"])
    }

    @Test func replacesAnEarlierReportAndAnEmptyFolderLeavingNothingBehind() throws {
        let out = Fixture.path("again")
        defer { Fixture.remove(out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try ReportWriter(options: Fixture.options(out, formats: [.svg, .png]), encoder: ChartEncoder()).write()
        try ReportWriter(options: Fixture.options(out + "/", formats: [.png]), encoder: ChartEncoder()).write()
        let files = Fixture.contents(of: out)
        #expect(!files.keys.contains { $0.hasSuffix(".svg") })
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".lossplot-") && $0.contains("again") }
        #expect(leftovers == [])
    }

    @Test func aBrokenTemplateLeavesTheEarlierReportUntouched() throws {
        let out = Fixture.path("keep")
        let templates = try Fixture.copyOfTemplates("broken-templates")
        defer { Fixture.remove(out, templates) }
        try ReportWriter(options: Fixture.options(out), encoder: ChartEncoder()).write()
        let before = Fixture.contents(of: out)
        try Data("{{#sections}}<p>never closed".utf8).write(to: URL(fileURLWithPath: templates + "/page.mustache"))
        do {
            try ReportWriter(options: Fixture.options(out, templates: templates), encoder: ChartEncoder()).write()
            Issue.record("a broken template was accepted")
        } catch let e as ReportError {
            #expect(e.description.contains("page.mustache"))
        }
        #expect(Fixture.contents(of: out) == before)
        // A missing partial and a missing stylesheet are errors too, and so is a missing folder.
        try Data("{{>partials/nowhere}}".utf8).write(to: URL(fileURLWithPath: templates + "/page.mustache"))
        #expect(throws: ReportError.self) { try ReportWriter(options: Fixture.options(out, templates: templates), encoder: ChartEncoder()).write() }
        #expect(throws: ReportError.self) { try ReportWriter(options: Fixture.options(out, templates: templates + "/nope"), encoder: ChartEncoder()).write() }
        #expect(Fixture.contents(of: out) == before)
        let fresh = Fixture.path("never-written")
        #expect(throws: ReportError.self) { try ReportWriter(options: Fixture.options(fresh, templates: templates), encoder: ChartEncoder()).write() }
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func customTemplatesReplaceTheDefaults() throws {
        let out = Fixture.path("custom")
        let templates = try Fixture.copyOfTemplates("custom-templates")
        defer { Fixture.remove(out, templates) }
        try Data("<!DOCTYPE html><html lang=\"{{lang}}\"><title>{{title}}</title><p>custom</p></html>\n".utf8)
            .write(to: URL(fileURLWithPath: templates + "/page.mustache"))
        try ReportWriter(options: Fixture.options(out, templates: templates), encoder: ChartEncoder()).write()
        #expect(Fixture.text(out).contains("<p>custom</p>"))
    }

    @Test func templatesAreFoundFromTheEnvironmentAndRefusedWhenAbsent() throws {
        let templates = try Fixture.copyOfTemplates("env-templates")
        defer { Fixture.remove(templates) }
        #expect(try TemplateLocator.locate(explicit: nil, environment: ["LOSSPLOT_TEMPLATES": templates]) == templates)
        #expect(throws: ReportError.self) { try TemplateLocator.locate(explicit: nil, environment: ["LOSSPLOT_TEMPLATES": templates + "/x"]) }
        // With nothing given, the Templates/ copied into the resource bundle is found.
        let found = try TemplateLocator.locate(explicit: nil, environment: [:])
        #expect(found.hasSuffix("/\(TemplateLocator.bundleName)/Templates"))
        #expect(TemplateLocator.bundleName == TemplateLocator.moduleBundleName)
    }
}

@Suite struct PlaceholderTests {
    @Test func aFolderWithOnlyGitkeepCountsAsEmptyAndKeepsIt() throws {
        let out = Fixture.path("gitkeep")
        defer { Fixture.remove(out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/.gitkeep", contents: Data())
        try ReportWriter(options: Fixture.options(out, formats: [.svg]), encoder: ChartEncoder()).write()
        #expect(FileManager.default.fileExists(atPath: out + "/.gitkeep"))
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
    }
}
