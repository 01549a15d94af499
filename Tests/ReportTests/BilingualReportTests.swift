import LossPlotCairo
import LossPlotCharts
import Foundation
import OutputFiles
@testable import Report
import Scenarios
import Testing

/// One report folder holds both languages: `index.html` in the language asked for, the other page
/// beside it, each linking to the other; the charts both pages share written once.
@Suite struct BilingualReportTests {
    /// A chart whose drawn title is in the page's language, so its files differ between the pages,
    /// and printed lines in Ukrainian, as the guide's code prints some.
    static let localized = Scenario(
        id: "localized", title: LocalizedText(en: "Localized", uk: "Локалізований"), section: .advanced, codeBlocks: [],
        figure: { language in
            var ax = Axes()
            ax.title = Label(language == .en ? "rising" : "зростає")
            ax.plot(LineSeries(x: [0, 1], y: [0, 1], label: "", color: .black, width: 1))
            return Figure(widthInches: 3, heightInches: 2, axes: [ax], title: "rising",
                          description: language == .en ? "A rising line." : "Зростальна лінія.")
        },
        results: { PrintedResults(lines: ["З outlier: 1.0", "Без outlier: 0.5"]) })

    static func options(_ out: String, language: Language = .en, formats: [ChartFormat] = [.svg, .png],
                        selfContained: Bool = false, scenarios: [Scenario] = [Fixture.hostile, localized]) -> ReportOptions {
        ReportOptions(outputDirectory: out, language: language, formats: formats, selfContained: selfContained,
                      sourceDateEpoch: 1_700_000_000, scenarios: scenarios)
    }

