/// Pixels handed to a renderer, in no backend's format: `width` x `height` pixels, rows from the
/// top, each pixel four bytes in the order red, green, blue, alpha (8 bits a channel, sRGB, alpha
/// 255 opaque). Whether the colour bytes are already multiplied by alpha is `alpha`'s to say; a
/// backend converts to its own form (Cairo: premultiplied ARGB32 in native byte order).
public struct RasterImage: Equatable, Sendable {
    /// How the colour bytes relate to the alpha byte.
    public enum Alpha: Equatable, Sendable {
        /// Colour independent of alpha, as PNG stores it: (255, 0, 0, 128) is half-transparent red.
        case straight
        /// Colour already multiplied by alpha/255, as compositors blend it: half-transparent red is
        /// (128, 0, 0, 128), and no colour byte exceeds its alpha. Converting to this form and
        /// back loses nothing for a backend that works premultiplied.
        case premultiplied
    }

    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: R, G, B, A for each pixel, row by row from the top left.
    public let rgba: [UInt8]
    public let alpha: Alpha

    /// Nil unless both sides are positive, `rgba` holds exactly `width * height * 4` bytes, and (for
    /// premultiplied pixels) no colour byte exceeds its pixel's alpha.
    public init?(width: Int, height: Int, rgba: [UInt8], alpha: Alpha) {
        guard width > 0, height > 0 else { return nil }
        let (pixels, o1) = width.multipliedReportingOverflow(by: height)
        let (bytes, o2) = pixels.multipliedReportingOverflow(by: 4)
        guard !o1, !o2, rgba.count == bytes else { return nil }
        if alpha == .premultiplied {
            var valid = true
            rgba.withUnsafeBufferPointer { p in
                var i = 0
                while i < bytes {
                    let a = p[i + 3]
                    if p[i] > a || p[i + 1] > a || p[i + 2] > a { valid = false; break }
                    i += 4
                }
            }
            guard valid else { return nil }
        }
        self.width = width; self.height = height; self.rgba = rgba; self.alpha = alpha
    }

    /// The same pixels with premultiplied colour: each straight channel times alpha/255, rounded
    /// to nearest (exactly, in integers); premultiplied pixels come back unchanged.
    public func premultiplied() -> RasterImage {
        guard alpha == .straight else { return self }
        var out = rgba
        out.withUnsafeMutableBufferPointer { p in
            var i = 0
            while i < p.count {
                let a = UInt32(p[i + 3])
                for c in i..<(i + 3) { p[c] = RasterImage.multiply(UInt32(p[c]), a) }
                i += 4
            }
        }
        return RasterImage(unchecked: width, height, out, .premultiplied)
    }

    /// round(c * a / 255) for bytes c and a, without division.
    @inline(__always)
    static func multiply(_ c: UInt32, _ a: UInt32) -> UInt8 {
        let t = c * a + 128
        return UInt8(truncatingIfNeeded: (t + (t >> 8)) >> 8)
    }

    /// For pixels known valid (made here from valid ones).
    private init(unchecked width: Int, _ height: Int, _ rgba: [UInt8], _ alpha: Alpha) {
        self.width = width; self.height = height; self.rgba = rgba; self.alpha = alpha
    }
}
