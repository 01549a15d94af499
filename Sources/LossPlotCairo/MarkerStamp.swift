import CCairo
import LossPlotCharts
import Foundation

/// One marker rasterised once at device resolution, to be blended at many points of an image
/// surface: dense scatters cost a few pixel blends a point instead of a path fill.
///
/// Stamps exist for eight sub-pixel phases on each axis, so a marker lands within 1/16 pixel of
/// where a path fill would put it. Points whose stamp would cross the clip are left to the caller.
/// Each stamp row keeps the span of its covered pixels: a stamp is mostly empty margin (a 3-pixel
/// dot in an 11-pixel square), and only the span is visited.
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
    /// Premultiplied ARGB of every phase's stamp, `size`² each, phase-major; filled on first use.
    private var pixels: [UInt32]
    /// For each phase and row, the covered columns as [start, end); empty rows have start == end.
    private var spans: [Int32]
    private var rendered: [Bool]

    init?(marker: Path, stroke: StrokeStyle?, fill: Color?, scale: Double) {
        guard let b = marker.bounds, scale > 0 else { return nil }
        // Joins and caps of a stroke reach past the path by at most about a width and a half.
        let reach = (max(abs(b.minX), abs(b.maxX), abs(b.minY), abs(b.maxY)) + 1.5 * (stroke?.width ?? 0)) * scale
        let m = Int(reach.rounded(.up)) + 2
        guard m < 256 else { return nil }
        self.marker = marker; self.stroke = stroke; self.fill = fill; self.scale = scale
        margin = m
        size = 2 * m + 1
        let count = MarkerStamps.phases * MarkerStamps.phases
        pixels = [UInt32](repeating: 0, count: count * size * size)
        spans = [Int32](repeating: 0, count: count * size * 2)
        rendered = [Bool](repeating: false, count: count)
    }

    /// Rasterises one phase's stamp with Cairo and records its rows' spans (once).
    private func render(_ phase: Int) {
        guard !rendered[phase] else { return }
        rendered[phase] = true
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size), Int32(size)) else { return }
        defer { cairo_surface_destroy(surface) }
        if let cr = cairo_create(surface) {
            let q = Double(MarkerStamps.phases)
            let (px, py) = phase.quotientAndRemainder(dividingBy: MarkerStamps.phases)
            cairo_translate(cr, Double(margin) + Double(px) / q, Double(margin) + Double(py) / q)
            cairo_scale(cr, scale, scale)
            CairoRenderer(context: cr).drawPath(marker, stroke: stroke, fill: fill, clip: nil)
            cairo_destroy(cr)
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let base = phase * size * size
        for y in 0..<size {
            let row = UnsafeRawPointer(data + y * stride)
            var first = size, last = -1
            for x in 0..<size {
                let value = row.load(fromByteOffset: x * 4, as: UInt32.self)
                pixels[base + y * size + x] = value
                if value != 0 { first = min(first, x); last = x }
            }
            let span = (phase * size + y) * 2
            spans[span] = Int32(last < 0 ? 0 : first)
            spans[span + 1] = Int32(last + 1)
        }
    }

    /// Where a device point's stamp goes: its phase and top-left pixel, nil for non-finite or far points.
    @inline(__always)
    private func placement(_ p: Point) -> (phase: Int, left: Int, top: Int)? {
        guard p.x.isFinite, p.y.isFinite, abs(p.x) < 1e9, abs(p.y) < 1e9 else { return nil }
        // The stamp's centre pixel holds the marker centre at (margin + phase/q); pixel centres are at +0.5.
        let n = MarkerStamps.phases, q = Double(n)
        let fx = Int((p.x * q).rounded()), fy = Int((p.y * q).rounded())
        let ix = fx >= 0 ? fx / n : -((n - 1 - fx) / n), iy = fy >= 0 ? fy / n : -((n - 1 - fy) / n)  // floor
        return ((fx - ix * n) * n + (fy - iy * n), ix - margin, iy - margin)
    }

    /// Blends a stamp at each device point that lies with its whole stamp inside `clip` (device
    /// pixels, whole ones) of an ARGB32 image, in the points' order; returns the indices of the
    /// points it did not draw.
    func blend(_ devicePoints: [Point], into data: UnsafeMutablePointer<UInt8>, stride: Int, width: Int, height: Int,
               clip: (x0: Int, y0: Int, x1: Int, y1: Int)) -> [Int] {
        let x0 = max(clip.x0, 0), y0 = max(clip.y0, 0), x1 = min(clip.x1, width) - size, y1 = min(clip.y1, height) - size
        var skipped: [Int] = []
        var placed: [Placement] = []
        placed.reserveCapacity(devicePoints.count)
        for (i, p) in devicePoints.enumerated() {
            guard let at = placement(p) else { continue }
            guard at.left >= x0, at.top >= y0, at.left <= x1, at.top <= y1 else { skipped.append(i); continue }
            render(at.phase)
            placed.append(Placement(phase: Int32(at.phase), left: Int32(at.left), top: Int32(at.top)))
        }
        let size = size, rowStep = stride / 4
        pixels.withUnsafeBufferPointer { stamps in
            spans.withUnsafeBufferPointer { spans in
                for at in placed {
                    var source = Int(at.phase) * size * size
                    var span = Int(at.phase) * size * 2
                    var row = UnsafeMutableRawPointer(data + Int(at.top) * stride + Int(at.left) * 4)
                        .assumingMemoryBound(to: UInt32.self)
                    for _ in 0..<size {
                        var x = Int(spans[span])
                        let end = Int(spans[span + 1])
                        while x < end {
                            row[x] = MarkerStamps.over(stamps[source + x], row[x])
                            x += 1
                        }
                        source += size
                        span += 2
                        row += rowStep
                    }
                }
            }
        }
        return skipped
    }

    /// Where one point's stamp goes, kept between the pass that renders the phases it needs and the
    /// pass that blends.
    private struct Placement {
        let phase: Int32
        let left: Int32
        let top: Int32
    }

    /// Porter-Duff "over" on premultiplied ARGB32: src + dst * (1 - src alpha), rounded as Cairo does.
    @inline(__always)
    static func over(_ src: UInt32, _ dst: UInt32) -> UInt32 {
        let ia = 255 &- (src >> 24)
        if ia == 0 { return src }
        if ia == 255 { return src &+ dst }
        var rb = (dst & 0x00FF_00FF) &* ia &+ 0x0080_0080
        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var ag = ((dst >> 8) & 0x00FF_00FF) &* ia &+ 0x0080_0080
        ag = (ag &+ ((ag >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
        return src &+ (rb | ag)
    }
}
