/// Text from outside the program (a file name, a cell, an argument) made safe to show on one line
/// of a terminal or a log: nothing in it can end the line, move the cursor, recolour the screen or
/// reorder what follows.
public enum DisplayText {
    /// `text` with every character that is not visible text by itself written as an escape:
    /// - `\n`, `\r`, `\t`; other C0 controls and DEL as `\x1B`;
    /// - C1 controls, format characters (bidi controls such as U+202E, zero-width characters, the
    ///   byte-order mark), line and paragraph separators and noncharacters as `\u{202E}`;
    /// - a byte of a file name that is not UTF-8 (see `FileSystemPath`) as `\xE9`.
    /// Everything else, letters of every script included, is shown as it is; so is the backslash,
    /// which makes escaping idempotent: a library may escape what its message echoes and the
    /// final line escapes the whole message again without doubling anything. (The price: a name
    /// holding a real backslash and `n` reads like an escaped newline; neither can break the line.)
    public static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let escape = escape(scalar) { out.append(contentsOf: escape.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The escape for one scalar; nil when it is shown as it is.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: break
        }
        if scalar.value < 0x20 || scalar.value == 0x7F { return "\\x" + hex(scalar.value, digits: 2) }
        if let byte = FileSystemPath.rawByte(scalar) { return "\\x" + hex(UInt32(byte), digits: 2) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default:
            return properties.isNoncharacterCodePoint ? "\\u{" + hex(scalar.value, digits: 4) + "}" : nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
