import CCairo
@testable import LossPlotCairo
import LossPlotCharts
import Foundation
import Testing

/// Images cross the renderer protocol as `RasterImage`: RGBA bytes whose alpha convention is
/// stated, converted by the Cairo renderer to its premultiplied ARGB32.
@Suite struct RasterImageTests {
    @Test func sizesAndPremultipliedBytesAreChecked() {
        #expect(RasterImage(width: 1, height: 1, rgba: [1, 2, 3, 4], alpha: .straight) != nil)
        #expect(RasterImage(width: 2, height: 1, rgba: [1, 2, 3, 4], alpha: .straight) == nil, "too few bytes")
        #expect(RasterImage(width: 0, height: 1, rgba: [], alpha: .straight) == nil)
        #expect(RasterImage(width: Int.max, height: 2, rgba: [], alpha: .straight) == nil, "overflowing size")
        #expect(RasterImage(width: 1, height: 1, rgba: [200, 0, 0, 128], alpha: .premultiplied) == nil, "colour above alpha")
        #expect(RasterImage(width: 1, height: 1, rgba: [128, 0, 0, 128], alpha: .premultiplied) != nil)
    }

    @Test func premultiplyingRoundsEveryByteToNearest() throws {
        var bytes: [UInt8] = []
        for a in 0...255 { for c in stride(from: 0, through: 255, by: 5) { bytes += [UInt8(c), UInt8(255 - c), 255, UInt8(a)] } }
        let image = try #require(RasterImage(width: bytes.count / 4, height: 1, rgba: bytes, alpha: .straight))
        let p = image.premultiplied()
        #expect(p.alpha == .premultiplied)
        for i in stride(from: 0, to: bytes.count, by: 4) {
            let a = Double(bytes[i + 3])
            for c in 0..<3 { #expect(p.rgba[i + c] == UInt8((Double(bytes[i + c]) * a / 255).rounded()), "byte \(i + c)") }
            #expect(p.rgba[i + 3] == bytes[i + 3])
        }
        #expect(p.premultiplied() == p)
    }

    @Test func cairoTakesPremultipliedPixelsAsTheyAreAndGivesThemBack() throws {
        // Half-transparent red, opaque green, clear, a premultiplied grey: ARGB32 words and back.
        let rgba: [UInt8] = [128, 0, 0, 128, 0, 255, 0, 255, 0, 0, 0, 0, 10, 20, 30, 40]
        let image = try #require(RasterImage(width: 2, height: 2, rgba: rgba, alpha: .premultiplied))
        let words = CairoRenderer.argb32(image)
        #expect(words == [0x8080_0000, 0xFF00_FF00, 0, 0x280A_141E])
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 2, 2))
        defer { cairo_surface_destroy(surface) }
        let context = try #require(cairo_create(surface))
        CairoRenderer(context: context).drawImage(image, in: Rect(x: 0, y: 0, width: 2, height: 2), clip: nil)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        #expect(CairoRenderer.rasterImage(of: surface) == image)
    }

    @Test func aStraightImageIsDrawnAsItsPremultipliedForm() throws {
        let straight = try #require(RasterImage(width: 1, height: 1, rgba: [255, 0, 0, 128], alpha: .straight))
        #expect(CairoRenderer.argb32(straight) == [0x8080_0000])
    }
}
