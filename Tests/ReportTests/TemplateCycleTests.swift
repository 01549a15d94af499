import Foundation
@testable import Report
import Testing

/// Issue 12, item 10: a template set that includes itself is refused when it loads, before
/// swift-mustache's renderer could recurse without end.
@Suite struct TemplateCycleTests {
    @Test func aTemplateSetThatIncludesItselfIsRefusedWhenItLoads() throws {
        let templates = try Fixture.copyOfTemplates("cyclic-templates")
        defer { Fixture.remove(templates) }
        let page = templates + "/page.mustache"
        let original = try String(contentsOfFile: page, encoding: .utf8)
        func expectRefusal(_ message: String) {
            do {
                _ = try TemplateSet(directory: templates)
                Issue.record("accepted: \(message)")
            } catch let e as ReportError {
                #expect(e.description == message)
            } catch {
                Issue.record("\(error)")
            }
        }
        try (original + "{{>page}}\n").write(toFile: page, atomically: true, encoding: .utf8)
        expectRefusal("template \(templates)/page.mustache includes itself (page → page), which would never finish rendering")

        // Two partials that include each other, reached from the page.
        try ("{{>partials/b}}\n").write(toFile: templates + "/partials/a.mustache", atomically: true, encoding: .utf8)
        try ("x{{#sections}}{{>partials/a}}{{/sections}}\n").write(toFile: templates + "/partials/b.mustache", atomically: true, encoding: .utf8)
        try ("{{>partials/a}}\n" + original).write(toFile: page, atomically: true, encoding: .utf8)
        expectRefusal("template \(templates)/partials/a.mustache includes itself through partials/b (partials/a → partials/b → partials/a), which would never finish rendering")

        // The same cycle hidden behind changed delimiters, inside a comment-free section.
        try ("{{=<% %>=}}<%#x%><%>partials/a%><%/x%>\n").write(toFile: templates + "/partials/b.mustache", atomically: true, encoding: .utf8)
        expectRefusal("template \(templates)/partials/a.mustache includes itself through partials/b (partials/a → partials/b → partials/a), which would never finish rendering")

        // Through template inheritance ({{< parent}}), back to the page.
        try ("{{<page}}{{/page}}\n").write(toFile: templates + "/partials/b.mustache", atomically: true, encoding: .utf8)
        expectRefusal("template \(templates)/page.mustache includes itself through partials/a, partials/b (page → partials/a → partials/b → page), which would never finish rendering")

        // A partial named by data cannot be checked, so it is refused.
        try ("{{>*title}}\n").write(toFile: templates + "/partials/b.mustache", atomically: true, encoding: .utf8)
        expectRefusal("template \(templates)/partials/b.mustache includes a partial named by data ({{>*…}}), which lossplot does not allow: name the partial")

        // Mentioned in a comment, or in text, a partial is no include.
        try ("{{! {{>page}} }}plain text: >page, {>page}\n").write(toFile: templates + "/partials/b.mustache", atomically: true, encoding: .utf8)
        try ("{{>partials/b}}\n").write(toFile: templates + "/partials/a.mustache", atomically: true, encoding: .utf8)
        _ = try TemplateSet(directory: templates)
    }

    @Test func theShippedTemplatesHaveNoCycleAndTheirIncludesAreSeen() throws {
        let set = try TemplateSet.load(explicit: nil)
        #expect(set.includes["page"] == ["partials/block", "partials/article", "partials/scenario"])
        #expect(set.includes["partials/article"] == ["partials/block", "partials/block", "partials/scenario"])
        #expect(set.includes["partials/table"] == [])
    }
}
