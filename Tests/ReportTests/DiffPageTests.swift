import LossPlotCairo
import Foundation
import OutputFiles
@testable import Report
import Testing

/// `lossplot diff`'s summary page is `diff.mustache` of the templates folder, as the report's page
/// is `page.mustache`.
@Suite struct DiffPageTests {
    /// Two copies of the fixture report, the second with its first chart's id changed (so the diff
    /// has a removed and an added chart, each with an image).
    static func reports(in dir: String, newID: String) throws -> (a: String, b: String) {
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let id = try #require(ArtifactFixture.chartIds.first)
        try ArtifactFixture.editManifest(b) { m in
            for i in m.files.indices where m.files[i].scenario == id { m.files[i].scenario = newID }
        }
        return (a, b)
    }

    @Test func thePageComesFromTheTemplatesFolder() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-template")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (a, b) = try Self.reports(in: dir, newID: "renamed")
        let templates = try Fixture.copyOfTemplates("diff-templates-\(UUID().uuidString.prefix(8))")
        defer { Fixture.remove(templates) }
        try Data("<!doctype html><meta name=\"generator\" content=\"{{generator}}\"><title>{{title}}</title>{{#charts}}<p class=\"{{kind}}\">{{{lineHtml}}}{{#images}} {{{pathHtml}}}{{/images}}</p>{{/charts}}\n".utf8)
            .write(to: URL(fileURLWithPath: templates + "/diff.mustache"))
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        try diff.write(to: dir + "/diff", templatesDirectory: templates)
        let page = try String(contentsOfFile: dir + "/diff/index.html", encoding: .utf8)
        let id = try #require(ArtifactFixture.chartIds.first)
        #expect(page.hasPrefix("<!doctype html><meta name=\"generator\" content=\"lossplot diff\"><title>2 charts differ</title>"), "\(page)")
        #expect(page.contains("<p class=\"fail\">added: renamed charts/renamed-new.png</p>"))
        #expect(page.contains("<p class=\"fail\">removed: \(id) charts/\(id)-baseline.png</p>"))
        // It is still a diff folder that a later diff may replace.
        try ReportDiff(baseline: a, new: a, pngCodec: CairoPNGCodec()).write(to: dir + "/diff", templatesDirectory: templates)

        try FileManager.default.removeItem(atPath: templates + "/diff.mustache")
        #expect(throws: ReportError("templates folder \(templates) has no diff.mustache")) {
            try diff.write(to: dir + "/diff", templatesDirectory: templates)
        }
    }

    /// A chart id is escaped scalar by scalar: a quote with a combining mark after it is one
    /// Character in Swift, which an escaper that looks at Characters (as swift-mustache's does)
    /// would let through, closing the attribute it sits in.
    @Test func anIdCannotLeaveItsAttribute() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-escape")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hostile = "x\"\u{301} onmouseover=\"alert(1)<\u{301}b>"
        let (a, b) = try Self.reports(in: dir, newID: hostile)
        try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec()).write(to: dir + "/diff")
        let page = try String(contentsOfFile: dir + "/diff/index.html", encoding: .utf8)
        #expect(!page.contains(" onmouseover=\""))
        #expect(!page.contains("<\u{301}"))
        #expect(page.contains("id=\"x&quot;\u{301} onmouseover=&quot;alert(1)&lt;\u{301}b&gt;\""))
    }
}
