import Foundation

/// Numbers as a summary shows them: six significant digits, as `lossplot runs` prints them.
public enum NumberText {
    /// `0.680465`, `6.22873e+29`, `NaN`, `+Inf`, `-Inf`.
    public static func short(_ value: Double) -> String {
        value.isNaN ? "NaN" : value.isInfinite ? (value > 0 ? "+Inf" : "-Inf") : String(format: "%.6g", value)
    }

    /// With its sign always: `+0.447681`, `-0.05`, `0`.
    public static func signed(_ value: Double) -> String {
        value == 0 ? "0" : value.isFinite ? String(format: "%+.6g", value) : short(value)
    }

    /// A ratio as a percentage with its sign: `+192%`, `+4.2%`, `-0.031%`, `0%`.
    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return short(ratio) }
        let p = ratio * 100
        guard p != 0 else { return "0%" }
        let magnitude = p.magnitude
        let format = magnitude >= 100 ? "%+.0f%%" : magnitude >= 1 ? "%+.1f%%" : "%+.2g%%"
        return String(format: format, p)
    }

    /// A count with a comma between each three digits: `1,000,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }
}
