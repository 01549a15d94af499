import LossPlotCharts

/// One rendering of a chart the page serves: wide or narrow (`NarrowLayout`), light or dark
/// (`ColorScheme`). The wide light one is the figure as built (the guide's look, and the one
/// offered for download); the others are for phones and dark pages, chosen by the browser through
/// `<picture>` media queries.
struct ChartVariant: Hashable, Sendable, CaseIterable {
    var narrow: Bool
    var dark: Bool

    static let wide = ChartVariant(narrow: false, dark: false)
    static let allCases: [ChartVariant] = [
        .wide, ChartVariant(narrow: false, dark: true), ChartVariant(narrow: true, dark: false), ChartVariant(narrow: true, dark: true),
    ]

    /// The part of the file name after the chart's id ("" for the wide light one).
    var suffix: String {
        switch (narrow, dark) {
        case (false, false): return ""
        case (false, true): return ".dark"
        case (true, false): return ".narrow"
        case (true, true): return ".narrow-dark"
        }
    }

    /// The manifest's tag for the variant; nil for the wide light one.
    var tag: String? { suffix.isEmpty ? nil : String(suffix.dropFirst()) }

    init(narrow: Bool, dark: Bool) { self.narrow = narrow; self.dark = dark }

    /// The page width (CSS) below which the narrow rendering is shown.
    static let narrowBreakpoint = "40rem"

    /// The `<source media>` that picks this variant; nil for the fallback (wide light).
    var media: String? {
        switch (narrow, dark) {
        case (false, false): return nil
        case (false, true): return "(prefers-color-scheme: dark)"
        case (true, false): return "(max-width: \(Self.narrowBreakpoint))"
        case (true, true): return "(max-width: \(Self.narrowBreakpoint)) and (prefers-color-scheme: dark)"
        }
    }

    /// `figure` drawn as this variant.
    func apply(_ figure: Figure) -> Figure {
        var f = narrow ? figure.narrowed() : figure
        if dark { f = f.darkened() }
        return f
    }
}
