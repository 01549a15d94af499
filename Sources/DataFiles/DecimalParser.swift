/// Decimal numbers in CSV cells to `Double`, correctly rounded (the same bits as `strtod`), without
/// the C library for the forms logs are made of: `[+-]digits[.digits][(e|E)[+-]digits]` with at most
/// 19 significant digits.
///
/// Two methods, each correctly rounded; what neither can decide returns nil for `NumberSyntax` to
/// settle, as does every other form (more digits, inf, nan, and what is no number at all):
/// - Clinger's fast path: a significand up to 2^53 and a power of ten up to 10^22 are both exact
///   doubles, so one multiplication or division rounds once, correctly.
/// - Otherwise Eisel-Lemire (Lemire, "Number Parsing at a Gigabyte per Second", 2021; as in Go's
///   `strconv.eiselLemire64`): the significand, shifted to 64 bits, times the 128 leading bits of
///   10^q (rounded down, `powersOfTen128`), keeping the high 128 bits of the product. Its top 54
///   bits are the double's significand and a rounding bit unless the product lies so close to a
///   rounding boundary that the table's truncation could have moved it across, or it may be an
///   exact tie; those cases return nil, as do results that would be subnormal or overflow.
///   Trailing zeros of the significand are dropped first (and Clinger's path tried again): with the
///   table rounded down, a value exactly on a double would otherwise look like a near-boundary case.
enum DecimalParser {
    /// 10^0 ... 10^22, each exactly representable as a double.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of the `count` bytes at `text`, or nil when they are not a plain decimal number
    /// or correct rounding needs `strtod`.
    static func parse(_ text: UnsafePointer<UInt8>, count: Int) -> Double? {
        let (value, length) = scan(text, limit: count)
        return length == count ? value : nil
    }

    /// Reads a plain decimal number from the start of the `limit` bytes at `text`, stopping at the
    /// first byte that cannot continue it. Returns how many bytes it read and their value; the value
    /// is nil when they are not a complete number (e.g. "1e" or "-") or need `strtod` to round.
    static func scan(_ text: UnsafePointer<UInt8>, limit count: Int) -> (value: Double?, length: Int) {
        let zero = UInt8(ascii: "0")
        var i = 0
        var negative = false
        if i < count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        // Every digit goes into the significand (leading zeros add nothing); only when there are
        // more than 19 digits in all do the leading zeros need counting out.
        var significand: UInt64 = 0
        let mantissaStart = i
        i = accumulateDigits(text, from: i, count: count, into: &significand)
        var digitCount = i - mantissaStart
        var exponent = 0        // decimal exponent of the last digit
        if i < count && text[i] == UInt8(ascii: ".") {
            let fractionStart = i + 1
            i = accumulateDigits(text, from: fractionStart, count: count, into: &significand)
            digitCount += i - fractionStart
            exponent = fractionStart - i
        }
        guard digitCount > 0 else { return (nil, i) }
        if digitCount > 19 {
            var k = mantissaStart
            while k < i && (text[k] == zero || text[k] == UInt8(ascii: ".")) { k += 1 }
            var significant = 0
            while k < i { significant += text[k] == UInt8(ascii: ".") ? 0 : 1; k += 1 }
            guard significant <= 19 else { return (nil, i) }
        }
        if i < count && (text[i] | 0x20) == UInt8(ascii: "e") {
            let mantissaEnd = i
            i += 1
            var exponentNegative = false
            if i < count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < count, case let d = text[i] &- zero, d < 10 {
                sawExponentDigit = true
                written = min(written * 10 + Int(d), 100_000)
                i += 1
            }
            guard sawExponentDigit else { return (nil, mantissaEnd) }
            exponent += exponentNegative ? -written : written
        }
        guard significand != 0 else { return (negative ? -0.0 : 0.0, i) }
        guard let magnitude = scaled(significand, byPowerOfTen: exponent) else { return (nil, i) }
        return (negative ? -magnitude : magnitude, i)
    }

