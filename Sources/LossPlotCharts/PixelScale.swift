/// The pixel multiplier of raster output (2 for HiDPI): the layout stays in points, pixels grow.
///
/// Every writer of charts checks a multiplier here, so all accept the same ones.
public enum PixelScale {
    /// The largest multiplier: a 16x PNG of a 6.4-inch chart is 10240 pixels wide.
    public static let maximum = 16.0

    /// Refuses a multiplier that is not in (0, 16].
    public static func check(_ scale: Double) throws(PixelScaleError) {
        guard scale > 0, scale <= maximum else { throw PixelScaleError(scale: scale) }
    }
}

/// A pixel multiplier outside (0, 16]; the description says so without naming where it came from
/// ("must be in (0, 16], got 20.0"), for the caller to prefix.
public struct PixelScaleError: Error, Sendable, Equatable, CustomStringConvertible {
    public let scale: Double
    public var description: String { "must be in (0, \(Int(PixelScale.maximum))], got \(scale)" }
}
