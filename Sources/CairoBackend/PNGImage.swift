import CCairo

/// Why PNG bytes could not be decoded.
public struct PNGDecodingError: Error, CustomStringConvertible {
    public let description: String
}

/// A decoded PNG: size and straight (not premultiplied) 8-bit RGBA pixels, row-major.
public struct PNGImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// 4 bytes a pixel: red, green, blue, alpha.
    public let rgba: [UInt8]

    init(checkedWidth width: Int, height: Int, rgba: [UInt8]) {
        self.width = width; self.height = height; self.rgba = rgba
    }

    /// Decodes PNG bytes with Cairo.
    public init(decoding bytes: [UInt8]) throws {
        final class Source { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let source = Source(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            s.bytes.withUnsafeBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
                data.update(from: base + s.offset, count: n)
            }
            s.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque()) else {
            throw PNGDecodingError(description: "not a PNG")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PNGDecodingError(description: "not a readable PNG")
        }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw PNGDecodingError(description: "empty PNG") }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<w {
                let i = (y * w + x) * 4
                if format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 {
                    let v = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                    let a = format == CAIRO_FORMAT_RGB24 ? 255 : Int(v >> 24)
                    func unpremultiply(_ c: Int) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                    out[i] = unpremultiply(Int((v >> 16) & 0xFF))
                    out[i + 1] = unpremultiply(Int((v >> 8) & 0xFF))
                    out[i + 2] = unpremultiply(Int(v & 0xFF))
                    out[i + 3] = UInt8(a)
                } else {
                    throw PNGDecodingError(description: "unsupported PNG pixel format")
                }
            }
        }
        width = w; height = h; rgba = out
    }
}
