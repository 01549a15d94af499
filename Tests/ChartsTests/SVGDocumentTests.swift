@testable import LossPlotCairo
import LossPlotCharts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SafeText
import Testing

/// Cairo's SVG ids renamed per chart, references and all, in one linear pass; and any text a user
/// gives (title, column names) written so the document stays well-formed XML.
@Suite struct SVGDocumentTests {
    @Test func idsAndTheirReferencesAreRenamedInOrderOfAppearance() {
        let svg = """
        <svg><use xlink:href="#glyph3-7" x="1"/><g clip-path="url(#clip12)" fill="#ff0000">\
        <symbol id="glyph3-7"/><clipPath id="clip12"/><clipPath id="clip2"/></g>\
        <use xlink:href="#clip2"/><use xlink:href="#unknown"/></svg>
        """
        let out = SVGDocument.renameIds(svg, prefix: "c-")
        #expect(out == """
        <svg><use xlink:href="#c-glyph-1" x="1"/><g clip-path="url(#c-clip-1)" fill="#ff0000">\
        <symbol id="c-glyph-1"/><clipPath id="c-clip-1"/><clipPath id="c-clip-2"/></g>\
        <use xlink:href="#c-clip-2"/><use xlink:href="#unknown"/></svg>
        """)
    }

    /// XML 1.0's Char production: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
    static func isXMLChar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    @Test func escapedTextHoldsOnlyXMLCharactersAndKeepsEveryOneOfThem() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)...0x10FFFF { if let c = Unicode.Scalar(v) { all.append(c) } }
        let escaped = escapeXML(String(all))
        let outside = escaped.unicodeScalars.filter { !SVGDocumentTests.isXMLChar($0) }
        #expect(outside.isEmpty, "not XML characters: \(outside.prefix(8).map { String($0.value, radix: 16) })")
        let kept = String(all.filter(SVGDocumentTests.isXMLChar))
        let unescaped = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        let keepsEveryAllowedCharacter = unescaped == kept
        #expect(keepsEveryAllowedCharacter)
    }

    /// Foundation's XML parser's complaint about `data`, nil when it is well-formed.
    func xmlError(_ data: [UInt8]) -> String? {
        final class Collector: NSObject, XMLParserDelegate {
            var error: String?
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
                error = error ?? "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
            }
        }
        let parser = XMLParser(data: Data(data))
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? nil : (collector.error ?? "not well-formed")
    }

    /// Hostile texts as code points: XML's forbidden ones (U+FFFF, U+FFFE, C0 controls), the markup
    /// characters, and allowed oddities (C1 controls, non-characters of other planes, combining marks).
    static let hostileTexts: [[UInt32]] = [
        [0xFFFF], [0xFFFE], [0x61, 0x0, 0x62], [0x1, 0x8, 0xB, 0xC, 0xE, 0x1F], [0x1B, 0x5B, 0x33, 0x31, 0x6D],
        Array("&<>\"'".unicodeScalars.map(\.value)), Array("]]>".unicodeScalars.map(\.value)),
        [0x7F, 0x80, 0x9F, 0xFDD0, 0xFDEF, 0x1FFFF, 0x10FFFF], [0xD, 0xA, 0x9], [0x65, 0x301, 0x1F642],
    ]

    @Test(arguments: hostileTexts)
    func anyTitleOrColumnNameGivesWellFormedSVG(_ codePoints: [UInt32]) throws {
        let text = String(String.UnicodeScalarView(codePoints.compactMap(Unicode.Scalar.init)))
        var plot = ColumnPlot(x: .init(name: "x" + text, values: [1, 2]), ys: [.init(name: text, values: [3, 4])])
        plot.title = text
        plot.source = text + ".csv"
        let svg = try ChartEncoder.encode(plot.figure(), as: .svg)
        let error = xmlError(svg)
        #expect(error == nil, "\(codePoints.map { String($0, radix: 16) }): \(error ?? "")")
    }
}
