import LossPlotCharts
import Scenarios

/// The report's pages: one per language, `index.html` in the language asked for (`--lang`) and
/// the other beside it as `index.LANG.html` (`index.en.html`, `index.uk.html`), each linking to
/// the other.
enum ReportPages {
    /// The asked-for language first, then the others in `Language.allCases` order.
    static func languages(first: Language) -> [Language] {
        [first] + Language.allCases.filter { $0 != first }
    }

    /// Each language's page file.
    static func fileNames(first: Language) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, $0 == first ? "index.html" : "index.\($0.rawValue).html") })
    }
}

/// The chart files the pages use. `charts/ID.EXT` is the chart of `index.html` (the language asked
/// for), as it was before the report had two pages; the other page uses the same file when its
/// chart has the same bytes, and `charts/ID.LANG.EXT` (tagged with its language in the manifest)
/// only when it differs, its text being in that page's language. A chart's other renderings
/// (`ChartVariant`) are `charts/ID.narrow.svg`, `charts/ID.LANG.dark.svg` and so on, shared the
/// same way and tagged with their variant.
struct SharedChartFiles {
    /// The files, in scenario and format order, each first-language file before the others.
    var files: [ReportFile] = []
    /// Language → scenario id → format → path inside the folder (the wide light rendering).
    var paths: [Language: [String: [ChartFormat: String]]] = [:]
    /// Language → scenario id → variant → path inside the folder (the other renderings).
    var views: [Language: [String: [ChartVariant: String]]] = [:]

    /// `charts`: each language's rendered charts; the first language's list gives the order.
    init(charts: [Language: [RenderedChart]], languages: [Language]) {
        guard let first = languages.first, let reference = charts[first] else { return }
        let byID = charts.mapValues { list in Dictionary(list.map { ($0.scenario.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        for chart in reference {
            let id = chart.scenario.id
            // One file each: (variant, the file as the first language drew it, that file in another language).
            var each: [(variant: ChartVariant, file: ChartFile, own: (Language) -> ChartFile?)] = chart.files.map { f in
                (ChartVariant.wide, ChartFile(format: f.format, bytes: f.bytes, sha256: f.sha256), { language in
                    byID[language]?[id]?.files.first { $0.format == f.format }.map { ChartFile(format: $0.format, bytes: $0.bytes, sha256: $0.sha256) }
                })
            }
            each += chart.views.map { v in (v.variant, v.file, { language in byID[language]?[id]?.view(v.variant) }) }
            for (variant, file, own) in each {
                let path = "charts/\(id)\(variant.suffix).\(file.format.fileExtension)"
                files.append(ReportFile(path: path, bytes: file.bytes, scenario: id, format: file.format.rawValue, sha256: file.sha256,
                                        variant: variant.tag))
                record(path, first, id, variant, file.format)
                for language in languages.dropFirst() {
                    guard let theirs = own(language) else { continue }
                    guard theirs.bytes != file.bytes else {
                        record(path, language, id, variant, file.format)
                        continue
                    }
                    let ownPath = "charts/\(id).\(language.rawValue)\(variant.suffix).\(file.format.fileExtension)"
                    files.append(ReportFile(path: ownPath, bytes: theirs.bytes, scenario: id, format: file.format.rawValue,
                                            sha256: theirs.sha256, language: language.rawValue, variant: variant.tag))
                    record(ownPath, language, id, variant, file.format)
                }
            }
        }
    }

    private mutating func record(_ path: String, _ language: Language, _ id: String, _ variant: ChartVariant, _ format: ChartFormat) {
        if variant == .wide {
            paths[language, default: [:]][id, default: [:]][format] = path
        } else {
            views[language, default: [:]][id, default: [:]][variant] = path
        }
    }
}
