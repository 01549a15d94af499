/// An sRGB colour with alpha, components in 0...1.
public struct Color: Equatable, Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from a 0xRRGGBB value.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// A grey level, 0 black to 1 white (matplotlib's "0.8" colours).
    public init(gray: Double, alpha: Double = 1) { self.init(red: gray, green: gray, blue: gray, alpha: alpha) }

    /// The same colour with its alpha multiplied by `a` (matplotlib's `alpha=` on an artist).
    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha * a) }

    /// `#rrggbb`, for CSS and SVG.
    public var hexString: String {
        func byte(_ v: Double) -> String {
            let b = Int((max(0, min(1, v)) * 255).rounded())
            let s = String(b, radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)

    /// matplotlib's default property cycle, "tab10".
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// The colour of the n-th series that names none, as matplotlib cycles them.
    public static func cycle(_ n: Int) -> Color { tab10[((n % tab10.count) + tab10.count) % tab10.count] }

    /// A colour from a matplotlib colour spec: a single letter ("k", "g"), a CSS4 name ("lightblue"),
    /// a "tab:" name, a grey level ("0.8") or "#rrggbb". Nil when it is none of these.
    public init?(matplotlib spec: String) {
        let s = spec.lowercased()
        if let c = Color.named[s] { self = c; return }
        if s.hasPrefix("#"), s.count == 7, let v = UInt32(s.dropFirst(), radix: 16) { self.init(hex: v); return }
        if let g = Double(s), g >= 0, g <= 1 { self.init(gray: g); return }
        return nil
    }

    /// The names matplotlib accepts that the document and common plots use.
    public static let named: [String: Color] = {
        var m: [String: Color] = [
            "b": Color(red: 0, green: 0, blue: 1), "g": Color(red: 0, green: 0.5, blue: 0),
            "r": Color(red: 1, green: 0, blue: 0), "c": Color(red: 0, green: 0.75, blue: 0.75),
            "m": Color(red: 0.75, green: 0, blue: 0.75), "y": Color(red: 0.75, green: 0.75, blue: 0),
            "k": Color(red: 0, green: 0, blue: 0), "w": Color(red: 1, green: 1, blue: 1),
        ]
        let css: [(String, UInt32)] = [
            ("black", 0x000000), ("white", 0xFFFFFF), ("blue", 0x0000FF), ("red", 0xFF0000),
            ("green", 0x008000), ("orange", 0xFFA500), ("purple", 0x800080), ("brown", 0xA52A2A),
            ("pink", 0xFFC0CB), ("gray", 0x808080), ("grey", 0x808080), ("olive", 0x808000),
            ("cyan", 0x00FFFF), ("magenta", 0xFF00FF), ("yellow", 0xFFFF00), ("navy", 0x000080),
            ("teal", 0x008080), ("lime", 0x00FF00), ("maroon", 0x800000), ("gold", 0xFFD700),
            ("lightblue", 0xADD8E6), ("lightgreen", 0x90EE90), ("lightcoral", 0xF08080),
            ("lightgray", 0xD3D3D3), ("lightgrey", 0xD3D3D3), ("lightyellow", 0xFFFFE0),
            ("lightpink", 0xFFB6C1), ("lightsalmon", 0xFFA07A), ("lightskyblue", 0x87CEFA),
            ("darkblue", 0x00008B), ("darkgreen", 0x006400), ("darkred", 0x8B0000),
            ("darkorange", 0xFF8C00), ("darkgray", 0xA9A9A9), ("darkgrey", 0xA9A9A9),
            ("steelblue", 0x4682B4), ("skyblue", 0x87CEEB), ("coral", 0xFF7F50), ("salmon", 0xFA8072),
            ("crimson", 0xDC143C), ("tomato", 0xFF6347), ("forestgreen", 0x228B22),
            ("seagreen", 0x2E8B57), ("limegreen", 0x32CD32), ("royalblue", 0x4169E1),
            ("dodgerblue", 0x1E90FF), ("indigo", 0x4B0082), ("violet", 0xEE82EE),
            ("orchid", 0xDA70D6), ("tan", 0xD2B48C), ("silver", 0xC0C0C0), ("wheat", 0xF5DEB3),
            ("whitesmoke", 0xF5F5F5), ("gainsboro", 0xDCDCDC), ("dimgray", 0x696969),
            ("slategray", 0x708090), ("khaki", 0xF0E68C), ("turquoise", 0x40E0D0),
            ("tab:blue", 0x1f77b4), ("tab:orange", 0xff7f0e), ("tab:green", 0x2ca02c),
            ("tab:red", 0xd62728), ("tab:purple", 0x9467bd), ("tab:brown", 0x8c564b),
            ("tab:pink", 0xe377c2), ("tab:gray", 0x7f7f7f), ("tab:grey", 0x7f7f7f),
            ("tab:olive", 0xbcbd22), ("tab:cyan", 0x17becf),
        ]
        for (name, hex) in css { m[name] = Color(hex: hex) }
        return m
    }()
}
