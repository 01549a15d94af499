import Foundation

/// The page a chart is drawn for: light (the figure's own colours, as matplotlib draws them) or
/// dark (every colour moved to the other end of the lightness scale, hue and saturation kept).
///
/// The dark scheme is one function of a colour, so a chart drawn dark (`Figure.colorScheme`) and
/// a light chart recoloured by a stylesheet (the report's inline charts) agree colour for colour.
public enum ColorScheme: String, Sendable, CaseIterable {
    case light, dark

    /// The dark chart's background: what white becomes.
    public static let darkBackground = Color(hex: 0x1E2127)
    /// The dark chart's ink: what black becomes.
    public static let darkForeground = Color(hex: 0xE6E4DF)
    /// The least contrast a dark ink colour keeps against `darkBackground` (WCAG's 3:1 for
    /// graphics): a colour whose turned lightness falls short is lightened until it reaches it.
    public static let minimumContrast = 3.0

    /// What a colour paints: ink (a line, a marker's edge, text), which must stay visible on
    /// the dark background whatever its lightness, or a fill, which may be a pale box behind text
    /// and then turns dark.
    public enum Role: Sendable { case ink, fill }

    /// `color` as this scheme draws it (alpha kept). Greys run from `darkForeground` (black) to
    /// `darkBackground` (white); other colours keep hue and saturation with their lightness
    /// turned, pale fills (lightness over 0.6) turned deeper still so light text reads on them;
    /// ink, and fills darker than mid-grey (markers), are lightened until they have
    /// `minimumContrast` against the background.
    public func color(_ color: Color, role: Role = .fill) -> Color {
        guard self == .dark else { return color }
        let (h, s, l) = color.hsl
        let bg = Self.darkBackground, fg = Self.darkForeground
        if s < 0.05 {
            let t = 1 - l
            let grey = Color(red: bg.red + t * (fg.red - bg.red), green: bg.green + t * (fg.green - bg.green),
                             blue: bg.blue + t * (fg.blue - bg.blue), alpha: color.alpha)
            return role == .ink || l <= 0.6 ? Self.legible(grey, hue: nil) : grey
        }
        let low = bg.hsl.l, high = fg.hsl.l
        let pale = l > 0.6 && role == .fill
        let turned = low + (1 - l) * (high - low) * (pale ? 0.6 : 1)
        let out = Color(hue: h, saturation: s, lightness: turned, alpha: color.alpha)
        return pale ? out : Self.legible(out, hue: (h, s))
    }

    /// `c` lightened until it has `minimumContrast` against the dark background.
    static func legible(_ c: Color, hue: (Double, Double)?) -> Color {
        var out = c
        var (h, s, l) = c.hsl
        if let hue { (h, s) = hue }
        while out.contrast(against: darkBackground) < minimumContrast, l < 1 {
            l = min(1, l + 0.01)
            out = Color(hue: h, saturation: s, lightness: l, alpha: c.alpha)
        }
        return out
    }
}

extension Color {
    /// Hue (0..<1), saturation and lightness (0...1) of the HSL model.
    public var hsl: (h: Double, s: Double, l: Double) {
        let hi = max(red, green, blue), lo = min(red, green, blue)
        let l = (hi + lo) / 2
        guard hi > lo else { return (0, 0, l) }
        let d = hi - lo
        let s = l > 0.5 ? d / (2 - hi - lo) : d / (hi + lo)
        var h: Double
        if hi == red { h = (green - blue) / d + (green < blue ? 6 : 0) }
        else if hi == green { h = (blue - red) / d + 2 }
        else { h = (red - green) / d + 4 }
        h /= 6
        return (h, s, l)
    }

    /// A colour from hue (turns), saturation and lightness.
    public init(hue: Double, saturation: Double, lightness: Double, alpha: Double = 1) {
        let l = max(0, min(1, lightness)), s = max(0, min(1, saturation))
        guard s > 0 else { self.init(red: l, green: l, blue: l, alpha: alpha); return }
        let q = l < 0.5 ? l * (1 + s) : l + s - l * s
        let p = 2 * l - q
        func channel(_ t: Double) -> Double {
            var t = t
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1.0 / 6 { return p + (q - p) * 6 * t }
            if t < 0.5 { return q }
            if t < 2.0 / 3 { return p + (q - p) * (2.0 / 3 - t) * 6 }
            return p
        }
        self.init(red: channel(hue + 1.0 / 3), green: channel(hue), blue: channel(hue - 1.0 / 3), alpha: alpha)
    }

    /// WCAG 2 relative luminance of the opaque colour.
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio of the two opaque colours, 1...21.
    public func contrast(against other: Color) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
