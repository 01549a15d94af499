import Foundation

/// Turns a chart's SVG file into markup that can sit inside the page under a strict
/// Content-Security-Policy: no XML declaration, and Cairo's `style="…"` attributes rewritten as
/// the equivalent SVG presentation attributes (a CSP without 'unsafe-inline' blocks style
/// attributes, not presentation attributes). Returns nil when a style uses a property that has no
/// presentation attribute; the page then embeds the chart as a data: URI image instead.
package enum InlineSVG {
    static let presentationAttributes: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
        "clip-rule", "font-family", "font-size", "font-weight", "font-style", "color", "visibility",
    ]

    package static func markup(_ svg: String) -> String? {
        var text = svg[...]
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = text[end.upperBound...]
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        while let r = text.range(of: " style=\"") {
            out += text[..<r.lowerBound]
            guard let close = text[r.upperBound...].firstIndex(of: "\"") else { return nil }
            for declaration in text[r.upperBound..<close].split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                guard presentationAttributes.contains(name), !value.contains("\""), !value.contains("<") else { return nil }
                out += " \(name)=\"\(value)\""
            }
            text = text[text.index(after: close)...]
        }
        out += text
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
