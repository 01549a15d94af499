@testable import CairoBackend
import Testing

/// Cairo's SVG ids renamed per chart, references and all, in one linear pass.
@Suite struct SVGDocumentTests {
    @Test func idsAndTheirReferencesAreRenamedInOrderOfAppearance() {
        let svg = """
        <svg><use xlink:href="#glyph3-7" x="1"/><g clip-path="url(#clip12)" fill="#ff0000">\
        <symbol id="glyph3-7"/><clipPath id="clip12"/><clipPath id="clip2"/></g>\
        <use xlink:href="#clip2"/><use xlink:href="#unknown"/></svg>
        """
        let out = SVGDocument.renameIds(svg, prefix: "c-")
        #expect(out == """
        <svg><use xlink:href="#c-glyph-1" x="1"/><g clip-path="url(#c-clip-1)" fill="#ff0000">\
        <symbol id="c-glyph-1"/><clipPath id="c-clip-1"/><clipPath id="c-clip-2"/></g>\
        <use xlink:href="#c-clip-2"/><use xlink:href="#unknown"/></svg>
        """)
    }
}
