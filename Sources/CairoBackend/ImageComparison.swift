import CCairo
import Foundation

/// Why two images could not be compared.
public struct ImageComparisonError: Error, CustomStringConvertible {
    public let description: String
}

/// Two images compared as matplotlib's `compare_images` does: the RMS over every colour channel
/// of the difference, on 0...255 (alpha counts only when an image is not fully opaque), and a
/// diff image (|difference| x 10, opaque) that shows where they differ.
public struct ImageComparison: Sendable {
    public let actual: PNGImage
    public let expected: PNGImage
    /// Root mean square of the per-channel differences, 0 for identical images.
    public let rms: Double

    public init(actual: PNGImage, expected: PNGImage) throws {
        guard actual.width == expected.width, actual.height == expected.height else {
            throw ImageComparisonError(description: "image sizes differ: \(actual.width)x\(actual.height) is not \(expected.width)x\(expected.height)")
        }
        self.actual = actual
        self.expected = expected
        let withAlpha = !ImageComparison.isOpaque(actual) || !ImageComparison.isOpaque(expected)
        var sum = 0.0
        let a = actual.rgba, e = expected.rgba
        for i in stride(from: 0, to: a.count, by: 4) {
            for c in 0..<(withAlpha ? 4 : 3) {
                let d = Double(a[i + c]) - Double(e[i + c])
                sum += d * d
            }
        }
        let channels = Double(actual.width * actual.height * (withAlpha ? 4 : 3))
        rms = channels > 0 ? (sum / channels).squareRoot() : 0
    }

    /// Compares two PNG files' bytes.
    public init(actual: [UInt8], expected: [UInt8]) throws {
        try self.init(actual: PNGImage(decoding: actual), expected: PNGImage(decoding: expected))
    }

    static func isOpaque(_ image: PNGImage) -> Bool {
        stride(from: 3, to: image.rgba.count, by: 4).allSatisfy { image.rgba[$0] == 255 }
    }

    /// The diff image as PNG bytes: each channel's |difference| times 10, clipped, fully opaque.
    public func diffPNG() throws -> [UInt8] {
        var rgba = [UInt8](repeating: 255, count: actual.rgba.count)
        for i in stride(from: 0, to: rgba.count, by: 4) {
            for c in 0..<3 {
                let d = abs(Int(actual.rgba[i + c]) - Int(expected.rgba[i + c]))
                rgba[i + c] = UInt8(min(255, d * 10))
            }
        }
        return try PNGImage(width: actual.width, height: actual.height, rgba: rgba).encoded()
    }

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

extension PNGImage {
    /// An image from straight 8-bit RGBA pixels, row-major.
    public init(width: Int, height: Int, rgba: [UInt8]) throws {
        guard width > 0, height > 0, rgba.count == width * height * 4 else {
            throw PNGDecodingError(description: "\(rgba.count) bytes are not a \(width)x\(height) RGBA image")
        }
        self.init(checkedWidth: width, height: height, rgba: rgba)
    }

    /// The image as PNG bytes (Cairo's encoder).
    public func encoded() throws -> [UInt8] {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw PNGDecodingError(description: "cairo could not create an image")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw PNGDecodingError(description: "cairo could not create a \(width)x\(height) image")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride)
            for x in 0..<width {
                let i = (y * width + x) * 4
                let a = UInt32(rgba[i + 3])
                func pre(_ c: UInt8) -> UInt32 { (UInt32(c) * a + 127) / 255 }
                row.storeBytes(of: a << 24 | pre(rgba[i]) << 16 | pre(rgba[i + 1]) << 8 | pre(rgba[i + 2]), toByteOffset: x * 4, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        let sink = ChartEncoder.ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ChartEncoder.writeToSink, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw PNGDecodingError(description: "cairo could not write the PNG") }
        return sink.bytes
    }
}
