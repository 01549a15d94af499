import CCairo
import LossPlotCharts
import Testing
@testable import LossPlotCairo

/// Text is drawn and measured with faces resolved once, not with Cairo's toy faces, whose
/// resolution depends on which context (hinted or not) reaches text first.
@Suite struct FontFaceTests {
    @Test func dejaVuResolvesOnceToAFreeTypeFacePerWeight() throws {
        let regular = try #require(FontFaces.face(family: "DejaVu Sans", bold: false))
        let bold = try #require(FontFaces.face(family: "DejaVu Sans", bold: true))
        #expect(cairo_font_face_get_type(regular) == CAIRO_FONT_TYPE_FT)
        #expect(FontFaces.face(family: "DejaVu Sans", bold: false) == regular, "the same face every time")
        #expect(regular != bold)
    }

    @Test func theFirstTextMeasuredDoesNotDecideHowAllTextIsHinted() {
        // Two names fontconfig resolves to DejaVu Sans, unused elsewhere, so each is new to this
        // process. Debian's fontconfig turns hinting off for DejaVu below 7.5 pixels, and a toy
        // face kept the pixel size of the first text it met: first measured at 4 pt (5.6 px), a
        // face measured all later text unhinted. Resolved faces do not depend on that order.
        let text = "MSE карає великі помилки сильніше"
        let measurer = CairoTextMeasurer()
        let smallFirst = "Bitstream Vera Sans", normalFirst = "Arev Sans"
        _ = measurer.measureText(text, font: Font(size: 4, family: smallFirst))
        let a = measurer.measureText(text, font: Font(size: 10, family: smallFirst))
        let b = measurer.measureText(text, font: Font(size: 10, family: normalFirst))
        #expect(a == b)
    }
}
