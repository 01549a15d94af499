/// DejaVu Sans's vertical metrics from its OS/2 table (typo ascender, descender and line gap),
/// as fractions of the font size; the same for the bold face. matplotlib lays text out with them.
public enum FontMetrics {
    public static let typoAscent = 1556.0 / 2048
    public static let typoDescent = 492.0 / 2048
    public static let typoLineGap = 410.0 / 2048
}

/// Several lines of text measured as one block, matplotlib's way (its `linespacing='normal'`):
/// each line is at least the font's typo ascent and descent tall (more when its glyphs reach
/// further), lines of a multi-line block get half the font's line gap above and below, and each
/// baseline sits the previous line's descent plus this line's ascent below the previous one.
struct TextBlock {
    let lines: [String]
    let font: Font
    let lineWidths: [Double]
    /// Each line's ascent and descent, line gap included.
    let lineAscents: [Double]
    let lineDescents: [Double]
    /// Each line's baseline, down from the top of the block.
    let baselines: [Double]

    init(_ text: String, font: Font, measurer: TextMeasurer) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.font = font
        let extents = lines.map { line -> TextExtents in
            line.isEmpty ? TextExtents(width: 0, ascent: FontMetrics.typoAscent * font.size, descent: FontMetrics.typoDescent * font.size)
                : measurer.measureText(line, font: font)
        }
        let gap = lines.count > 1 ? FontMetrics.typoLineGap * font.size / 2 : 0
        lineWidths = extents.map(\.width)
        lineAscents = extents.map { $0.ascent + gap }
        lineDescents = extents.map { $0.descent + gap }
        var y = 0.0
        var baselines: [Double] = []
        for i in lines.indices {
            y += lineAscents[i]
            baselines.append(y)
            y += lineDescents[i]
        }
        self.baselines = baselines
    }

    var width: Double { lineWidths.max() ?? 0 }
    /// From the top of the first line to the bottom of the last.
    var height: Double { (baselines.last ?? 0) + descent }
    /// From the top of the block to the first baseline.
    var ascent: Double { lineAscents.first ?? 0 }
    /// From the last baseline to the bottom of the block.
    var descent: Double { lineDescents.last ?? 0 }

    /// The block's rectangle when its last line's baseline starts at `origin` (left aligned).
    func frame(lastBaselineAt origin: Point) -> Rect {
        Rect(x: origin.x, y: origin.y - (baselines.last ?? 0), width: width, height: height)
    }

    /// Where line `i` starts along the block's width, aligned as `alignment` says.
    func lineStart(_ i: Int, alignment: TextAnchor.Horizontal) -> Double {
        switch alignment {
        case .left: return 0
        case .center: return (width - lineWidths[i]) / 2
        case .right: return width - lineWidths[i]
        }
    }

    /// Draws the block inside `frame`, each line aligned as `alignment` says.
    func draw(in frame: Rect, alignment: TextAnchor.Horizontal, color: Color, renderer: Renderer) {
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let origin = Point(frame.minX + lineStart(i, alignment: alignment), frame.minY + baselines[i])
            renderer.drawText(line, origin: origin, font: font, color: color, rotation: 0)
        }
    }

    /// Draws the block turned a quarter counter-clockwise inside `frame` (its top edge on the
    /// frame's left, as matplotlib's vertical y label), lines aligned as `alignment` says.
    func drawTurned(in frame: Rect, alignment: TextAnchor.Horizontal, color: Color, renderer: Renderer) {
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let origin = Point(frame.minX + baselines[i], frame.maxY - lineStart(i, alignment: alignment))
            renderer.drawText(line, origin: origin, font: font, color: color, rotation: Double.pi / 2)
        }
    }
}
