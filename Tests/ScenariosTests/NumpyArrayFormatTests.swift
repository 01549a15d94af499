@testable import Scenarios
import Testing

/// numpy's default array printing, against the document's lines and numpy-generated fixtures.
@Suite struct NumpyArrayFormatTests {
    @Test func documentsGradientLines() {
        #expect(NumpyArrayFormat().string([-0.25, 0.25, 0, 0.5]) == "[-0.25  0.25  0.    0.5 ]")
        #expect(NumpyArrayFormat().string([-0.25, 0.25, 0, 0.25]) == "[-0.25  0.25  0.    0.25]")
        let bce = [-0.2222222222222222, 0.2222222222222222, -0.25, -0.33333333333333337, 0.25]
        #expect(NumpyArrayFormat().string(bce) == "[-0.22222222  0.22222222 -0.25       -0.33333333  0.25      ]")
    }

    @Test func everyNumpyFixture() throws {
        let fixtures = try NumpyArrayCases.load()
        #expect(fixtures.cases.count >= 20)
        for c in fixtures.cases {
            #expect(c.doubles.count == c.values.count, "\(c.name): every value parses")
            #expect(NumpyArrayFormat().string(c.doubles) == c.printed, "\(c.name)")
        }
    }

    @Test func shortestDigitsOfAwkwardValues() {
        #expect(shortestDigits(0).digits == ["0"])
        #expect(shortestDigits(1e-5) == (["1"], -4))
        #expect(shortestDigits(12345.678).exponent == 5)
        #expect(positionalParts(-0.0, maxFraction: 8) == ("-0", ""))
        #expect(positionalParts(1e20, maxFraction: 8) == ("100000000000000000000", ""))
        #expect(scientificParts(123.456, maxFraction: 8) == ("1", "23456", 2))
    }
}
