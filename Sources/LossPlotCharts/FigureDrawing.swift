extension Figure {
    /// Draws the whole figure onto `renderer`: white page, suptitle, then each axes; a dark
    /// figure through a `ColorSchemeRenderer`, so every colour drawn is the scheme's.
    public func draw(on renderer: Renderer) {
        guard colorScheme == .light else {
            var light = self
            light.colorScheme = .light
            light.draw(on: ColorSchemeRenderer(renderer, scheme: colorScheme))
            return
        }
        let layout = FigureLayout(self, measurer: renderer)
        renderer.drawPath(.rectangle(Rect(x: 0, y: 0, width: size.width, height: size.height)), stroke: nil, fill: .white, clip: nil)
        if let s = suptitle, let frame = layout.suptitleFrame {
            renderer.group("suptitle") {
                TextBlock(s.text, font: s.font, measurer: renderer).draw(in: frame, alignment: .center, color: .black, renderer: renderer)
            }
        }
        if let legend = layout.legendLayout {
            renderer.group("figure legend") { legend.draw(on: renderer) }
        }
        for (i, placed) in layout.placed.enumerated() {
            renderer.group("axes \(i)") { AxesDrawing(placed, renderer: renderer, dpi: dpi).draw() }
        }
    }
}