    /// Appends the decimal digits from `start` to `value` (wrapping past 2^64: callers check the
    /// count); returns the index of the first byte that is not a digit. Eight digits at a time
    /// while eight bytes remain (SWAR: test and combine them as one 64-bit word), then one by one.
    @inline(__always)
    static func accumulateDigits(_ text: UnsafePointer<UInt8>, from start: Int, count: Int, into value: inout UInt64) -> Int {
        var i = start
        var v = value
        while i + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(text + i).loadUnaligned(as: UInt64.self))
            // Every byte in "0"..."9": adding 0x46 keeps it below 0x80, subtracting 0x30 does not borrow.
            guard ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0 else { break }
            v = v &* 100_000_000 &+ eightDigits(word)
            i += 8
        }
        while i < count {
            let d = text[i] &- UInt8(ascii: "0")
            if d >= 10 { break }
            v = v &* 10 &+ UInt64(d)
            i += 1
        }
        value = v
        return i
    }

    /// The number written by eight ASCII digits, first digit in the lowest byte.
    @inline(__always)
    static func eightDigits(_ word: UInt64) -> UInt64 {
        var w = word &- 0x3030_3030_3030_3030
        w = w &* 10 &+ (w >> 8)                      // pairs: 10 a + b in every other byte
        let pairs = w & 0x0000_00FF_0000_00FF, next = (w >> 16) & 0x0000_00FF_0000_00FF
        return (pairs &* (100 + (1_000_000 << 32)) &+ next &* (1 + (10_000 << 32))) >> 32
    }

    /// significand x 10^exponent, correctly rounded, or nil when neither method can decide it or the
    /// result is subnormal, infinite or zero.
    @inline(__always)
    static func scaled(_ significand: UInt64, byPowerOfTen exponent: Int) -> Double? {
        if let x = clinger(significand, byPowerOfTen: exponent) { return x }
        guard significand % 10 == 0 else { return eiselLemire(significand, byPowerOfTen: exponent) }
        // Trailing zeros ("2.048000000000000000e3"): without them the value may be exact by
        // Clinger's path, and Eisel-Lemire, whose table of negative powers is rounded down, cannot
        // settle values exactly on a double with the zeros left on.
        var w = significand, q = exponent
        while w % 10 == 0 && w != 0 { w /= 10; q += 1 }
        return clinger(w, byPowerOfTen: q) ?? eiselLemire(w, byPowerOfTen: q)
    }

    /// significand x 10^exponent by one exact multiplication or division, or nil outside its reach.
    @inline(__always)
    static func clinger(_ significand: UInt64, byPowerOfTen exponent: Int) -> Double? {
        guard significand <= 1 << 53 && exponent >= -22 && exponent <= 22 else { return nil }
        let w = Double(significand)
        return exponent >= 0 ? w * powersOfTen[exponent] : w / powersOfTen[-exponent]
    }

    /// significand x 10^exponent by Eisel-Lemire, or nil when the truncated product cannot settle the
    /// rounding or the result is not a normal double. The significand must not be zero.
    static func eiselLemire(_ significand: UInt64, byPowerOfTen exponent: Int) -> Double? {
        guard significand != 0, exponent >= smallestPowerOfTen, exponent <= largestPowerOfTen else { return nil }
        let row = 2 * (exponent - smallestPowerOfTen)
        let powerHigh = powersOfTen128[row], powerLow = powersOfTen128[row + 1]
        let shift = significand.leadingZeroBitCount
        let w = significand << shift
        // Biased binary exponent if the product's top bit is bit 127 (one less if it is bit 126).
        var binaryExponent = ((217_706 * exponent) >> 16) + 64 + 1023 - shift
        var (high, low) = w.multipliedFullWidth(by: powerHigh)
        // The 9 bits below the 54 kept ones all set, and the low word within w of carrying into
        // them: the table's low word may carry, so take it into account.
        if high & 0x1FF == 0x1FF && low &+ w < w {
            let (carry, lowest) = w.multipliedFullWidth(by: powerLow)
            let (mergedLow, overflow) = low.addingReportingOverflow(carry)
            let mergedHigh = high &+ (overflow ? 1 : 0)
            // Still all ones with the rest of 10^q (below the table's 128 bits) able to carry.
            if mergedHigh & 0x1FF == 0x1FF && mergedLow == .max && lowest &+ w < w { return nil }
            (high, low) = (mergedHigh, mergedLow)
        }
        let top = Int(high >> 63)
        var mantissa = high >> UInt64(9 + top)      // 54 bits: the double's 53 and a rounding bit
        binaryExponent -= 1 ^ top
        // Possibly exactly halfway between two doubles, where rounding to even must know the
        // exact value: leave it to strtod.
        if low == 0 && high & 0x1FF == 0 && mantissa & 3 == 1 { return nil }
        mantissa = (mantissa + (mantissa & 1)) >> 1
        if mantissa >> 53 != 0 {                    // rounded up to the next power of two
            mantissa >>= 1
            binaryExponent += 1
        }
        guard binaryExponent >= 1 && binaryExponent < 0x7FF else { return nil }
        return Double(bitPattern: UInt64(binaryExponent) << 52 | mantissa & (1 << 52 - 1))
    }
}
