import Foundation

/// Finishing touches on the SVG Cairo writes: ids made unique per chart, and a `<title>` and
/// `<desc>` saying what the chart shows.
enum SVGDocument {
    static func finish(_ svg: String, idPrefix: String, title: String, description: String) -> String {
        var out = svg
        let p = idPrefix.isEmpty ? "" : idPrefix + "-"
        if !p.isEmpty {
            out = out.replacingOccurrences(of: " id=\"", with: " id=\"\(p)")
            out = out.replacingOccurrences(of: "href=\"#", with: "href=\"#\(p)")
            out = out.replacingOccurrences(of: "url(#", with: "url(#\(p)")
        }
        guard let open = out.range(of: "<svg"), let close = out[open.upperBound...].firstIndex(of: ">") else { return out }
        let after = out.index(after: close)
        let titleId = p + "title", descId = p + "desc"
        var head = "\n<title id=\"\(titleId)\">\(escapeXML(title))</title>"
        if !description.isEmpty { head += "\n<desc id=\"\(descId)\">\(escapeXML(description))</desc>" }
        out.insert(contentsOf: head, at: after)
        let labelled = description.isEmpty ? titleId : "\(titleId) \(descId)"
        out.insert(contentsOf: " role=\"img\" aria-labelledby=\"\(labelled)\"", at: close)
        return out
    }
}

/// Text made safe inside XML/HTML element content and attribute values.
public func escapeXML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0.
            if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { continue }
            out.unicodeScalars.append(c)
        }
    }
    return out
}
