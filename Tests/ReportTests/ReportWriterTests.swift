import LossPlotCairo
import LossPlotCharts
import Foundation
import Report
import Scenarios
import Testing
import OutputFiles

@Suite struct ReportWriterTests {
    @Test func writesEveryChartInEveryFormatWithAManifestThatHashesThem() throws {
        let out = Fixture.path("folder")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: Fixture.options(out, formats: [.svg, .png, .pdf], epoch: 1_700_000_000), encoder: ChartEncoder()).write()
        let files = Fixture.contents(of: out)
        // Both pages; the two small charts draw the same in both languages, so one file each.
        var expected: Set<String> = ["index.html", "index.uk.html", "style.css", "manifest.json"]
        // Each chart as built in every format, and its narrow and dark renderings as SVG (the
        // first format the page can show).
        var views: Set<String> = []
        for s in Fixture.scenarios where s.figure != nil {
            for f in ["svg", "png", "pdf"] { expected.insert("charts/\(s.id).\(f)") }
            for v in ["narrow", "dark", "narrow-dark"] { views.insert("charts/\(s.id).\(v).svg") }
        }
        expected.formUnion(views)
        #expect(Set(files.keys) == expected)
        #expect(manifest.files.map(\.path) == manifest.files.map(\.path).sorted())
        #expect(Set(manifest.files.map(\.path)) == expected.subtracting(["manifest.json"]))
        for entry in manifest.files {
            let bytes = try #require(files[entry.path])
            #expect(entry.bytes == bytes.count)
            #expect(entry.sha256 == FileHash.sha256Hex(bytes))
            if entry.path.hasPrefix("charts/") {
                let variant = entry.variant.map { ".\($0)" } ?? ""
                #expect(entry.path == "charts/\(entry.scenario ?? "?")\(variant).\(entry.format ?? "?")")
                #expect(entry.variant == nil || views.contains(entry.path))
            } else {
                #expect(entry.scenario == nil && entry.format == nil)
            }
        }
        // The file on disk is the manifest returned, and it parses as JSON with the extended fields.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(files["manifest.json"] ?? [])) as? [String: Any])
        #expect(files["manifest.json"] == (try manifest.encoded()))
        #expect(json["version"] as? String == LossplotVersion.current)
        #expect(json["sourceDateEpoch"] as? Int == 1_700_000_000)
        #expect((json["files"] as? [Any])?.count == manifest.files.count)
        let page = Fixture.text(out)
        // Downloads link the charts as built; `<picture>` sources name the other renderings.
        for path in expected.subtracting(views) where path.hasPrefix("charts/") { #expect(page.contains("href=\"\(path)\"")) }
        for path in views { #expect(page.contains("srcset=\"\(path)\"")) }
    }

    @Test func sameInputsGiveByteIdenticalFolders() throws {
        let a = Fixture.path("det-a"), b = Fixture.path("det-b")
        defer { Fixture.remove(a, b) }
        var options = Fixture.options(a, formats: [.svg, .png, .pdf])
        // The first real chart too, with the small ones, so concurrent rendering interleaves unequal jobs.
        options.scenarios = Array(ScenarioCatalog.all.filter { $0.figure != nil }.prefix(1)) + Fixture.scenarios
        try ReportWriter(options: options, encoder: ChartEncoder()).write()
        options.outputDirectory = b
        try ReportWriter(options: options, encoder: ChartEncoder()).write()
        let first = Fixture.contents(of: a), second = Fixture.contents(of: b)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, bytes) in first { #expect(second[path] == bytes, "\(path) differs between runs") }
        // No absolute path, host name or temporary folder name leaks into any file.
        for (path, bytes) in first {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(a), "\(path) contains the output path")
            #expect(!text.contains(FileManager.default.currentDirectoryPath), "\(path) contains the working directory")
            if let host = ProcessInfo.processInfo.hostName as String?, host.count > 3 {
                #expect(!text.contains(host), "\(path) contains the host name")
            }
        }
    }

