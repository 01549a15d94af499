import Testing
@testable import DataFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CSV number parser against the C library's correctly rounded `strtod`, bit for bit.
@Suite struct DecimalParserTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: UInt64) -> UInt64 { next() % n }
    }

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
        // 2^53 + 1 lies exactly between two doubles: the extended-precision path must not answer.
        #expect(Self.fast("9007199254740993") == nil)
        #expect(Self.agrees("9007199254740993e-5"))
        #expect(Self.agrees("18014398509481986"))
        // Integers up to 19 digits are exact in 80 bits: one in 2048 is a halfway case.
        var rng = SplitMix(state: 3)
        var halfway = 0
        for _ in 0..<40_000 {
            let text = String(rng.below(10_000_000_000_000_000_000))
            if Self.fast(text) == nil { halfway += 1 }
            #expect(Self.agrees(text), "\(text)")
        }
        #expect(halfway > 0)
    }

    @Test func randomNumbersMatchStrtodBitForBit() {
        var rng = SplitMix(state: 42)
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
        // Most round-trip texts of random bit patterns have exponents far outside 10^±27; the
        // point here is agreement. Typical log values are covered by the next test.
        #expect(answered > total / 10)
    }

    @Test func typicalLogValuesAreAnsweredAndExact() {
        var rng = SplitMix(state: 7)
        for _ in 0..<60_000 {
            let u = Double(rng.next() >> 11) / Double(1 << 53)
            let x = (rng.below(2) == 0 ? 1 : -1) * (0.1 + 0.9 * u) * pow(10, Double(Int(rng.below(12)) - 6))
            for text in [x.description, String(format17: x)] {
                #expect(Self.fast(text) != nil, "\(text)")
                #expect(Self.agrees(text), "\(text)")
            }
        }
    }
}

extension String {
    /// `%.17g`, as numpy.savetxt writes floats.
    init(format17 x: Double) {
        var buffer = [CChar](repeating: 0, count: 40)
        _ = withVaList([x]) { vsnprintf(&buffer, 40, "%.17g", $0) }
        self = String(cString: buffer)
    }
}
