/// Several lines of text measured as one block, matplotlib's way (line spacing 1.2).
struct TextBlock {
    let lines: [String]
    let font: Font
    let lineWidths: [Double]
    let ascent: Double
    let descent: Double
    let lineStep: Double

    init(_ text: String, font: Font, renderer: Renderer) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.font = font
        let extents = lines.map { renderer.measureText($0, font: font) }
        lineWidths = extents.map(\.width)
        ascent = extents.first?.ascent ?? font.size * 0.76
        descent = extents.last?.descent ?? font.size * 0.24
        lineStep = font.size * 1.2
    }

    var width: Double { lineWidths.max() ?? 0 }
    /// From the top of the first line to the bottom of the last.
    var height: Double { ascent + descent + Double(lines.count - 1) * lineStep }

    /// The block's rectangle when its last line's baseline starts at `origin` (left aligned).
    func frame(lastBaselineAt origin: Point) -> Rect {
        let top = origin.y - Double(lines.count - 1) * lineStep - ascent
        return Rect(x: origin.x, y: top, width: width, height: height)
    }

    /// Draws the block inside `frame`, each line aligned as `alignment` says.
    func draw(in frame: Rect, alignment: TextAnchor.Horizontal, color: Color, renderer: Renderer) {
        for (i, line) in lines.enumerated() {
            let baseline = frame.minY + ascent + Double(i) * lineStep
            let x: Double
            switch alignment {
            case .left: x = frame.minX
            case .center: x = frame.midX - lineWidths[i] / 2
            case .right: x = frame.maxX - lineWidths[i]
            }
            renderer.drawText(line, origin: Point(x, baseline), font: font, color: color, rotation: 0)
        }
    }
}
