/// One copy of each glyph outline and each marker for all the inline charts of a page. Cairo's
/// SVG draws text as `<symbol id="…-glyph-N">` outlines that `<use>` places, one set per chart,
/// and each scatter marker as a whole `<path>` of its own moved by a `transform`: on a
/// self-contained page the same outlines came forty times over, most of its bytes. `share` takes
/// each chart's markup in turn, drops its symbols, points its `<use>`s at the page's one copy of
/// the same outline, turns each marker into a `<use>` of the page's one copy of it, and
/// `spriteMarkup` is the hidden SVG that holds the copies (an SVG sprite: `<use>` finds a symbol
/// anywhere in the document, also inside an element not displayed). What is drawn is unchanged:
/// a `<use>` at (x, y) draws its symbol moved by (x, y), as the marker's translation did.
final class InlineGlyphs {
    /// Outline markup (the symbol without its id) → the page's id for it.
    private var ids: [String: String] = [:]
    /// The page's symbols, in the order first seen.
    private var symbols: [String] = []
    /// A marker's path (without its translation) → the page's id for it.
    private var markerIDs: [String: String] = [:]

    /// The page's id of the n-th outline.
    static func id(_ n: Int) -> String { "lpg\(n)" }

    /// `svg` without its glyph symbols, its references to them renamed to the page's ids.
    func share(_ svg: String) -> String {
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var renamed: [String: String] = [:]
        var rest = svg[...]
        while let open = rest.range(of: "<symbol ") {
            guard let close = rest[open.upperBound...].range(of: "</symbol>"),
                  let idStart = rest[open.upperBound..<close.lowerBound].range(of: "id=\""),
                  let idEnd = rest[idStart.upperBound..<close.lowerBound].firstIndex(of: "\"") else { break }
            out += rest[..<open.lowerBound]
            let localID = String(rest[idStart.upperBound..<idEnd])
            // Outlines to a tenth of a point (a glyph is 9 to 14 points tall): a twentieth of a
            // point off at most, and outlines that differed below that are one.
            let outline = Self.tenths(String(rest[open.lowerBound..<idStart.lowerBound]) + String(rest[rest.index(after: idEnd)..<close.upperBound]))
            let pageID: String
            if let known = ids[outline] {
                pageID = known
            } else {
                pageID = Self.id(symbols.count)
                ids[outline] = pageID
                symbols.append(outline.replacingOccurrences(of: "<symbol ", with: "<symbol id=\"\(pageID)\" "))
            }
            renamed[localID] = pageID
            rest = rest[close.upperBound...]
            while rest.first == "\n" { rest = rest.dropFirst() }
        }
        out += rest
        guard !renamed.isEmpty else { return svg }
        // Every reference is `xlink:href="#ID"`, written `href` (SVG 2, shorter); ids are the
        // chart's prefix and a number, so one id is never the start of another's quoted reference.
        var result = ""
        result.reserveCapacity(out.utf8.count)
        var text = out[...]
        let marker = "<use xlink:href=\"#"
        while let r = text.range(of: marker) {
            result += text[..<r.lowerBound]
            result += "<use href=\"#"
            text = text[r.upperBound...]
            guard let end = text.firstIndex(of: "\"") else { break }
            let id = String(text[..<end])
            result += renamed[id] ?? id
            text = text[end...]
        }
        result += text
        return sharingMarkers(result)
    }

    /// Each `<path … transform="matrix(1,0,0,1,X,Y)"/>` (a marker stamped at X, Y) as
    /// `<use href="#ID" x="X" y="Y"/>` of the page's one copy of the path.
    func sharingMarkers(_ svg: String) -> String {
        let open = "<path ", translate = " transform=\"matrix(1,0,0,1,"
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var rest = svg[...]
        while let start = rest.range(of: open) {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].range(of: "/>") else { break }
            let element = rest[start.lowerBound..<close.upperBound]
            guard let t = element.range(of: translate), let end = element[t.upperBound...].firstIndex(of: ")"),
                  element[end...].hasPrefix(")\"/>") else {
                out += element
                rest = rest[close.upperBound...]
                continue
            }
            let offsets = element[t.upperBound..<end].split(separator: ",")
            guard offsets.count == 2, Double(offsets[0]) != nil, Double(offsets[1]) != nil else {
                out += element
                rest = rest[close.upperBound...]
                continue
            }
            let shape = String(element[..<t.lowerBound]) + "/>"
            let id: String
            if let known = markerIDs[shape] {
                id = known
            } else {
                id = "lpm\(markerIDs.count)"
                markerIDs[shape] = id
                symbols.append("<symbol id=\"\(id)\" overflow=\"visible\">\(shape)</symbol>")
            }
            out += "<use href=\"#\(id)\" x=\"\(offsets[0])\" y=\"\(offsets[1])\"/>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    /// `markup` with the numbers of its `d` attributes rounded to one decimal.
    static func tenths(_ markup: String) -> String {
        var out = ""
        var rest = markup[...]
        while let r = rest.range(of: " d=\"") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            var rounded: [UInt8] = []
            InlineSVG.appendRounded(Array(rest[..<end].utf8)[...], decimals: 1, to: &rounded)
            out += String(decoding: rounded, as: UTF8.self)
            rest = rest[end...]
        }
        return out + rest
    }

    /// The hidden SVG holding every outline shared so far; nil when none was.
    var spriteMarkup: String? {
        guard !symbols.isEmpty else { return nil }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"glyph-sprite\" aria-hidden=\"true\" focusable=\"false\"><defs>\n"
            + symbols.joined(separator: "\n") + "\n</defs></svg>"
    }
}
