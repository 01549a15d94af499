/// Why two images could not be compared.
public struct ImageComparisonError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
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

    static func isOpaque(_ image: PNGImage) -> Bool {
        stride(from: 3, to: image.rgba.count, by: 4).allSatisfy { image.rgba[$0] == 255 }
    }

    /// The diff image: each colour channel's |difference| times 10, clipped, fully opaque.
    public func diffImage() throws -> PNGImage {
        var rgba = [UInt8](repeating: 255, count: actual.rgba.count)
        for i in stride(from: 0, to: rgba.count, by: 4) {
            for c in 0..<3 {
                let d = abs(Int(actual.rgba[i + c]) - Int(expected.rgba[i + c]))
                rgba[i + c] = UInt8(min(255, d * 10))
            }
        }
        return try PNGImage(width: actual.width, height: actual.height, rgba: rgba)
    }
}
