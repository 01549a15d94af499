import Foundation

/// What `print(arr)` shows for a 1-D float64 numpy array under numpy's default print options:
/// precision 8, floatmode 'maxprec', suppress False, sign '-', linewidth 75, separator ' '.
///
/// As numpy's `FloatingFormat`: every value is first written with the fewest digits that read
/// back as the same double (Dragon4's "unique" mode), cut to at most `precision` fractional
/// digits with correct rounding of the exact binary value (ties to even), trailing zeros trimmed
/// but the point kept ("0."). The array switches to scientific notation when the largest
/// non-zero magnitude is at least 1e8, the smallest below 1e-4, or their ratio above 1000. All
/// values are then padded to a common width (integer part on the left, fraction on the right;
/// in scientific notation the mantissas share one number of digits, zero-filled), and wrapped
/// at 75 columns with a one-space hanging indent. Arrays longer than numpy's summarisation
/// threshold (1000 values) are printed in full, which numpy would elide.
public struct NumpyArrayFormat: Sendable {
    /// Most digits after the point (numpy's `precision`).
    public var precision: Int
    /// Line width before wrapping (numpy's `linewidth`).
    public var lineWidth: Int

    public init(precision: Int = 8, lineWidth: Int = 75) {
        self.precision = precision
        self.lineWidth = lineWidth
    }

    /// The array as `print` shows it, e.g. `[-0.25  0.25  0.    0.5 ]`.
    public func string(_ values: [Double]) -> String {
        let words = formattedElements(values)
        // numpy's _formatArray for the last axis, with legacy = False.
        let hangingIndent = " "
        let separator = " "
        let elementWidth = lineWidth - 1  // room for the closing ']' (max(len(sep.rstrip()), len(']')))
        var text = ""
        var line = hangingIndent
        for (i, word) in words.enumerated() {
            let needsWrap = line.count + word.count > elementWidth && line.count > hangingIndent.count
            if needsWrap {
                text += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
                line = hangingIndent
            }
            line += word
            if i < words.count - 1 { line += separator }
        }
        text += line
        return "[" + text.dropFirst(hangingIndent.count) + "]"
    }

    /// Each value formatted to the array's common width, as numpy's `FloatingFormat.__call__`.
    public func formattedElements(_ values: [Double]) -> [String] {
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.filter { $0 != 0 }.map(abs)
        var scientific = false
        if let maxValue = magnitudes.max(), let minValue = magnitudes.min() {
            scientific = maxValue >= 1e8 || minValue < 0.0001 || maxValue / minValue > 1000
        }
        var padLeft = 0, padRight = 0
        var render: (Double) -> String
        if finite.isEmpty {
            render = { _ in "" }
        } else if scientific {
            let parts = finite.map { scientificParts($0, maxFraction: precision) }
            let digits = parts.map(\.fraction.count).max() ?? 0
            let exponentDigits = max(2, parts.map { String(abs($0.exponent)).count }.max() ?? 2)
            padLeft = parts.map { $0.integer.count }.max() ?? 0
            padRight = exponentDigits + 2 + digits
            render = { x in
                let p = scientificParts(x, maxFraction: digits)
                let fraction = p.fraction + String(repeating: "0", count: max(0, digits - p.fraction.count))
                var exponent = String(abs(p.exponent))
                exponent = String(repeating: "0", count: max(0, exponentDigits - exponent.count)) + exponent
                let integer = String(repeating: " ", count: max(0, padLeft - p.integer.count)) + p.integer
                return integer + "." + fraction + "e" + (p.exponent < 0 ? "-" : "+") + exponent
            }
        } else {
            let parts = finite.map { positionalParts($0, maxFraction: precision) }
            padLeft = parts.map { $0.integer.count }.max() ?? 0
            padRight = parts.map { $0.fraction.count }.max() ?? 0
            render = { [precision] x in
                let p = positionalParts(x, maxFraction: precision)
                return String(repeating: " ", count: max(0, padLeft - p.integer.count)) + p.integer + "."
                    + p.fraction + String(repeating: " ", count: max(0, padRight - p.fraction.count))
            }
        }
        if finite.count != values.count {
            // Room for "nan", "inf" and "-inf" beside the point and the fraction.
            let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
        let width = padLeft + padRight + 1
        return values.map { x in
            if x.isFinite { return render(x) }
            let word = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: max(0, width - word.count)) + word
        }
    }
}

/// The shortest decimal digits that read back as `x` (as Swift's and numpy's shortest
/// round-trip printing), without sign: `x = 0.d₁d₂… × 10^exponent`. Zero is `("0", 1)`.
func shortestDigits(_ x: Double) -> (digits: [Character], exponent: Int) {
    let text = abs(x).description  // "12.5", "1e-05", "1.2345e+16", "0.001"
    var mantissa = Substring(text), power = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        power = Int(text[text.index(after: e)...]) ?? 0
    }
    let point = mantissa.firstIndex(of: ".")
    let integerPart = point.map { mantissa[..<$0] } ?? mantissa
    let fractionPart = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
    var digits = Array(integerPart) + Array(fractionPart)
    var exponent = integerPart.count + power
    while digits.count > 1, digits.first == "0" { digits.removeFirst(); exponent -= 1 }
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    if digits == ["0"] { exponent = 1 }
    return (digits, exponent)
}

/// `x` in positional notation with the fewest digits that identify it, at most `maxFraction`
/// after the point (correctly rounded when cut), trailing zeros trimmed: sign and integer part,
/// and the fraction (possibly empty).
func positionalParts(_ x: Double, maxFraction: Int) -> (integer: String, fraction: String) {
    let sign = x.sign == .minus ? "-" : ""
    let (digits, exponent) = shortestDigits(x)
    let fractionCount = max(0, digits.count - exponent)
    var integer: String, fraction: String
    if fractionCount > maxFraction {
        // Cut: round the exact binary value (glibc's printf is exact, ties to even, as Dragon4).
        let text = String(format: "%.\(maxFraction)f", abs(x))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        integer = String(parts[0])
        fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.last == "0" { fraction.removeLast() }
    } else if exponent <= 0 {
        integer = "0"
        fraction = String(repeating: "0", count: -exponent) + String(digits)
    } else if exponent >= digits.count {
        integer = String(digits) + String(repeating: "0", count: exponent - digits.count)
        fraction = ""
    } else {
        integer = String(digits[..<exponent])
        fraction = String(digits[exponent...])
    }
    return (sign + integer, fraction)
}

/// `x` in scientific notation with the fewest mantissa digits that identify it, at most
/// `maxFraction` after the point (correctly rounded when cut), trailing zeros trimmed.
func scientificParts(_ x: Double, maxFraction: Int) -> (integer: String, fraction: String, exponent: Int) {
    let sign = x.sign == .minus ? "-" : ""
    let (digits, exponent) = shortestDigits(x)
    if x == 0 { return (sign + "0", "", 0) }
    if digits.count - 1 > maxFraction {
        let text = String(format: "%.\(maxFraction)e", abs(x))  // "8.90385858e-04"
        let e = text.firstIndex(of: "e") ?? text.endIndex
        let mantissa = text[..<e]
        let power = e < text.endIndex ? Int(text[text.index(after: e)...]) ?? 0 : 0
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.last == "0" { fraction.removeLast() }
        return (sign + String(parts[0]), fraction, power)
    }
    return (sign + String(digits[0]), String(digits.dropFirst()), exponent - 1)
}
