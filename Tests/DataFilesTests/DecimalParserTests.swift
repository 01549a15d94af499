import Testing
import TestSupport
@testable import DataFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CSV number parser against the C library's correctly rounded `strtod`, bit for bit.
@Suite struct DecimalParserTests {
    static func fast(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { b in
            b.baseAddress.flatMap { DecimalParser.parse($0, count: b.count) }
        }
    }

    static func reference(_ text: String) -> Double { strtod(text, nil) }

    /// Checks one text: when the fast parser answers, it must be strtod's answer to the bit.
    static func agrees(_ text: String) -> Bool {
        guard let x = fast(text) else { return true }
        return x.bitPattern == reference(text).bitPattern
    }

    @Test func commonFormsParseWithoutTheCLibrary() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", -0.0), ("1", 1), ("+2.5", 2.5), ("-0.125", -0.125), (".5", 0.5), ("5.", 5),
            ("1e3", 1000), ("1E-3", 0.001), ("2.5e+2", 250), ("0.000001", 1e-6),
            ("-0.55061412048339853", -0.55061412048339853), ("1.2345678901234567e-05", 1.2345678901234567e-05),
            ("9007199254740993", 9007199254740992), ("123456789012345678", 123456789012345680),
        ]
        for (text, value) in cases {
            let x = Self.fast(text) ?? Self.reference(text)
            #expect(x.bitPattern == value.bitPattern, "\(text)")
            #expect(Self.agrees(text), "\(text)")
        }
        #expect(Self.fast("0.1") == 0.1)
        #expect(Self.fast("-0")?.sign == .minus)
    }

    @Test func otherFormsAreLeftToStrtod() {
        for text in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "inf", "nan", "0x10",
                     "12345678901234567890", "1e400", "1e-400", "--1", "1e5x"] {
            #expect(Self.fast(text) == nil, "\(text)")
        }
    }

    @Test func exactHalfwayCasesAreLeftToStrtod() {
        // 2^53 + 1 lies exactly between two doubles: Eisel-Lemire must not answer.
        #expect(Self.fast("9007199254740993") == nil)
        #expect(Self.agrees("9007199254740993e-5"))
        #expect(Self.agrees("18014398509481986"))
        // Random integers up to 10^19 (mostly 62 or 63 bits) lie exactly halfway between two
        // doubles about once in every few hundred.
        var rng = SplitMix64(state: 3)
        var halfway = 0
        for _ in 0..<40_000 {
            let text = String(rng.below(10_000_000_000_000_000_000))
            if Self.fast(text) == nil { halfway += 1 }
            #expect(Self.agrees(text), "\(text)")
        }
        #expect(halfway > 0)
    }

    @Test func randomNumbersMatchStrtodBitForBit() {
        var rng = SplitMix64(state: 42)
        var answered = 0, total = 0
        for _ in 0..<60_000 {
            // Round-trip forms of random doubles (what numpy and pandas write)...
            let x = Double(bitPattern: rng.next())
            if x.isFinite {
                for text in [x.description, String(format17: x)] {
                    total += 1
                    if Self.fast(text) != nil { answered += 1 }
                    #expect(Self.agrees(text), "\(text)")
                }
            }
            // ...and random significands of 1 to 19 digits with exponents around the exact range.
            let digits = 1 + Int(rng.below(19))
            var text = rng.below(2) == 0 ? "" : "-"
            for k in 0..<digits { text.append(Character(Unicode.Scalar(UInt8(48 + rng.below(10))))); if k == 0 && rng.below(3) == 0 { text.append(".") } }
            text += "e\(Int(rng.below(70)) - 35)"
            total += 1
            if Self.fast(text) != nil { answered += 1 }
            #expect(Self.agrees(text), "\(text)")
        }
        // Round-trip texts of random bit patterns are mostly answered (all but subnormals and ties).
        #expect(answered > total * 9 / 10)
    }

    @Test func typicalLogValuesAreAnsweredAndExact() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<60_000 {
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            let x = (rng.below(2) == 0 ? 1 : -1) * (0.1 + 0.9 * u) * pow(10, Double(Int(rng.below(12)) - 6))
            for text in [x.description, String(format17: x)] {
                #expect(Self.fast(text) != nil, "\(text)")
                #expect(Self.agrees(text), "\(text)")
            }
        }
    }

    // MARK: Eisel-Lemire across its whole table, on bytes (no Strings: this runs 300k cases)

    /// Appends the decimal digits of `n`.
    static func append(_ n: UInt64, to text: inout [UInt8]) {
        var digits: [UInt8] = []
        var n = n
        repeat { digits.append(UInt8(48 + n % 10)); n /= 10 } while n != 0
        text.append(contentsOf: digits.reversed())
    }

    /// Appends `n` in decimal with its sign.
    static func append(_ n: Int, to text: inout [UInt8]) {
        if n < 0 { text.append(UInt8(ascii: "-")) }
        Self.append(UInt64(n.magnitude), to: &text)
    }

    /// What the fast parser and strtod make of one text.
    static func both(_ text: [UInt8]) -> (fast: Double?, strtod: Double) {
        let fast = text.withUnsafeBufferPointer { b in b.baseAddress.flatMap { DecimalParser.parse($0, count: b.count) } }
        let reference = (text + [0]).withUnsafeBufferPointer { b in
            b.baseAddress.map { p in p.withMemoryRebound(to: CChar.self, capacity: b.count) { strtod($0, nil) } } ?? .nan
        }
        return (fast, reference)
    }

    /// Tallies texts: every answer must be strtod's bits; counts the normal results left to strtod.
    struct Tally {
        var cases = 0, normal = 0, leftToStrtod = 0
        var mismatches: [String] = []
        mutating func check(_ text: [UInt8]) {
            let (fast, reference) = DecimalParserTests.both(text)
            cases += 1
            if let fast, fast.bitPattern != reference.bitPattern {
                mismatches.append("\(String(decoding: text, as: UTF8.self)): \(fast) vs \(reference)")
            }
            if reference.isNormal {
                normal += 1
                if fast == nil { leftToStrtod += 1 }
            }
        }
    }

    /// Random 19-, 18-, 17- and 16-digit significands (some ending in zeros), written as integers or
    /// with a point, with exponents across the table and a little past both ends.
    @Test func eiselLemireMatchesStrtodAcrossItsRange() {
        var rng = SplitMix64(state: 11)
        for digits in [19, 18, 17, 16] {
            var tally = Tally()
            let smallest = (0..<(digits - 1)).reduce(UInt64(1)) { p, _ in p * 10 }
            for _ in 0..<60_000 {
                var w = smallest + rng.below(9 * smallest)
                if rng.below(8) == 0 {
                    let zeros = (0..<rng.below(UInt64(digits - 1)) + 1).reduce(UInt64(1)) { p, _ in p * 10 }
                    w = w / zeros * zeros
                }
                let q = Int(rng.below(UInt64(DecimalParser.largestPowerOfTen - DecimalParser.smallestPowerOfTen + 41)))
                    + DecimalParser.smallestPowerOfTen - 20
                var text: [UInt8] = rng.below(2) == 0 ? [] : [UInt8(ascii: "-")]
                if rng.below(2) == 0 {
                    Self.append(w, to: &text)                            // 12345e-7
                } else {
                    var digitsOfW: [UInt8] = []
                    Self.append(w, to: &digitsOfW)                       // 1.2345e-3
                    text.append(digitsOfW[0]); text.append(UInt8(ascii: ".")); text += digitsOfW.dropFirst()
                }
                text.append(UInt8(ascii: rng.below(2) == 0 ? "e" : "E"))
                Self.append(text.contains(UInt8(ascii: ".")) ? q + digits - 1 : q, to: &text)
                tally.check(text)
            }
            #expect(tally.mismatches.isEmpty, "\(digits) digits: \(tally.mismatches.prefix(10))")
            // Left to strtod: ties and near-ties only, about 2^-54 of random inputs plus the
            // integers' exact ties (none here: every exponent is random).
            #expect(tally.leftToStrtod * 1000 < tally.normal, "\(digits) digits: \(tally.leftToStrtod) of \(tally.normal)")
            #expect(tally.normal > 50_000)
        }
    }

    /// Decimal texts as close as 19 digits get to the powers of two and to the midpoints between
    /// neighbouring doubles, the hardest inputs for rounding, over the whole normal range.
    @Test func valuesAroundPowersOfTwoAndMidpointsMatchStrtod() {
        var rng = SplitMix64(state: 13)
        var tally = Tally()
        for _ in 0..<12_000 {
            let binade = Int(rng.below(2046)) - 1022
            let x = rng.below(4) == 0 ? Double(sign: .plus, exponent: binade, significand: 1)
                : Double(sign: .plus, exponent: binade, significand: 1 + Double(rng.next() >> 12) * 0x1p-52)
            for y in [x.nextDown, x, x.nextUp] {
                for precision in [15, 16, 17, 18] { tally.check(Array(String(y, precision: precision).utf8)) }
            }
            #if (arch(i386) || arch(x86_64)) && !os(Windows) && !os(Android)
            // The midpoint is exact in 80 bits; 19 digits of it, and the texts one unit either side.
            let midpoint = (Float80(x) + Float80(x.nextUp)) / 2
            var digits = Array(String(midpoint, precision: 18).utf8)
            tally.check(digits)
            if let e = digits.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }), e > 2, digits[e - 1] != UInt8(ascii: "0"), digits[e - 1] != UInt8(ascii: "9") {
                digits[e - 1] -= 1; tally.check(digits)
                digits[e - 1] += 2; tally.check(digits)
            }
            #endif
        }
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.prefix(10))")
        #expect(tally.leftToStrtod * 100 < tally.normal, "\(tally.leftToStrtod) of \(tally.normal)")
    }

    /// Exact ties between two doubles that fit in 19 digits (o x 2^s with o odd and of 54 bits,
    /// written as w x 10^q for q in -4...23), and their neighbours w - 1 and w + 1.
    @Test func exactTiesAreLeftToStrtodAndTheirNeighboursAnswered() {
        var rng = SplitMix64(state: 17)
        var ties = Tally(), neighbours = Tally()
        let limit: UInt64 = 10_000_000_000_000_000_000
        for _ in 0..<20_000 {
            let q = Int(rng.below(28)) - 4
            let five = (0..<q.magnitude).reduce(UInt64(1)) { p, _ in p * 5 }
            // value = w x 10^q = o x 2^s: for q >= 0, o = r x 5^q and w = r x 2^(s-q); for q < 0,
            // w = o x 5^-q x 2^(s-q).
            var w: UInt64
            if q >= 0 {
                let base = max(1, (1 << 53) / five)      // 5^23 alone has 54 bits
                let r = (base + rng.below(base)) | 1
                guard r.multipliedReportingOverflow(by: five).partialValue >= 1 << 53,
                      r * five < 1 << 54 else { continue }
                w = r
            } else {
                let o = (1 << 53 + rng.below(1 << 53)) | 1
                let (product, overflow) = o.multipliedReportingOverflow(by: five)
                guard !overflow, product < limit else { continue }
                w = product
            }
            while w <= 1 << 53 || (w < limit / 2 && rng.below(3) != 0) { w <<= 1 }
            guard w < limit else { continue }
            for (delta, tally) in [(0, 0), (-1, 1), (1, 1)] as [(Int64, Int)] {
                var text: [UInt8] = []
                Self.append(w &+ UInt64(bitPattern: delta), to: &text)
                text.append(UInt8(ascii: "e"))
                Self.append(q, to: &text)
                if tally == 0 { ties.check(text) } else { neighbours.check(text) }
            }
        }
        #expect(ties.mismatches.isEmpty, "\(ties.mismatches.prefix(10))")
        #expect(neighbours.mismatches.isEmpty, "\(neighbours.mismatches.prefix(10))")
        #expect(ties.cases > 10_000)
        #expect(neighbours.leftToStrtod * 100 < neighbours.normal, "\(neighbours.leftToStrtod) of \(neighbours.normal)")
    }

    /// Inputs other parsers' test suites single out, and the ends of the double range.
    @Test func knownHardCasesMatchStrtod() {
        let cases = [
            "9007199254740993", "9007199254740992.5", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "2.2250738585072014e-308", "2.2250738585072009e-308", "4.4501477170144023e-308",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1.8e308",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "1e-400", "1e400",
            "7.3177701707893310e+15", "7.2057594037927933e+16", "1.2999999999999999e+154", "1e23",
            "8.98846567431158e307", "9999999999999999999", "9999999999999999999e-342", "1e-342",
            "1000000000000000000e-361", "1e308", "1e-308", "1e-307", "3.0286208942000664e-69",
            "-2.97851206854973e-75", "0.1", "0.2", "0.3", "1e-22", "1e-23", "1.000000000000000000e22",
            "5e-324", "2.5e-324", "123456789012345678e290", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "1152921504606846976", "1152921504606846977", "1152921504606847105",
        ]
        // Exact ties, and values whose truncated product sits on a boundary (Go's strconv and
        // fast_double_parser bail out on these too).
        let ties: Set = ["9007199254740993", "1e23", "7.3177701707893310e+15", "9007199254740992.5"]
        for text in cases {
            let (fast, reference) = Self.both(Array(text.utf8))
            #expect(fast == nil || fast?.bitPattern == reference.bitPattern, "\(text)")
            if reference.isNormal && text.filter(\.isNumber).count <= 19 && !ties.contains(text) {
                #expect(fast != nil, "\(text) is normal and short: Eisel-Lemire should answer")
            }
        }
        #expect(Self.fast("1.7976931348623157e308") == .greatestFiniteMagnitude)
        #expect(Self.fast("2.2250738585072014e-308") == .leastNormalMagnitude)
        #expect(Self.fast("4.9406564584124654e-324") == nil)    // subnormal: strtod's
        #expect(Self.fast("1.7976931348623159e308") == nil)     // overflow: strtod's
    }

    /// Arbitrary bytes never trap, and whatever is answered is strtod's reading of all of them.
    @Test func randomBytesNeverTrap() {
        var rng = SplitMix64(state: 19)
        let alphabet = Array("0123456789012345678901234567890123456789..eE+-x ,\u{0}".utf8)
        var mismatches: [String] = []
        for _ in 0..<40_000 {
            let length = Int(rng.below(40))
            let text = (0..<length).map { _ in rng.below(8) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.below(UInt64(alphabet.count)))] }
            let (fast, reference) = Self.both(text)
            if let fast, fast.bitPattern != reference.bitPattern { mismatches.append(String(decoding: text, as: UTF8.self)) }
            _ = text.withUnsafeBufferPointer { b in b.baseAddress.map { DecimalParser.scan($0, limit: b.count) } }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        // Every significand and exponent the scanner can hand over.
        for q in [Int.min / 2, -100_000, -343, -342, -341, -325, -324, -1, 0, 1, 308, 309, 100_000, Int.max / 2] {
            for w: UInt64 in [1, 2, 9, 10, 1 << 53, 1 << 53 + 1, 1 << 63, .max - 1, .max] {
                _ = DecimalParser.scaled(w, byPowerOfTen: q)
            }
        }
    }
}

extension String {
    /// The text of a NUL-terminated C buffer, up to its first NUL.
    init(cCharacters buffer: [CChar]) {
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `%.<precision>e` of a double: that many digits after the first.
    init(_ x: Double, precision: Int) {
        var buffer = [CChar](repeating: 0, count: 48)
        _ = withVaList([x]) { vsnprintf(&buffer, 48, "%.\(precision)e", $0) }
        self = String(cCharacters: buffer)
    }

    #if (arch(i386) || arch(x86_64)) && !os(Windows) && !os(Android)
    /// `%.<precision>Le` of an 80-bit value.
    init(_ x: Float80, precision: Int) {
        var buffer = [CChar](repeating: 0, count: 48)
        _ = withVaList([x]) { vsnprintf(&buffer, 48, "%.\(precision)Le", $0) }
        self = String(cCharacters: buffer)
    }
    #endif

    /// `%.17g`, as numpy.savetxt writes floats.
    init(format17 x: Double) {
        var buffer = [CChar](repeating: 0, count: 40)
        _ = withVaList([x]) { vsnprintf(&buffer, 40, "%.17g", $0) }
        self = String(cCharacters: buffer)
    }
}
