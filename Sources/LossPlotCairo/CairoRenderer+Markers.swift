import CCairo
import LossPlotCharts
import Foundation

/// Markers: stamped on image surfaces, one path each or (when the series asks) one image on
/// vector surfaces.
extension CairoRenderer {
    /// On an image surface, many markers are stamped (the same pixels as paths, faster); on a vector
    /// surface, `rasterized` markers become one image at `rasterScale` over the clip.
    public func drawMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?, rasterized: Bool) {
        guard !points.isEmpty else { return }
        if drawsOnImage {
            if points.count > 8, let left = stampMarkers(marker, at: points, stroke: stroke, fill: fill, clip: clip) {
                drawMarkerPaths(marker, at: left, stroke: stroke, fill: fill, clip: clip)
                return
            }
        } else if rasterized, let region = clip ?? rasterRegion(marker, at: points, stroke: stroke),
                  rasterizeMarkers(marker, at: points, stroke: stroke, fill: fill, clip: region) {
            return
        }
        drawMarkerPaths(marker, at: points, stroke: stroke, fill: fill, clip: clip)
    }

    /// Each marker as its own path: exact, and the only way on vector surfaces.
    func drawMarkerPaths(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?) {
        guard !points.isEmpty else { return }
        withClip(clip) {
            for p in points {
                cairo_save(cr)
                cairo_translate(cr, p.x, p.y)
                appendPath(marker)
                fillAndStroke(fill: fill, stroke: stroke)
                cairo_restore(cr)
            }
        }
    }

    /// Blends a pre-rendered stamp at every point of an image surface whose stamp fits inside the
    /// clip; returns the points left for paths (near the clip's edges), nil when it cannot stamp.
    func stampMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect?) -> [Point]? {
        let m = deviceMatrix
        guard m.xy == 0, m.yx == 0, m.xx > 0, m.xx == m.yy,
              let stamps = MarkerStamps(marker: marker, stroke: stroke, fill: fill, scale: m.xx) else { return nil }
        let target = cairo_get_target(cr)
        let format = cairo_image_surface_get_format(target)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else { return nil }
        cairo_surface_flush(target)
        guard let data = cairo_image_surface_get_data(target) else { return nil }
        let width = Int(cairo_image_surface_get_width(target)), height = Int(cairo_image_surface_get_height(target))
        let stride = Int(cairo_image_surface_get_stride(target))
        var box = (x0: 0, y0: 0, x1: width, y1: height)
        if let c = clip {
            // Whole device pixels inside the clip: stamps there need no clipping.
            box = (Int((c.minX * m.xx + m.x0).rounded(.up)), Int((c.minY * m.yy + m.y0).rounded(.up)),
                   Int((c.maxX * m.xx + m.x0).rounded(.down)), Int((c.maxY * m.yy + m.y0).rounded(.down)))
        }
        let device = points.map { Point($0.x * m.xx + m.x0, $0.y * m.yy + m.y0) }
        let skipped = stamps.blend(device, into: data, stride: stride, width: width, height: height, clip: box)
        cairo_surface_mark_dirty(target)
        return skipped.map { points[$0] }
    }

    /// Where unclipped rasterised markers go: all of them, with room for the joins and caps of their
    /// stroke (up to about one and a half widths past the path); nil for no finite extent.
    func rasterRegion(_ marker: Path, at points: [Point], stroke: StrokeStyle?) -> Rect? {
        guard let b = marker.bounds(stampedAt: points, stroke: stroke), b.minX.isFinite, b.minY.isFinite,
              b.width.isFinite, b.height.isFinite else { return nil }
        return b.insetBy(-(stroke?.width ?? 0))
    }

    /// Draws the markers into an image over `clip` and places that image: for vector surfaces.
    func rasterizeMarkers(_ marker: Path, at points: [Point], stroke: StrokeStyle?, fill: Color?, clip: Rect) -> Bool {
        let s = rasterScale
        let width = (clip.width * s).rounded(.up), height = (clip.height * s).rounded(.up)
        // Whole pixels, at most 16384 a side (so never a trap converting a huge or NaN extent).
        guard s > 0, width >= 1, height >= 1, width <= 16384, height <= 16384 else { return false }
        let w = Int(width), h = Int(height)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else { return false }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return false }
        cairo_scale(context, s, s)
        cairo_translate(context, -clip.x, -clip.y)
        CairoRenderer(context: context).drawMarkers(marker, at: points, stroke: stroke, fill: fill, clip: clip, rasterized: false)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let image = CairoRenderer.rasterImage(of: surface) else { return false }
        drawImage(image, in: Rect(x: clip.x, y: clip.y, width: Double(w) / s, height: Double(h) / s), clip: clip)
        return true
    }
}
