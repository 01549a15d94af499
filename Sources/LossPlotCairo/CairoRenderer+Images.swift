import CCairo
import LossPlotCharts

/// Images: `RasterImage`s placed on the surface, converted to and from Cairo's ARGB32.
extension CairoRenderer {
    public func drawImage(_ image: RasterImage, in rect: Rect, clip: Rect?) {
        let width = image.width, height = image.height
        // Cairo's largest image side.
        guard width <= 32767, height <= 32767 else { return }
        var pixels = CairoRenderer.argb32(image)
        pixels.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width))
            guard stride == Int32(width * 4), let image = cairo_image_surface_create_for_data(base, CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), stride) else { return }
            defer { cairo_surface_destroy(image) }
            withClip(clip) {
                cairo_translate(cr, rect.x, rect.y)
                cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
                cairo_set_source_surface(cr, image, 0, 0)
                cairo_paint(cr)
            }
            cairo_surface_finish(image)
        }
    }

    /// `image` as Cairo's ARGB32: premultiplied, one native-endian word a pixel, alpha in the top byte.
    static func argb32(_ image: RasterImage) -> [UInt32] {
        let rgba = image.premultiplied().rgba
        return rgba.withUnsafeBufferPointer { p in
            (0..<(image.width * image.height)).map { i in
                UInt32(p[4 * i + 3]) << 24 | UInt32(p[4 * i]) << 16 | UInt32(p[4 * i + 1]) << 8 | UInt32(p[4 * i + 2])
            }
        }
    }

    /// The pixels of an ARGB32 image surface (flushed) as a premultiplied `RasterImage`; nil for
    /// another format or a surface without data.
    static func rasterImage(of surface: OpaquePointer) -> RasterImage? {
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32, let data = cairo_image_surface_get_data(surface) else { return nil }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard w > 0, h > 0, stride >= 4 * w else { return nil }
        var rgba = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<w {
                let v = row.load(fromByteOffset: x * 4, as: UInt32.self)
                let o = (y * w + x) * 4
                rgba[o] = UInt8(truncatingIfNeeded: v >> 16)
                rgba[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                rgba[o + 2] = UInt8(truncatingIfNeeded: v)
                rgba[o + 3] = UInt8(truncatingIfNeeded: v >> 24)
            }
        }
        return RasterImage(width: w, height: h, rgba: rgba, alpha: .premultiplied)
    }
}
