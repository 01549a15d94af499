/// Why PNG bytes could not be decoded, or pixels could not make an image.
public struct PNGDecodingError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

/// A PNG's pixels: its size and straight (not premultiplied) 8-bit RGBA, row-major. What a
/// `PNGCoding` decodes a PNG file into and encodes back, and what `ImageComparison` compares.
public struct PNGImage: Equatable, Sendable {
    /// The most pixels a decoded image may have: Pillow's limit (twice its `MAX_IMAGE_PIXELS`,
    /// where it raises `DecompressionBombError`), 716 MB as RGBA. lossplot's largest chart is
    /// 1400x1000 pixels at `--scale 1`, so reports up to `--scale 11` stay under it.
    public static let maxPixels = 178_956_970
    public let width: Int
    public let height: Int
    /// 4 bytes a pixel: red, green, blue, alpha.
    public let rgba: [UInt8]

    /// An image from straight 8-bit RGBA pixels, row-major: exactly `width * height * 4` bytes.
    public init(width: Int, height: Int, rgba: [UInt8]) throws {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard width > 0, height > 0, !overflow, pixels <= Int.max / 4, rgba.count == pixels * 4 else {
            throw PNGDecodingError(description: "\(rgba.count) bytes are not a \(width)x\(height) RGBA image")
        }
        self.width = width; self.height = height; self.rgba = rgba
    }
}

/// PNG files to pixels and back: what `lossplot diff` needs of an image library, so that it never
/// sees the library itself (the command line gives it Cairo's, `CairoPNGCodec`).
public protocol PNGCoding: Sendable {
    /// The pixels of PNG bytes. An image over `PNGImage.maxPixels` is refused before anything is
    /// allocated for it (a small file can declare a huge image); bytes that are not a PNG, or a
    /// damaged one, are refused too; each with one line.
    func decode(_ png: [UInt8]) throws -> PNGImage
    /// The image as PNG bytes.
    func encode(_ image: PNGImage) throws -> [UInt8]
}
