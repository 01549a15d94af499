import OutputFiles
import SafeText

/// The files `lossplot diff --out` writes: `index.html`, a summary page with one section per chart,
/// and under `charts/` the baseline, new and difference PNG of each chart that changed (baseline
/// and new only for a resized, added or removed chart), so the folder makes sense on its own.
/// The page has no date, no absolute path beyond the folder names given, nothing random.
///
/// A chart's id comes from a manifest, so it is data, never part of a path as it stands: an id of
/// letters, digits, `.`, `_` and `-` that starts with a letter or digit names its images as it is;
/// any other (`../../x`, `a/b`, an empty or hidden name) gets a slug of its letters and digits
/// plus a number, unique in the folder.
package enum ReportDiffPage {
    /// The marker a later run looks for before replacing the folder.
    static let generator = "lossplot diff"

    /// The longest id used as it is in a file name.
    static let maxNameLength = 100

    /// Each chart id's base file name under `charts/`: the id itself when it is a plain name,
    /// else `slug-N`; distinct for distinct ids.
    package static func fileNames(for ids: [String]) -> [String: String] {
        var names: [String: String] = [:]
        var used = Set<String>()
        for id in ids where isPlainName(id) {
            names[id] = id
            used.insert(id)
        }
        var number = 0
        for id in ids where names[id] == nil {
            var slug = ""
            for c in id.unicodeScalars {
                if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) {
                    slug.unicodeScalars.append(c)
                } else if !slug.isEmpty, !slug.hasSuffix("-") {
                    slug += "-"
                }
                if slug.count >= 40 { break }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            if slug.isEmpty { slug = "chart" }
            var name: String
            repeat {
                number += 1
                name = "\(slug)-\(number)"
            } while used.contains(name)
            names[id] = name
            used.insert(name)
        }
        return names
    }

    /// `[A-Za-z0-9][A-Za-z0-9._-]*`, at most `maxNameLength` long.
    static func isPlainName(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= maxNameLength,
              first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { c in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-")
        }
    }

    /// The page's template in the templates folder (`diff.mustache`).
    static let template = "diff"

    /// The page (rendered from `diff.mustache`) and the images it shows.
    static func files(_ diff: ReportDiff, templates: TemplateSet, tables: [DiffTable] = []) throws -> [ReportFile] {
        var images: [ReportFile] = []
        let names = fileNames(for: diff.charts.map(\.id))
        // What needs a look first, then what was not compared, then the charts that match.
        let ordered = diff.failures + diff.charts.filter(\.outcome.isNotCompared)
            + diff.charts.filter { !$0.outcome.isFailure && !$0.outcome.isNotCompared }
        var charts: [DiffChartView] = []
        for chart in ordered {
            var shown: [DiffImageView] = []
            for (role, bytes) in [("baseline", chart.baselinePNG), ("new", chart.newPNG), ("diff", chart.diffPNG)] {
                guard let bytes else { continue }
                let path = "charts/\(names[chart.id] ?? "chart")-\(role).png"
                images.append(ReportFile(path: path, bytes: bytes, scenario: chart.id, format: "png"))
                shown.append(DiffImageView(pathHtml: escapeXML(path), role: role))
            }
            charts.append(DiffChartView(kind: chart.outcome.isFailure ? "fail" : "ok", idHtml: escapeXML(chart.id),
                                        lineHtml: escapeXML(ReportDiff.line(chart, tolerance: diff.tolerance)),
                                        images: shown, hasImages: !shown.isEmpty))
        }
        let failed = diff.failures.count
        let page = DiffPageModel(
            generator: generator, title: failed == 0 ? "no chart differs" : "\(failed) chart\(failed == 1 ? "" : "s") differ",
            newHtml: escapeXML(diff.new), baselineHtml: escapeXML(diff.baseline), summaryHtml: escapeXML(diff.summary), charts: charts,
            tables: tables.map { table in
                DiffTableView(titleHtml: escapeXML(table.title), summaryHtml: escapeXML(table.summary), columnsHtml: table.columns.map(escapeXML),
                              rows: table.rows.map { DiffTableRowView(kind: $0.kind, cellsHtml: $0.cells.map(escapeXML)) })
            })
        let html = try templates.render(page, template: template)
        return [ReportFile(path: "index.html", bytes: Array(html.utf8))] + images
    }
}

/// The values `diff.mustache` renders. Fields ending in `Html` are escaped here (`escapeXML`,
/// scalar by scalar: chart ids and folder names come from manifests and the command line) and
/// rendered with `{{{…}}}`; the others are fixed words the template escapes.
struct DiffPageModel {
    var generator: String
    var title: String
    var newHtml: String
    var baselineHtml: String
    var summaryHtml: String
    var charts: [DiffChartView]
    /// Numbers beside the charts (two reports of runs: the final values that moved).
    var tables: [DiffTableView]
}

/// A `DiffTable` with its text escaped.
struct DiffTableView {
    var titleHtml: String
    var summaryHtml: String
    var columnsHtml: [String]
    var rows: [DiffTableRowView]
}

struct DiffTableRowView {
    var kind: String
    var cellsHtml: [String]
}

/// One chart's section: "fail" or "ok", its line, its images.
struct DiffChartView {
    var kind: String
    var idHtml: String
    var lineHtml: String
    var images: [DiffImageView]
    var hasImages: Bool
}

/// A baseline, new or difference image of a chart.
struct DiffImageView {
    var pathHtml: String
    var role: String
}
