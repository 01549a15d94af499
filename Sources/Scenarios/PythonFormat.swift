import Foundation

/// How the document's Python writes numbers into text: f-string format specs and `str()`.
public enum Python {
    /// `f"{x:.Nf}"`: the exact binary value rounded to N decimals, ties to even (as glibc's printf).
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        String(format: "%.\(max(0, decimals))f", x)
    }

    /// `f"{text:Ns}"`: left-aligned and padded with spaces to at least `width` characters.
    public static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `str(x)` of a Python float: the shortest repr, always with a point ("1.0", "0.5").
    public static func float(_ x: Double) -> String {
        x.description
    }

    /// `str(x)` of a number literal the document wrote as an int where it is integral
    /// (its list `[0, 0.5, 1, 2, 5]` prints "1", not "1.0").
    public static func literal(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.description
    }

    /// The name a printed value goes by: its printed prefix without the colon and padding.
    static func valueName(_ prefix: String) -> String {
        var name = prefix.trimmingCharacters(in: .whitespaces)
        if name.hasSuffix(":") { name.removeLast() }
        return name.trimmingCharacters(in: .whitespaces)
    }
}
