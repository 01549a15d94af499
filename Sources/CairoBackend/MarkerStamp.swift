import CCairo
import Charts
import Foundation

/// One marker rasterised once at device resolution, to be blended at many points of an image
/// surface: dense scatters cost a memory copy a point instead of a path fill.
///
/// Stamps exist for eight sub-pixel phases on each axis, so a marker lands within 1/16 pixel of
/// where a path fill would put it. Points whose stamp would cross the clip are left to the caller.
final class MarkerStamps {
    static let phases = 8
    let marker: Path
    let stroke: StrokeStyle?
    let fill: Color?
    /// Device pixels per figure point.
    let scale: Double
    /// Pixels from a stamp's top-left corner to the marker's centre (before the phase shift).
    let margin: Int
    let size: Int
    private var cache: [Int: [UInt32]] = [:]

    init?(marker: Path, stroke: StrokeStyle?, fill: Color?, scale: Double) {
        guard let b = marker.bounds, scale > 0 else { return nil }
        // Joins and caps of a stroke reach past the path by at most about a width and a half.
        let reach = (max(abs(b.minX), abs(b.maxX), abs(b.minY), abs(b.maxY)) + 1.5 * (stroke?.width ?? 0)) * scale
        let m = Int(reach.rounded(.up)) + 2
        guard m < 256 else { return nil }
        self.marker = marker; self.stroke = stroke; self.fill = fill; self.scale = scale
        margin = m
        size = 2 * m + 1
    }

    /// The premultiplied ARGB pixels of the stamp for sub-pixel phase (px, py), `size`² of them.
    func pixels(phaseX px: Int, phaseY py: Int) -> [UInt32] {
        let key = px * MarkerStamps.phases + py
        if let p = cache[key] { return p }
        var out = [UInt32](repeating: 0, count: size * size)
        if let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size), Int32(size)) {
            if let cr = cairo_create(surface) {
                let q = Double(MarkerStamps.phases)
                cairo_translate(cr, Double(margin) + Double(px) / q, Double(margin) + Double(py) / q)
                cairo_scale(cr, scale, scale)
                CairoRenderer(context: cr).drawPath(marker, stroke: stroke, fill: fill, clip: nil)
                cairo_destroy(cr)
            }
            cairo_surface_flush(surface)
            let stride = Int(cairo_image_surface_get_stride(surface))
            if let data = cairo_image_surface_get_data(surface) {
                for y in 0..<size {
                    let row = UnsafeRawPointer(data + y * stride)
                    for x in 0..<size { out[y * size + x] = row.load(fromByteOffset: x * 4, as: UInt32.self) }
                }
            }
            cairo_surface_destroy(surface)
        }
        cache[key] = out
        return out
    }

    /// Blends a stamp at each device point that lies with its whole stamp inside `clip` (device
    /// pixels, whole ones) of an ARGB32 image; returns the indices of the points it did not draw.
    func blend(_ devicePoints: [Point], into data: UnsafeMutablePointer<UInt8>, stride: Int, width: Int, height: Int,
               clip: (x0: Int, y0: Int, x1: Int, y1: Int)) -> [Int] {
        var skipped: [Int] = []
        let q = Double(MarkerStamps.phases)
        for (i, p) in devicePoints.enumerated() {
            guard p.x.isFinite, p.y.isFinite, abs(p.x) < 1e9, abs(p.y) < 1e9 else { continue }
            // The stamp's centre pixel holds the marker centre at (margin + phase/q); pixel centres are at +0.5.
            let fx = (p.x * q).rounded(), fy = (p.y * q).rounded()
            let n = MarkerStamps.phases
            let ix = Int((fx / q).rounded(.down)), iy = Int((fy / q).rounded(.down))
            let phx = Int(fx) - ix * n, phy = Int(fy) - iy * n
            let left = ix - margin, top = iy - margin
            guard left >= clip.x0, top >= clip.y0, left + size <= clip.x1, top + size <= clip.y1,
                  left >= 0, top >= 0, left + size <= width, top + size <= height else {
                skipped.append(i)
                continue
            }
            let stamp = pixels(phaseX: phx, phaseY: phy)
            stamp.withUnsafeBufferPointer { s in
                for y in 0..<size {
                    let row = UnsafeMutableRawPointer(data + (top + y) * stride + left * 4).assumingMemoryBound(to: UInt32.self)
                    let srow = y * size
                    for x in 0..<size {
                        let src = s[srow + x]
                        if src == 0 { continue }
                        let ia = 255 &- (src >> 24)
                        if ia == 0 { row[x] = src; continue }
                        let d = row[x]
                        var rb = (d & 0x00FF_00FF) &* ia &+ 0x0080_0080
                        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
                        var ag = ((d >> 8) & 0x00FF_00FF) &* ia &+ 0x0080_0080
                        ag = (ag &+ ((ag >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
                        row[x] = src &+ (rb | ag)
                    }
                }
            }
        }
        return skipped
    }
}
