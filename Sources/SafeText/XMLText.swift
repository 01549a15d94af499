/// Text made safe inside XML/HTML element content and attribute values: the markup characters
/// escaped, and the code points XML 1.0 has no place for dropped (its `Char` production: C0 controls
/// other than tab, LF and CR, and U+FFFE and U+FFFF; surrogates cannot occur in a Swift string), so
/// any string at all gives well-formed XML.
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
            if isXMLCharacter(c) { out.unicodeScalars.append(c) }
        }
    }
    return out
}

/// Whether XML 1.0 allows `c` in a document: tab, LF, CR, and everything from U+0020 on except
/// U+FFFE and U+FFFF (and the surrogates, which are not scalars).
func isXMLCharacter(_ c: Unicode.Scalar) -> Bool {
    c.value >= 0x20 ? c.value != 0xFFFE && c.value != 0xFFFF : c == "\t" || c == "\n" || c == "\r"
}
