import Foundation

/// The labels of a log axis: "10ⁿ" for each power of ten, "3×10⁻¹" for a multiple of one; no
/// corner text.
public struct LogTickFormatter: TickFormatting, Equatable {
    public init() {}

    public func labels(for ticks: LocatedTicks, lower: Double, upper: Double) -> TickLabels {
        TickLabels(labels: ticks.major.map(LogTickFormatter.label))
    }

    /// A log axis label: "10ⁿ" with the exponent in superscript digits.
    /// A value that is not a power of ten gets its mantissa: "3×10⁻¹".
    public static func label(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return "" }
        var e = Int(floor(log10(value) + 1e-9))
        var mantissa = (value / pow(10, Double(e))).rounded()
        if mantissa >= 10 { e += 1; mantissa = 1 }
        let sup: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var digits = String(abs(e)).compactMap { c in c.wholeNumberValue.map { sup[$0] } }
        if e < 0 { digits.insert("⁻", at: 0) }
        let power = "10" + String(digits)
        return mantissa == 1 ? power : "\(Int(mantissa))×" + power
    }
}
