/// Turns a chart's SVG file into markup that can sit inside the page under a strict
/// Content-Security-Policy: no XML declaration, and Cairo's `style="…"` attributes rewritten as
/// the equivalent SVG presentation attributes (a CSP without 'unsafe-inline' blocks style
/// attributes, not presentation attributes). Returns nil when a style uses a property that has no
/// presentation attribute; the page then embeds the chart as a data: URI image instead.
///
/// One pass over the UTF-8 bytes: a chart of many curves is most of a megabyte of SVG, and
/// Foundation's searching and trimming (through UTF-16) made this a fifth of a report of runs' time.
package enum InlineSVG {
    static let presentationAttributes: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
        "clip-rule", "font-family", "font-size", "font-weight", "font-style", "color", "visibility",
    ]

    package static func markup(_ svg: String) -> String? {
        var svg = svg
        return svg.withUTF8 { markup(bytes: $0) }
    }

    static let styleOpening = Array(#" style=""#.utf8)

    static func markup(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = bytes.count
        if hasPrefix(bytes, at: 0, Array("<?xml".utf8)), let close = find(Array("?>".utf8), in: bytes, from: 5) { start = close + 2 }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while let at = find(styleOpening, in: bytes, from: i, before: end) {
            out.append(contentsOf: bytes[i..<at])
            let valueStart = at + styleOpening.count
            guard let close = find([UInt8(ascii: "\"")], in: bytes, from: valueStart, before: end) else { return nil }
            var declaration = valueStart
            while declaration < close {
                let stop = find([UInt8(ascii: ";")], in: bytes, from: declaration, before: close) ?? close
                if let colon = find([UInt8(ascii: ":")], in: bytes, from: declaration, before: stop), colon > declaration, colon + 1 < stop {
                    let name = String(decoding: trimmed(bytes, declaration, colon), as: UTF8.self)
                    let value = trimmed(bytes, colon + 1, stop)
                    guard presentationAttributes.contains(name), !value.contains(UInt8(ascii: "<")) else { return nil }
                    out.append(UInt8(ascii: " "))
                    out.append(contentsOf: name.utf8)
                    out.append(contentsOf: #"=""#.utf8)
                    out.append(contentsOf: value)
                    out.append(UInt8(ascii: "\""))
                }
                declaration = stop + 1
            }
            i = close + 1
        }
        out.append(contentsOf: bytes[i..<end])
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    /// `bytes[from..<to]` without the spaces and tabs around it.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        var a = from, b = to
        while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
        return bytes[a..<b]
    }

    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: [UInt8]) -> Bool {
        i + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[i + $0] == prefix[$0] }
    }

    /// The first index at or after `from` (and before `before`) where `needle` starts.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int? = nil) -> Int? {
        let limit = (before ?? bytes.count) - needle.count
        guard let first = needle.first, from <= limit else { return nil }
        var i = from
        while i <= limit {
            if bytes[i] == first, hasPrefix(bytes, at: i, needle) { return i }
            i += 1
        }
        return nil
    }
}
