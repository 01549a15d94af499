import Foundation

/// Turns a chart's SVG file into markup that can sit inside the page under a strict
/// Content-Security-Policy: no XML declaration, and Cairo's `style="…"` attributes rewritten as
/// the equivalent SVG presentation attributes (a CSP without 'unsafe-inline' blocks style
/// attributes, not presentation attributes). Returns nil when a style uses a property that has no
/// presentation attribute; the page then embeds the chart as a data: URI image instead.
///
/// The geometry's numbers (`d`, `transform`, `points`) are rounded to hundredths of a point and
/// positions (`x`, `y`: mostly glyphs) to tenths: Cairo writes six decimals, a quarter of a
/// self-contained page's bytes, and a hundredth of a point is a hundredth of a pixel at the
/// largest size the page draws a chart. Colours become `#rrggbb` (Cairo writes `rgb(…%)` of 8-bit
/// values, so nothing is lost), and attributes that say what SVG assumes anyway (`fill-opacity="1"`,
/// `fill-rule="nonzero"`, `stroke-linecap="butt"`, a miter limit on a join that is not mitred) are
/// dropped, and so is each line's indentation. Text (the title, the description) is left as it is. The chart files in a folder report
/// are Cairo's, unchanged.
package enum InlineSVG {
    /// The attributes whose numbers are rounded, and to how many decimals.
    static let geometryAttributes: [String: Int] = ["d": 2, "transform": 2, "points": 2, "x": 1, "y": 1]
    /// Attributes whose values are colours.
    static let colorAttributes: Set<String> = ["fill", "stroke", "stop-color", "flood-color"]
    /// Attribute values SVG takes when the attribute is absent.
    static let defaults: Set<String> = [
        "fill-opacity=1", "stroke-opacity=1", "opacity=1", "fill-rule=nonzero", "clip-rule=nonzero", "stroke-linecap=butt",
    ]

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
        return unindented(roundingGeometry(out.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Each line without its leading spaces: Cairo indents the elements inside `<clipPath>` and
    /// `<symbol>` by two, some 20 KB of a self-contained page, and whitespace between elements
    /// means nothing in SVG (Cairo's charts draw text as glyph outlines, never as `<text>`).
    static func unindented(_ svg: String) -> String {
        svg.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " } }.joined(separator: "\n")
    }

    /// `svg` with the numbers inside its geometry attributes rounded, its colours in hex, and its
    /// default-valued attributes dropped. An attribute value starts at `="` and ends at the next
    /// `"` (text and other values hold `&quot;`, never a bare quote).
    static func roundingGeometry(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        // Whether the element being copied has a join that is not mitred (then its miter limit is moot).
        var unmitred = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") { unmitred = false }
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "\""), i >= 2, bytes[i - 2] == UInt8(ascii: "=") else { continue }
            var start = i - 2
            while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
            let name = String(decoding: bytes[start..<(i - 2)], as: UTF8.self)
            guard let end = bytes[i...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
            let value = String(decoding: bytes[i..<end], as: UTF8.self)
            if name == "stroke-linejoin" { unmitred = value != "miter" }
            let moot = defaults.contains("\(name)=\(value)") || (name == "stroke-miterlimit" && unmitred)
            if moot, start > 0, bytes[start - 1] == UInt8(ascii: " ") {
                // Drop ` name="value"`: what was copied of it, and the rest.
                out.removeLast(i - start + 1)
                i = end + 1
                continue
            }
            if let places = geometryAttributes[name] {
                appendRounded(bytes[i..<end], decimals: places, to: &out)
            } else if colorAttributes.contains(name), let hex = InlineChartColors.parse(value)?.hexString {
                out += hex.utf8
            } else {
                out += bytes[i..<end]
            }
            out.append(UInt8(ascii: "\""))
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Copies `value`, each number with a fraction or an exponent rounded to `decimals`.
    static func appendRounded(_ value: ArraySlice<UInt8>, decimals: Int = 2, to out: inout [UInt8]) {
        var i = value.startIndex
        while i < value.endIndex {
            let b = value[i]
            let startsNumber = isDigit(b) || (b == UInt8(ascii: "-") && i + 1 < value.endIndex && (isDigit(value[i + 1]) || value[i + 1] == UInt8(ascii: ".")))
                || (b == UInt8(ascii: ".") && i + 1 < value.endIndex && isDigit(value[i + 1]))
            // A digit inside a name (`matrix` has none, but be safe) is copied as it is.
            let afterName = i > value.startIndex && isNameByte(value[i - 1]) && !isDigit(value[i - 1]) && value[i - 1] != UInt8(ascii: "-")
            guard startsNumber, !afterName else { out.append(b); i += 1; continue }
            var j = i + 1
            var fractional = false
            while j < value.endIndex {
                let c = value[j]
                if isDigit(c) {
                    j += 1
                } else if c == UInt8(ascii: ".") {
                    fractional = true; j += 1
                } else if (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")), j + 1 < value.endIndex,
                          isDigit(value[j + 1]) || ((value[j + 1] == UInt8(ascii: "-") || value[j + 1] == UInt8(ascii: "+")) && j + 2 < value.endIndex && isDigit(value[j + 2])) {
                    fractional = true; j += 2
                } else {
                    break
                }
            }
            let token = value[i..<j]
            if fractional, let x = Double(String(decoding: token, as: UTF8.self)), let rounded = rounded(x, decimals: decimals) {
                out += rounded.utf8
            } else {
                out += token
            }
            i = j
        }
    }

    /// The decimals kept by default.
    static let decimals = 2

    /// `x` with at most `decimals` decimals and no trailing zeros ("12.5", "-3", "0"); nil when
    /// it is too large to round through an integer (it is then kept as written).
    static func rounded(_ x: Double, decimals: Int = decimals) -> String? {
        let scale = (0..<decimals).reduce(1) { n, _ in n * 10 }
        guard x.isFinite, abs(x) < 1e12 else { return nil }
        let units = Int((x * Double(scale)).rounded())
        guard units != 0 else { return "0" }
        let whole = abs(units) / scale, fraction = abs(units) % scale
        var text = (units < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: decimals - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }
}
