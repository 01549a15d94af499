import LossPlotCairo
import LossPlotCharts
import Testing

/// The dark scheme: white and black trade places with the page's own colours, ink stays legible.
@Suite struct ColorSchemeTests {
    @Test func whiteAndBlackBecomeTheDarkPagesColours() {
        let dark = ColorScheme.dark
        #expect(dark.color(.white).hexString == ColorScheme.darkBackground.hexString)
        #expect(dark.color(.black).hexString == ColorScheme.darkForeground.hexString)
        #expect(ColorScheme.light.color(Color(hex: 0x123456)) == Color(hex: 0x123456))
        #expect(dark.color(Color(hex: 0x1f77b4, alpha: 0.3)).alpha == 0.3)
    }

    @Test func everyInkColourKeepsThreeToOneOnTheDarkBackground() {
        // matplotlib's cycle, its named colours the guide uses, and pure blue (1.9:1 if only its
        // lightness were turned).
        let inks = Color.tab10 + ["blue", "red", "green", "purple", "navy", "darkred", "black", "gray"].compactMap { Color(matplotlib: $0) }
        for c in inks {
            let turned = ColorScheme.dark.color(c, role: .ink)
            #expect(turned.contrast(against: ColorScheme.darkBackground) >= ColorScheme.minimumContrast - 1e-9, "\(c.hexString) → \(turned.hexString)")
        }
    }

    @Test func paleFillsTurnDarkSoLightTextReadsOnThem() {
        for name in ["lightblue", "lightgreen", "lightcoral", "lightyellow", "lavender", "wheat"] {
            let fill = ColorScheme.dark.color(Color(matplotlib: name) ?? .white)
            #expect(fill.contrast(against: ColorScheme.darkForeground) >= 4.5, "\(name) → \(fill.hexString)")
        }
    }

    @Test func hslRoundTrips() {
        for hex: UInt32 in [0x000000, 0xffffff, 0x1f77b4, 0xd55e00, 0x808080, 0x00ff00] {
            let c = Color(hex: hex), (h, s, l) = c.hsl
            #expect(Color(hue: h, saturation: s, lightness: l).hexString == c.hexString)
        }
    }

    @Test func aDarkFigureDrawsOnlyTurnedColours() {
        var figure = Figure(widthInches: 3, heightInches: 2)
        figure.axes[0].plot(LineSeries(x: [0, 1], y: [0, 1], label: "a", color: Color(hex: 0x0000ff)))
        let light = RecordingRenderer(measuringWith: CairoTextMeasurer()), dark = RecordingRenderer(measuringWith: CairoTextMeasurer())
        figure.draw(on: light)
        figure.darkened().draw(on: dark)
        func colors(_ r: RecordingRenderer) -> [String] {
            r.records.flatMap { record -> [String] in
                switch record.item {
                case .path(_, let stroke, let fill): return [stroke?.color.hexString, fill?.hexString].compactMap { $0 }
                case .text(_, _, _, let color, _): return [color.hexString]
                default: return []
                }
            }
        }
        let before = colors(light), after = colors(dark)
        #expect(before.count == after.count && !before.isEmpty)
        #expect(after.count == before.count)
        #expect(after.contains(ColorScheme.darkBackground.hexString) && !after.contains("#ffffff"))
    }
}
