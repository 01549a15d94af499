import CCairo
import Foundation
import Synchronization

/// Cairo font faces for a family and weight, resolved once and the same way for every context.
///
/// Cairo's "toy" faces (`cairo_select_font_face`) resolve their fontconfig pattern lazily, for the
/// pixel size and font options of the first text they meet, and keep that result for the rest of
/// the process (cairo 1.16's `resolved_font_face` cache). Debian's fontconfig turns hinting off
/// for DejaVu Sans below 7.5 pixels (`20-unhint-small-dejavu-sans.conf`), so a process whose first
/// measured text was small measured and drew everything after it unhinted, and layouts moved by
/// a pixel or two: the test suite failed one run in two, depending on which test measured first.
/// Here each face is resolved up front with no pixel size and the measuring options (hinted, as
/// matplotlib's Agg draws at any size), and every context selects that face.
enum FontFaces {
    /// Resolved faces by weight and family, kept for the process as Cairo keeps its toy faces.
    private static let faces = Mutex<[String: OpaquePointer]>([:])

    /// The face for `family` in `bold` or regular weight, nil when fontconfig finds nothing
    /// (the caller then falls back to Cairo's toy selection).
    static func face(family: String, bold: Bool) -> OpaquePointer? {
        let key = (bold ? "bold:" : "regular:") + family
        return faces.withLock { faces in
            if let face = faces[key] { return face }
            guard let face = resolve(family: family, bold: bold) else { return nil }
            faces[key] = face
            return face
        }
    }

    /// The steps of cairo-ft's lazy resolution, taken once and without a pixel size: the toy
    /// pattern (family, roman slant, medium or bold weight), fontconfig's substitutions, the
    /// measuring options, the defaults, the best match.
    private static func resolve(family: String, bold: Bool) -> OpaquePointer? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        let added = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) {
                FcPatternAddString(pattern, FC_FAMILY, $0)
            }
        }
        guard added != 0,
              FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN) != 0,
              FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_MEDIUM) != 0,
              FcConfigSubstitute(nil, pattern, FcMatchPattern) != 0 else { return nil }
        let options = CairoRenderer.measuringOptions()
        defer { cairo_font_options_destroy(options) }
        cairo_ft_font_options_substitute(options, pattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let match = FcFontMatch(nil, pattern, &result), result == FcResultMatch else { return nil }
        defer { FcPatternDestroy(match) }
        guard let face = cairo_ft_font_face_create_for_pattern(match),
              cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else { return nil }
        return face
    }
}
