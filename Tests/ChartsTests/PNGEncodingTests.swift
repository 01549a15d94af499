@testable import LossPlotCairo
import OutputFiles
import Testing

/// lossplot's own PNG writer: what it writes decodes to the same pixels.
@Suite struct PNGEncodingTests {
    /// A gradient with every alpha level, so filtering and straight alpha are both exercised.
    func pixels(width: Int, height: Int, opaque: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let a = opaque ? 255 : UInt8((x * 7 + y * 3) % 256)
                // Straight colours that survive Cairo's premultiplied decoding exactly.
                let c: (UInt8, UInt8, UInt8) = a == 0 ? (0, 0, 0) : (a, UInt8(x % 256) & a, UInt8(y % 256) & a)
                out += [c.0, c.1, c.2, a]
            }
        }
        return out
    }

    @Test(arguments: [true, false])
    func roundTripsThroughADecoder(opaque: Bool) throws {
        let (w, h) = (67, 41)
        let rgba = pixels(width: w, height: h, opaque: opaque)
        let png = try PNGImage(width: w, height: h, rgba: rgba).encoded()
        #expect(Array(png.prefix(8)) == PNGEncoding.signature)
        let decoded = try PNGImage(decoding: png)
        #expect(decoded.width == w && decoded.height == h)
        if opaque {
            #expect(decoded.rgba == rgba)
        } else {
            // Cairo decodes into premultiplied pixels: alpha survives exactly, colour to within
            // rounding where alpha is high enough for premultiplying to keep it.
            var worstColor = 0, worstAlpha = 0
            for i in stride(from: 0, to: rgba.count, by: 4) {
                worstAlpha = max(worstAlpha, abs(Int(decoded.rgba[i + 3]) - Int(rgba[i + 3])))
                guard rgba[i + 3] >= 128 else { continue }
                for k in 0..<3 { worstColor = max(worstColor, abs(Int(decoded.rgba[i + k]) - Int(rgba[i + k]))) }
            }
            #expect(worstAlpha == 0)
            #expect(worstColor <= 1)
        }
    }

    @Test func opaqueChartsAreWrittenAsRGB() throws {
        let png = try PNGImage(width: 3, height: 2, rgba: pixels(width: 3, height: 2, opaque: true)).encoded()
        // IHDR's colour type byte: 2 is RGB, 6 RGBA. PNGImage.encoded keeps its RGBA as given.
        #expect(png[25] == 6)
        let surfacePNG = try ChartEncoder.encode(.init(widthInches: 1, heightInches: 1, dpi: 20), as: .png)
        #expect(surfacePNG[25] == 2)
    }
}
