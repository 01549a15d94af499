import CCairo
import Foundation
import OutputFiles

/// Cairo's PNG decoder and lossplot's PNG encoder (`PNGEncoding`, zlib) as the `PNGCoding` that
/// `lossplot diff` is given.
public struct CairoPNGCodec: PNGCoding {
    public init() {}

    public func decode(_ png: [UInt8]) throws -> PNGImage { try PNGImage(decoding: png) }

    public func encode(_ image: PNGImage) throws -> [UInt8] { try image.encoded() }
}

/// Decoding first reads the size the PNG declares and refuses, before anything is allocated, an
/// image over `PNGImage.maxPixels` or over Cairo's 32767 pixels a side: a small file can declare a
/// huge image (a 1.2 MB file of 20000x20000 took 10 s and 3.1 GB to decode).
extension PNGImage {
    /// Cairo's image surfaces are at most this many pixels wide and tall.
    public static let maxSide = 32767

    /// The width and height a PNG declares in its IHDR chunk, checked against the limits; reads
    /// 33 bytes and allocates nothing. Throws one line for bytes that are not a PNG, a damaged
    /// header, or an image too large to decode.
    public static func size(of bytes: [UInt8]) throws -> (width: Int, height: Int) {
        let signature = PNGEncoding.signature
        guard bytes.count >= signature.count, Array(bytes[0..<signature.count]) == signature else {
            throw PNGDecodingError(description: "not a PNG (no PNG signature)")
        }
        // The signature, then IHDR: length 13, "IHDR", width, height, 5 more bytes, CRC.
        guard bytes.count >= 33 else { throw PNGDecodingError(description: "corrupt PNG: it ends inside its header") }
        func word(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        guard word(8) == 13, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw PNGDecodingError(description: "corrupt PNG: it does not start with an IHDR chunk")
        }
        let crc = Array(bytes[12..<29]).withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32(0, $0.baseAddress, 17)) }
        guard crc == word(29) else { throw PNGDecodingError(description: "corrupt PNG: its IHDR chunk fails its CRC") }
        let width = Int(word(16)), height = Int(word(20))
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw PNGDecodingError(description: "corrupt PNG: it declares \(width)x\(height) pixels")
        }
        guard width <= maxSide, height <= maxSide else {
            throw PNGDecodingError(description: "PNG of \(width)x\(height) pixels: over \(maxSide) pixels a side, the most Cairo decodes")
        }
        guard width * height <= maxPixels else {
            throw PNGDecodingError(description: "PNG of \(width)x\(height) pixels (\(width * height)): over the limit of \(maxPixels) pixels")
        }
        try checkChunkLengths(bytes)
        return (width, height)
    }

    /// Every chunk's declared length fits in the bytes that follow it (up to IEND): libpng
    /// allocates a chunk's buffer from its declared length before reading it, so a 115-byte file
    /// declaring a 1.2 GB ancillary chunk made it allocate 1.2 GB (found by `make fuzz`).
    static func checkChunkLengths(_ bytes: [UInt8]) throws {
        var at = PNGEncoding.signature.count
        while at + 8 <= bytes.count {
            let length = bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[at + 4..<at + 8].map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
            guard length <= Int(Int32.max), length <= bytes.count - at - 12 else {
                throw PNGDecodingError(description: "corrupt PNG: chunk \(type) at byte \(at) declares \(length) bytes, past the end of the file")
            }
            if type == "IEND" { return }
            at += 12 + length
        }
    }

    /// Decodes PNG bytes with Cairo, after `size(of:)` has checked the size they declare.
    public init(decoding bytes: [UInt8]) throws {
        let declared = try Self.size(of: bytes)
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
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PNGDecodingError(description: "corrupt PNG: \(status == CAIRO_STATUS_READ_ERROR ? "it ends too early or its data is damaged" : String(cString: cairo_status_to_string(status)))")
        }
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard w == declared.width, h == declared.height, stride >= w * 4 else {
            throw PNGDecodingError(description: "corrupt PNG: decoded as \(w)x\(h) pixels, not the \(declared.width)x\(declared.height) it declares")
        }
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else {
            throw PNGDecodingError(description: "unsupported PNG pixel format")
        }
        guard let data = cairo_image_surface_get_data(surface) else { throw PNGDecodingError(description: "empty PNG") }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<w {
                let i = (y * w + x) * 4
                let v = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                let a = format == CAIRO_FORMAT_RGB24 ? 255 : Int(v >> 24)
                func unpremultiply(_ c: Int) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                out[i] = unpremultiply(Int((v >> 16) & 0xFF))
                out[i + 1] = unpremultiply(Int((v >> 8) & 0xFF))
                out[i + 2] = unpremultiply(Int(v & 0xFF))
                out[i + 3] = UInt8(a)
            }
        }
        try self.init(width: w, height: h, rgba: out)
    }
}

extension PNGImage {
    /// The image as PNG bytes.
    public func encoded() throws -> [UInt8] {
        try rgba.withUnsafeBufferPointer { try PNGEncoding.encode(pixels: $0, width: width, height: height, channels: 4) }
    }
}

extension ImageComparison {
    /// Compares two PNG files' bytes.
    public init(actual: [UInt8], expected: [UInt8]) throws {
        try self.init(actual: PNGImage(decoding: actual), expected: PNGImage(decoding: expected))
    }

    /// The diff image (`diffImage`) as PNG bytes.
    public func diffPNG() throws -> [UInt8] { try diffImage().encoded() }

    /// Compares `actual` PNG bytes with `expected`; on an RMS above `tolerance` writes the actual
    /// image and the diff image into `diffDirectory` and returns a message naming them (nil when
    /// the images agree).
    public static func check(actual: [UInt8], expected: [UInt8], tolerance: Double, name: String, diffDirectory: String) throws -> String? {
        let c = try ImageComparison(actual: actual, expected: expected)
        guard c.rms > tolerance else { return nil }
        try FileManager.default.createDirectory(atPath: diffDirectory, withIntermediateDirectories: true)
        let actualPath = "\(diffDirectory)/\(name)-actual.png", diffPath = "\(diffDirectory)/\(name)-diff.png"
        try OutputFile.write(actual, to: actualPath)
        try OutputFile.write(c.diffPNG(), to: diffPath)
        return String(format: "%@: RMS %.3f exceeds %.3f; actual %@, diff %@", name, c.rms, tolerance, actualPath, diffPath)
    }
}
