@testable import Report
import Testing

/// The SVG a self-contained page inlines: styles as presentation attributes, geometry rounded to
/// hundredths, text untouched.
@Suite struct InlineSVGTests {
    @Test func geometryIsRoundedToHundredthsAndTextIsNot() throws {
        let svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg width="1296pt" viewBox="0 0 1296 432"><title id="t">δ = 13.456789, 0.000239931</title>
        <path style="fill:none;stroke-width:0.8;" d="M 123.058594 39.460938 L -0.004 -3.535396 C 1e-05 2.5e2 -1.999999 7 Z"/>
        <use xlink:href="#glyph-1" x="115.498636" y="332.797656"/>
        <g transform="matrix(1,0,0,1,12.345678,-5.675)"><rect x="3" y="4.1" width="10.123456"/></g>
        </svg>
        """
        let inline = try #require(InlineSVG.markup(svg))
        #expect(inline.contains("<path fill=\"none\" stroke-width=\"0.8\" d=\"M 123.06 39.46 L 0 -3.54 C 0 250 -2 7 Z\"/>"), "\(inline)")
        #expect(inline.contains("<use xlink:href=\"#glyph-1\" x=\"115.5\" y=\"332.8\"/>"))
        #expect(inline.contains("transform=\"matrix(1,0,0,1,12.35,-5.68)\"") || inline.contains("transform=\"matrix(1,0,0,1,12.35,-5.67)\""), "\(inline)")
        #expect(inline.contains("<rect x=\"3\" y=\"4.1\" width=\"10.123456\"/>"))
        #expect(inline.contains("<title id=\"t\">δ = 13.456789, 0.000239931</title>"))
        #expect(!inline.contains("<?xml"))
    }

    @Test func aStyleWithoutAPresentationAttributeIsNotInlined() {
        #expect(InlineSVG.markup("<svg><path style=\"mix-blend-mode:multiply\" d=\"M 0 0\"/></svg>") == nil)
    }
}