    @Test(arguments: Language.allCases)
    func bothPagesAreWrittenWithTheChosenOneAtIndex(language: Language) throws {
        let out = Fixture.path("both-\(language.rawValue)")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: Self.options(out, language: language), encoder: ChartEncoder()).write()
        let other: Language = language == .en ? .uk : .en
        let otherFile = "index.\(other.rawValue).html"
        #expect(manifest.language == language.rawValue)
        #expect(manifest.files.contains { $0.path == "index.html" } && manifest.files.contains { $0.path == otherFile })
        let first = Fixture.text(out), second = Fixture.text(out, otherFile)
        #expect(first.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
        #expect(second.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(other.rawValue)\">"))
        let names: [Language: String] = [.en: "English", .uk: "Українська"]
        let href: [Language: String] = [language: "index.html", other: otherFile]
        for (page, own, target) in [(first, language, other), (second, other, language)] {
            // Both pages name both, themselves included, as search engines ask.
            for l in Language.allCases {
                #expect(page.contains("<link rel=\"alternate\" hreflang=\"\(l.rawValue)\" href=\"\(href[l] ?? "")\">"), "\(own) page: no alternate \(l)")
            }
            // A visible link to the other page, its name in its own language.
            #expect(page.contains("<a href=\"\(href[target] ?? "")\" hreflang=\"\(target.rawValue)\" lang=\"\(target.rawValue)\" rel=\"alternate\">\(names[target] ?? "")</a>"),
                    "\(own) page: no link to the \(target) page")
            #expect(HTMLCheck.nestingProblems(page) == [])
            #expect(HTMLCheck.duplicates(HTMLCheck.ids(page)) == [])
        }
        #expect(first.contains(language == .en ? "Where the guide slips" : "Де посібник помиляється"))
        #expect(second.contains(other == .en ? "Where the guide slips" : "Де посібник помиляється"))
    }

    @Test func chartsBothPagesShareAreWrittenOnceAndTheOthersPerLanguage() throws {
        let out = Fixture.path("shared-charts")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: Self.options(out, language: .en), encoder: ChartEncoder()).write()
        let files = Fixture.contents(of: out)
        // The hostile chart ("mse") draws the same in both languages; the localized one does not.
        // So do their narrow and dark renderings (SVG, the first format shown).
        let views = ["narrow", "dark", "narrow-dark"]
        #expect(Set(files.keys.filter { $0.hasPrefix("charts/") }) == Set([
            "charts/mse.svg", "charts/mse.png", "charts/localized.svg", "charts/localized.png",
            "charts/localized.uk.svg", "charts/localized.uk.png",
        ] + views.flatMap { ["charts/mse.\($0).svg", "charts/localized.\($0).svg", "charts/localized.uk.\($0).svg"] }))
        #expect(files["charts/localized.png"] != files["charts/localized.uk.png"])
        for entry in manifest.files where entry.path.hasPrefix("charts/") {
            #expect(entry.language == (entry.path.contains(".uk.") ? "uk" : nil), "\(entry.path)")
            #expect(entry.scenario == (entry.path.hasPrefix("charts/mse") ? "mse" : "localized"))
        }
        let en = Fixture.text(out), uk = Fixture.text(out, "index.uk.html")
        #expect(en.contains("src=\"charts/localized.svg\"") && en.contains("src=\"charts/mse.svg\""))
        #expect(uk.contains("src=\"charts/localized.uk.svg\"") && uk.contains("src=\"charts/mse.svg\""))
        #expect(!en.contains("charts/localized.uk.") && !uk.contains("\"charts/localized.svg\""))
        for format in ["svg", "png"] {
            #expect(uk.contains("href=\"charts/localized.uk.\(format)\" download=\"localized.\(format)\""))
        }
        // The manifest and verify agree on the folder.
        #expect(try ReportVerification(folder: out).isIntact)
    }

    @Test func diffComparesEachLanguagesOwnCharts() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-languages")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = dir + "/a", b = dir + "/b"
        try ReportWriter(options: Self.options(a, formats: [.png]), encoder: ChartEncoder()).write()
        try ReportWriter(options: Self.options(b, formats: [.png]), encoder: ChartEncoder()).write()
        try ArtifactFixture.paintRectangle(b, chart: "localized.uk", x: 5, y: 5, width: 60, height: 40)
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        #expect(diff.charts.map(\.id) == ["localized", "localized.uk", "mse"])
        #expect(diff.failures.map(\.id) == ["localized.uk"])
    }

    @Test func selfContainedWritesBothPagesEachWholeWithoutDownloadCopies() throws {
        let out = Fixture.path("both-single")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: Self.options(out, formats: [.svg, .png, .pdf], selfContained: true), encoder: ChartEncoder()).write()
        #expect(Set(Fixture.contents(of: out).keys) == ["index.html", "index.uk.html", "manifest.json"])
        #expect(manifest.files.map(\.path) == ["index.html", "index.uk.html"])
        for (file, note) in [("index.html", "so its charts have no download links"), ("index.uk.html", "тому графіки тут без посилань для завантаження")] {
            let page = Fixture.text(out, file)
            // Each chart wide and narrow, and the glyph sprite they share.
            #expect(page.components(separatedBy: "<svg ").count - 1 == 2 * 2 + 1, "\(file): both charts inline")
            #expect(!page.contains("href=\"data:") && !page.contains(" download="), "\(file) carries a copy of a chart to download")
            #expect(!page.contains("data:application/pdf") && !page.contains("data:image/png"))
            #expect(page.contains(note), "\(file) does not say where the downloads are")
        }
    }

    /// The whole report, self-contained, as `make report` users open it: each page at most 1.5 MB
    /// (it was 4.75 MB when every chart was in it twice more, as base64 SVG and PNG to download).
    @Test func theSelfContainedPagesOfTheWholeReportFitInOneAndAHalfMegabytes() throws {
        let out = Fixture.path("single-size")
        defer { Fixture.remove(out) }
        let manifest = try ReportWriter(options: Self.options(out, selfContained: true, scenarios: ScenarioCatalog.all), encoder: ChartEncoder()).write()
        #expect(manifest.files.count == 2)
        for entry in manifest.files {
            #expect(entry.bytes <= 1_500_000, "\(entry.path) is \(entry.bytes) bytes")
            #expect(entry.bytes > 100_000, "\(entry.path) is \(entry.bytes) bytes: are the charts in it?")
        }
    }

    @Test func aSelfContainedReportOfPDFChartsOnlyIsRefused() throws {
        let out = Fixture.path("single-pdf")
        defer { Fixture.remove(out) }
        #expect(throws: ReportError("\(option: .selfContained) shows each chart as SVG or PNG, and \(option: .formats) names neither")) {
            try ReportWriter(options: Self.options(out, formats: [.pdf], selfContained: true), encoder: ChartEncoder()).write()
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
