import Foundation

/// Finishing touches on the SVG Cairo writes: ids renamed per chart in order of appearance (Cairo
/// numbers some from process-wide counters, so the same chart would otherwise differ between
/// runs that draw other charts first), and a `<title>` and `<desc>` saying what the chart shows.
enum SVGDocument {
    static func finish(_ svg: String, idPrefix: String, title: String, description: String) -> String {
        let p = idPrefix.isEmpty ? "" : idPrefix + "-"
        var out = renameIds(svg, prefix: p)
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

    /// Every `id="x"` becomes `id="PREFIXkind-n"` (kind: the id's letters, n: its rank among
    /// ids of that kind), and every `#x` reference follows.
    static func renameIds(_ svg: String, prefix: String) -> String {
        var names: [String: String] = [:]
        var counts: [String: Int] = [:]
        var order: [String] = []
        var search = svg.startIndex..<svg.endIndex
        while let r = svg.range(of: " id=\"", range: search) {
            guard let end = svg[r.upperBound...].firstIndex(of: "\"") else { break }
            let old = String(svg[r.upperBound..<end])
            if names[old] == nil {
                let kind = String(old.prefix(while: { $0.isLetter }))
                counts[kind, default: 0] += 1
                names[old] = "\(prefix)\(kind.isEmpty ? "id" : kind)-\(counts[kind, default: 0])"
                order.append(old)
            }
            search = end..<svg.endIndex
        }
        var out = svg
        for old in order {
            guard let new = names[old] else { continue }
            out = out.replacingOccurrences(of: " id=\"\(old)\"", with: " id=\"\(new)\"")
            out = out.replacingOccurrences(of: "#\(old)\"", with: "#\(new)\"")
            out = out.replacingOccurrences(of: "#\(old))", with: "#\(new))")
        }
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