    @Test(arguments: [Language.en, .uk])
    func pageIsWellFormedAccessibleAndInItsLanguage(language: Language) throws {
        let out = Fixture.path("lang-\(language.rawValue)")
        defer { Fixture.remove(out) }
        try ReportWriter(options: Fixture.options(out, language: language), encoder: ChartEncoder()).write()
        let page = Fixture.text(out)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
        #expect(HTMLCheck.nestingProblems(page) == [])
        #expect(HTMLCheck.duplicates(HTMLCheck.ids(page)) == [])
        let levels = HTMLCheck.headingLevels(page)
        #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1, "heading jumps from h\(previous) to h\(next)") }
        #expect(page.contains(language == .en ? "Where the guide slips" : "Де посібник помиляється"))
        #expect(!page.contains(language == .en ? "Де посібник помиляється" : "Where the guide slips"))
        // One formula per loss (13), each in MathML, and every table has header cells.
        #expect(page.components(separatedBy: "<math display=\"block\">").count - 1 == 13)
        for table in page.components(separatedBy: "<table").dropFirst() { #expect(table.contains("<th scope=\"col\">")) }
        // Every image has alt text, every anchor link has a target.
        let ids = Set(HTMLCheck.ids(page))
        for link in page.components(separatedBy: "href=\"#").dropFirst() {
            let target = String(link.prefix { $0 != "\"" })
            #expect(ids.contains(target), "link to missing #\(target)")
        }
        for img in page.components(separatedBy: "<img ").dropFirst() { #expect(img.prefix(while: { $0 != ">" }).contains(" alt=\"")) }
        // No inline style attributes, no scripts, nothing from the network.
        #expect(!page.contains(" style=\""))
        #expect(!page.contains("<style"))
        #expect(!page.contains("<script"))
        // Nothing from the network: the only addresses are the references' links out (navigation,
        // not loads), each the target and the text of an <a> in the list.
        #expect(!page.contains("http://"))
        let list = page.range(of: "<ol class=\"references\">").flatMap { open in
            page.range(of: "</ol>", range: open.upperBound..<page.endIndex).map { open.lowerBound..<$0.upperBound }
        }
        var outside = page
        if let list { outside.removeSubrange(list) }
        #expect(!outside.contains("https://"), "an address outside the references")
        if let list {
            let inside = page[list]
            #expect(inside.components(separatedBy: "https://").count - 1 == 2 * (inside.components(separatedBy: "<a href=\"https://").count - 1))
        }
    }

    @Test func textFromScenariosIsEscaped() throws {
        let out = Fixture.path("escape")
        defer { Fixture.remove(out) }
        try ReportWriter(options: Fixture.options(out), encoder: ChartEncoder()).write()
        let page = Fixture.text(out)
        #expect(!page.contains("<b>bold</b>"))
        #expect(page.contains("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("alt=\"d &amp; &lt;img src=x&gt;\""))
        #expect(page.contains("<th scope=\"col\">&lt;c&gt;</th>"))
        #expect(page.contains("<td data-label=\"v\">1 &lt; 2</td>"))
        #expect(HTMLCheck.nestingProblems(page) == [])
    }

    @Test func selfContainedIsOneFileWithInlineChartsUnderAStrictPolicy() throws {
        let out = Fixture.path("single")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: Fixture.options(out, selfContained: true), encoder: ChartEncoder()).write()
        #expect(Set(Fixture.contents(of: out).keys) == ["index.html", "index.uk.html", "manifest.json"])
        #expect(manifest.files.map(\.path) == ["index.html", "index.uk.html"])
        let page = Fixture.text(out)
        #expect(!page.contains("src=\"charts/") && !page.contains("href=\"charts/") && !page.contains("style.css"))
        let charted = Fixture.scenarios.filter { $0.figure != nil }
        // Each chart twice, wide and narrow, and one hidden SVG of the glyphs they share.
        #expect(page.components(separatedBy: "<svg ").count - 1 == 2 * charted.count + 1)
        #expect(page.components(separatedBy: " role=\"img\"").count - 1 == 2 * charted.count)
        #expect(page.components(separatedBy: "class=\"glyph-sprite\"").count - 1 == 1)
        #expect(!page.contains("<?xml"))
        #expect(!page.contains(" style=\""))
        #expect(HTMLCheck.nestingProblems(page) == [])
        #expect(HTMLCheck.duplicates(HTMLCheck.ids(page)) == [])
        // The one <style> element is allowed by its hash, nothing else is.
        let css = try #require(page.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first)
        let hash = FileHash.sha256Base64(Array(css.utf8))
        #expect(page.contains("style-src &#39;sha256-\(hash)&#39;"))
        #expect(!page.contains("unsafe-inline"))
        for s in charted {
            #expect(page.contains("<title id=\"chart-\(s.id)-title\">"))
        }
        #expect(!page.contains(" download="))
    }

    @Test func scenariosLandInTheArticleOfTheirCodeBlockOrTheirSectionsEnd() throws {
        let out = Fixture.path("placement")
        defer { Fixture.remove(out) }
        try ReportWriter(options: Fixture.options(out), encoder: ChartEncoder()).write()
        let page = Fixture.text(out)
        func position(_ s: String) -> String.Index? { page.range(of: s)?.lowerBound }
        // Code block 12 is hinge's, 17 triplet's; the hostile one has no code block and lands at the
        // end of the regression section.
        let hinge = try #require(position("id=\"hinge\"")), focal = try #require(position("id=\"focal\""))
        let small = try #require(position("id=\"figure-small-chart\""))
        #expect(hinge < small && small < focal)
        let triplet = try #require(position("id=\"triplet\"")), printed = try #require(position("id=\"results-printed-only\""))
        #expect(triplet < printed)
        let more = try #require(position("id=\"regression-more\"")), hostile = try #require(position("id=\"figure-mse\""))
        let classification = try #require(position("id=\"classification\""))
        #expect(more < hostile && hostile < classification)
    }

    @Test func pngOnlyReportShowsPNGImages() throws {
        let out = Fixture.path("png")
        defer { Fixture.remove(out) }
        try ReportWriter(options: Fixture.options(out, formats: [.png]), encoder: ChartEncoder()).write()
        let page = Fixture.text(out)
        #expect(page.contains("<img src=\"charts/mse.png\""))
        #expect(!page.contains(".svg\""))
    }
}

extension ReportWriterTests {
    /// A scenario of lossplot's own (no guide code block) says nothing in brackets after the
    /// output's summary; one from the guide names its code block there.
    @Test func anOutputNamesItsGuideCodeBlockOnlyWhenItHasOne() throws {
        let out = Fixture.path("summary-source")
        defer { Fixture.remove(out) }
        try ReportWriter(options: Fixture.options(out), encoder: ChartEncoder()).write()
        let page = Fixture.text(out)
        #expect(!page.contains("()</summary>") && !page.contains("( )"))
        #expect(page.contains("recomputed by lossplot (code block 17)</summary>"))
    }
}
