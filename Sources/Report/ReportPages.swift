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
/// only when it differs, its text being in that page's language.
struct SharedChartFiles {
    /// The files, in scenario and format order, each first-language file before the others.
    var files: [ReportFile] = []
    /// Language → scenario id → format → path inside the folder.
    var paths: [Language: [String: [ChartFormat: String]]] = [:]

    /// `charts`: each language's rendered charts; the first language's list gives the order.
    init(charts: [Language: [RenderedChart]], languages: [Language]) {
        guard let first = languages.first, let reference = charts[first] else { return }
        let byID = charts.mapValues { list in Dictionary(list.map { ($0.scenario.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        for chart in reference {
            let id = chart.scenario.id
            for (format, bytes, sha256) in chart.files {
                let path = "charts/\(id).\(format.fileExtension)"
                files.append(ReportFile(path: path, bytes: bytes, scenario: id, format: format.rawValue, sha256: sha256))
                paths[first, default: [:]][id, default: [:]][format] = path
                for language in languages.dropFirst() {
                    guard let own = byID[language]?[id]?.files.first(where: { $0.format == format }) else { continue }
                    guard own.bytes != bytes else {
                        paths[language, default: [:]][id, default: [:]][format] = path
                        continue
                    }
                    let ownPath = "charts/\(id).\(language.rawValue).\(format.fileExtension)"
                    files.append(ReportFile(path: ownPath, bytes: own.bytes, scenario: id, format: format.rawValue,
                                            sha256: own.sha256, language: language.rawValue))
                    paths[language, default: [:]][id, default: [:]][format] = ownPath
                }
            }
        }
    }
}
