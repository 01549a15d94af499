/// Draws onto another renderer with every colour moved into a `ColorScheme` (stroke, fill, text
/// and image pixels), so a figure's drawing code knows only its own colours. `Figure.draw(on:)`
/// puts one in front of the backend for a dark figure.
final class ColorSchemeRenderer: Renderer {
    let base: Renderer
    let scheme: ColorScheme

    init(_ base: Renderer, scheme: ColorScheme) {
        self.base = base
        self.scheme = scheme
    }

    func measureText(_ text: String, font: Font) -> TextExtents { base.measureText(text, font: font) }

    func drawPath(_ path: Path, stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        base.drawPath(path, stroke: stroke.map(restyled), fill: fill.map { scheme.color($0) }, clip: clip)
    }

    func drawText(_ text: String, origin: Point, font: Font, color: Color, rotation: Double) {
        base.drawText(text, origin: origin, font: font, color: scheme.color(color, role: .ink), rotation: rotation)
    }

    func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?, rasterized: Bool) {
        base.drawMarkers(marker, at: points, stroke: stroke.map(restyled), fill: fill.map { scheme.color($0) }, clip: clip, rasterized: rasterized)
    }

    func drawImage(_ image: RasterImage, in rect: Rect, clip: Rect?) {
        base.drawImage(recolored(image) ?? image, in: rect, clip: clip)
    }

    func beginGroup(_ name: String) { base.beginGroup(name) }
    func endGroup() { base.endGroup() }

    private func restyled(_ style: StrokeStyle) -> StrokeStyle {
        var s = style
        s.color = scheme.color(style.color, role: .ink)
        return s
    }

    /// The image with each pixel's colour moved (alpha kept); straight alpha, since the mapping
    /// is of colours, not of premultiplied values.
    private func recolored(_ image: RasterImage) -> RasterImage? {
        var cache: [UInt32: (UInt8, UInt8, UInt8)] = [:]
        var out = image.rgba
        var i = 0
        while i + 3 < out.count {
            let a = out[i + 3]
            var r = out[i], g = out[i + 1], b = out[i + 2]
            if image.alpha == .premultiplied {
                guard a > 0 else { i += 4; continue }
                r = UInt8(min(255, (Int(r) * 255 + Int(a) / 2) / Int(a)))
                g = UInt8(min(255, (Int(g) * 255 + Int(a) / 2) / Int(a)))
                b = UInt8(min(255, (Int(b) * 255 + Int(a) / 2) / Int(a)))
            }
            let key = UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
            let mapped: (UInt8, UInt8, UInt8)
            if let hit = cache[key] {
                mapped = hit
            } else {
                let c = scheme.color(Color(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255))
                func byte(_ v: Double) -> UInt8 { UInt8((max(0, min(1, v)) * 255).rounded()) }
                mapped = (byte(c.red), byte(c.green), byte(c.blue))
                cache[key] = mapped
            }
            out[i] = mapped.0; out[i + 1] = mapped.1; out[i + 2] = mapped.2
            i += 4
        }
        return RasterImage(width: image.width, height: image.height, rgba: out, alpha: .straight)
    }
}
