import Foundation
import SafeText

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
    /// ids of that kind), and every `#x"` / `#x)` reference follows. Two linear passes over the
    /// bytes: one to name the ids in order of appearance, one to rewrite them.
    static func renameIds(_ svg: String, prefix: String) -> String {
        let bytes = Array(svg.utf8)
        let marker = Array(" id=\"".utf8)
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), paren = UInt8(ascii: ")")

        func matchesMarker(at i: Int) -> Bool {
            guard i + marker.count <= bytes.count else { return false }
            for k in 0..<marker.count where bytes[i + k] != marker[k] { return false }
            return true
        }
        func token(from i: Int, endingAt terminators: Set<UInt8>) -> (ArraySlice<UInt8>, Int)? {
            var j = i
            while j < bytes.count, !terminators.contains(bytes[j]) {
                if bytes[j] == UInt8(ascii: "<") || bytes[j] == UInt8(ascii: " ") { return nil }
                j += 1
            }
            return j < bytes.count && j > i ? (bytes[i..<j], j) : nil
        }

        var names: [ArraySlice<UInt8>: [UInt8]] = [:]
        var counts: [String: Int] = [:]
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: " "), matchesMarker(at: i), let (old, end) = token(from: i + marker.count, endingAt: [quote]) {
                if names[old] == nil {
                    let kind = String(decoding: old.prefix(while: { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }), as: UTF8.self)
                    let key = kind.isEmpty ? "id" : kind
                    counts[key, default: 0] += 1
                    names[old] = Array("\(prefix)\(key)-\(counts[key, default: 0])".utf8)
                }
                i = end
            } else {
                i += 1
            }
        }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + names.count * (prefix.utf8.count + 4) * 4)
        i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: " "), matchesMarker(at: i), let (old, end) = token(from: i + marker.count, endingAt: [quote]), let new = names[old] {
                out.append(contentsOf: marker)
                out.append(contentsOf: new)
                i = end
            } else if b == hash, let (old, end) = token(from: i + 1, endingAt: [quote, paren]), let new = names[old] {
                out.append(hash)
                out.append(contentsOf: new)
                i = end
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
