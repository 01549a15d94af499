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

    /// `color` as this scheme draws it (alpha kept).
    public func color(_ color: Color) -> Color {
        guard self == .dark else { return color }
        let (h, s, l) = color.hsl
        let low = Self.darkBackground.hsl.l, high = Self.darkForeground.hsl.l
        var turned = low + (1 - l) * (high - low)
        var out = Color(hue: h, saturation: s, lightness: turned, alpha: color.alpha)
        // Ink (lines, text, markers: the colours darker than mid-grey on the light page) must stay
        // visible on the dark background; pale fills turn dark and are left there.
        if l <= 0.6 {
            while out.contrast(against: Self.darkBackground) < Self.minimumContrast, turned < 1 {
                turned = min(1, turned + 0.01)
                out = Color(hue: h, saturation: s, lightness: turned, alpha: color.alpha)
            }
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
