@testable import Report
import Foundation
import Scenarios
import Testing

/// While the page still reads the Swift literals: Templates/Content/ holds the same text, to the byte.
@Suite struct ContentMoveTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates").path

    @Test func contentFilesHoldTheSwiftLiteralsText() throws {
        let loaded = try ReportContent.load(templatesDirectory: Self.templates)
        #expect(loaded.sections.count == SwiftLiteralContent.sections.count)
        for (a, b) in zip(loaded.sections, SwiftLiteralContent.sections) {
            #expect(a.id == b.id && a.title == b.title && a.documentSection == b.documentSection)
            #expect(a.intro == b.intro, "intro of \(a.id)")
            #expect(a.articles.map(\.id) == b.articles.map(\.id))
            for (x, y) in zip(a.articles, b.articles) { #expect(x == y, "article \(x.id)") }
        }
        let labels: [(String, LocalizedText)] = [
            ("page-title", UIText.pageTitle), ("lead", UIText.lead), ("skip-to-content", UIText.skipToContent),
            ("contents", UIText.contents), ("formula", UIText.formula), ("pros", UIText.pros), ("cons", UIText.cons),
            ("use-when", UIText.useWhen), ("avoid-when", UIText.avoidWhen), ("slip", UIText.slip),
            ("more-figures", UIText.moreFigures), ("download", UIText.download), ("printed", UIText.printed),
            ("printed-lines", UIText.printedLines), ("quantity", UIText.quantity), ("value", UIText.value),
            ("code-block", UIText.codeBlock), ("footer", UIText.footer),
        ]
        #expect(labels.map(\.0) == ReportLabels.keys)
        for (key, text) in labels { #expect(loaded.labels[key] == text, "label \(key)") }
    }
}
