import Foundation
import LossPlotCharts

/// The stylesheet rules that turn a self-contained page's inline charts dark: for every colour
/// the charts' SVG paints with (`fill="rgb(…)"`, `stroke="rgb(…)"` as Cairo writes them, which
/// `InlineSVG` writes `#rrggbb`), a rule under `prefers-color-scheme: dark` that paints with the colour
/// `ColorScheme.dark` gives it, the same function a chart drawn dark uses. A page's CSS overrides
/// SVG presentation attributes, so the light markup serves both schemes.
enum InlineChartColors {
    /// The rules for the colours in `svgs`, sorted so the same charts give the same bytes; empty
    /// when they paint with none.
    static func css(for svgs: [String]) -> String {
        var fills = Set<String>(), strokes = Set<String>()
        for svg in svgs {
            // Attributes, and Cairo's style declarations that `InlineSVG` turns into them.
            collect("fill=\"", in: svg, into: &fills)
            collect("stroke=\"", in: svg, into: &strokes)
            collect("fill:", in: svg, into: &fills)
            collect("stroke:", in: svg, into: &strokes)
        }
        var rules: [String] = []
        for (property, values) in [("fill", fills), ("stroke", strokes)] {
            // `InlineSVG` writes every colour as #rrggbb: the selectors match that form.
            let colors = Set(values.compactMap { parse($0) }.map(\.hexString))
            for hex in colors.sorted() {
                guard let color = parse(hex) else { continue }
                let dark = ColorScheme.dark.color(color, role: property == "stroke" ? .ink : .fill).hexString
                // The markers' paths live in the page's glyph sprite (`InlineGlyphs`).
                rules.append("  .chart-card svg [\(property)=\"\(hex)\"], .glyph-sprite [\(property)=\"\(hex)\"] { \(property): \(dark); }")
            }
        }
        guard !rules.isEmpty else { return "" }
        return "\n/* Inline charts on a dark page: each colour as ColorScheme.dark turns it (written by lossplot). */\n"
            + "@media screen and (prefers-color-scheme: dark) {\n" + rules.joined(separator: "\n") + "\n}\n"
    }

    /// Every distinct value opened by `prefix` (`fill="`, `fill:`) that is an `rgb(…)` colour.
    static func collect(_ prefix: String, in svg: String, into values: inout Set<String>) {
        var rest = svg[...]
        while let r = rest.range(of: prefix) {
            rest = rest[r.upperBound...]
            let value = rest.drop { $0 == " " }
            if value.hasPrefix("#"), value.count >= 7 {
                let hex = value.prefix(7)
                if hex.dropFirst().allSatisfy(\.isHexDigit) { values.insert(String(hex)) }
                continue
            }
            guard value.hasPrefix("rgb("), let end = value.firstIndex(of: ")") else { continue }
            values.insert(String(value[...end]))
            rest = value[end...]
        }
    }

    /// `#rrggbb`, `rgb(12.5%, 50%, 100%)` or `rgb(32, 128, 255)` as a colour; nil for anything else.
    static func parse(_ value: String) -> Color? {
        if value.hasPrefix("#"), value.count == 7, let v = UInt32(value.dropFirst(), radix: 16) { return Color(hex: v) }
        guard value.hasPrefix("rgb("), value.hasSuffix(")") else { return nil }
        let parts = value.dropFirst(4).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3 else { return nil }
        var channels: [Double] = []
        for p in parts {
            if p.hasSuffix("%"), let v = Double(p.dropLast()), v >= 0, v <= 100 { channels.append(v / 100) }
            else if let v = Double(p), v >= 0, v <= 255 { channels.append(v / 255) }
            else { return nil }
        }
        return Color(red: channels[0], green: channels[1], blue: channels[2])
    }
}
