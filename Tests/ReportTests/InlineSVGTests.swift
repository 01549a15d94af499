import Foundation
import LossPlotCairo
import LossPlotCharts
@testable import Report
import Scenarios
import Testing

/// InlineSVG's one pass over the bytes gives what the Foundation form it replaced gave, on the
/// guide's real charts and on hand-made styles.
@Suite struct InlineSVGTests {
    /// The first form: Foundation's `range(of:)`, `split` and `trimmingCharacters`.
    static func reference(_ svg: String) -> String? {
        var text = svg[...]
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = text[end.upperBound...] }
        var out = ""
        while let r = text.range(of: " style=\"") {
            out += text[..<r.lowerBound]
            guard let close = text[r.upperBound...].firstIndex(of: "\"") else { return nil }
            for declaration in text[r.upperBound..<close].split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                guard InlineSVG.presentationAttributes.contains(name), !value.contains("\""), !value.contains("<") else { return nil }
                out += " \(name)=\"\(value)\""
            }
            text = text[text.index(after: close)...]
        }
        out += text
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theGuidesChartsInlineAsTheyDidBefore() throws {
        for scenario in ScenarioCatalog.all.prefix(4) {
            guard let figure = scenario.figure?(.en) else { continue }
            let svg = String(decoding: try ChartEncoder.encode(figure, as: .svg, options: ChartEncodingOptions(idPrefix: "c")), as: UTF8.self)
            let inline = try #require(InlineSVG.markup(svg))
            #expect(inline == Self.reference(svg), "\(scenario.id)")
            #expect(!inline.contains(" style=\"") && inline.hasPrefix("<svg"))
        }
    }

    @Test(arguments: [
        "<?xml version=\"1.0\"?>\n<svg><path style=\" fill : red ;stroke-width:2;;\" d=\"M0 0\"/></svg>\n",
        "<svg><g style=\"fill:none\"><text style=\"font-size:9px;font-family:DejaVu Sans\">x</text></g></svg>",
        "<svg><path style=\"mix-blend-mode:multiply\"/></svg>",
        "<svg><path style=\"fill:url(<x>)\"/></svg>",
        "<svg><path style=\"fill:red\"/><path style=\"unclosed/></svg>",
        "  <svg/>  ",
    ])
    func handMadeStylesGiveWhatTheFoundationFormGave(_ svg: String) {
        #expect(InlineSVG.markup(svg) == Self.reference(svg))
    }
}
