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
enum ReportDiffPage {
    /// The marker a later run looks for before replacing the folder.
    static let generator = "lossplot diff"

    /// The longest id used as it is in a file name.
    static let maxNameLength = 100

    /// Each chart id's base file name under `charts/`: the id itself when it is a plain name,
    /// else `slug-N`; distinct for distinct ids.
    static func fileNames(for ids: [String]) -> [String: String] {
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

    static func files(_ diff: ReportDiff) -> [ReportFile] {
        var images: [ReportFile] = []
        let names = fileNames(for: diff.charts.map(\.id))
        var rows = ""
        // What needs a look first, then what was not compared, then the charts that match.
        let ordered = diff.failures + diff.charts.filter(\.outcome.isNotCompared)
            + diff.charts.filter { !$0.outcome.isFailure && !$0.outcome.isNotCompared }
        for chart in ordered {
            var cells: [String] = []
            for (role, bytes) in [("baseline", chart.baselinePNG), ("new", chart.newPNG), ("diff", chart.diffPNG)] {
                guard let bytes else { continue }
                let path = "charts/\(names[chart.id] ?? "chart")-\(role).png"
                images.append(ReportFile(path: path, bytes: bytes, scenario: chart.id, format: "png"))
                cells.append("<figure><a href=\"\(escapeXML(path))\"><img src=\"\(escapeXML(path))\" alt=\"\(role)\" loading=\"lazy\"></a><figcaption>\(role)</figcaption></figure>")
            }
            let line = ReportDiff.line(chart, tolerance: diff.tolerance)
            let kind = chart.outcome.isFailure ? "fail" : "ok"
            rows += "<section class=\"\(kind)\" id=\"\(escapeXML(chart.id))\"><h2>\(escapeXML(line))</h2>"
            if !cells.isEmpty { rows += "<div class=\"images\">\(cells.joined())</div>" }
            rows += "</section>\n"
        }
        let failed = diff.failures.count
        let page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(generator)">
        <title>lossplot diff: \(failed == 0 ? "no chart differs" : "\(failed) chart\(failed == 1 ? "" : "s") differ")</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:1400px;margin:2rem auto;padding:0 1rem}
        h2{font-size:1rem;font-weight:600}section{border-left:4px solid #2a7;padding:.2rem 1rem;margin:1rem 0}
        section.fail{border-color:#c33}.images{display:flex;gap:1rem;flex-wrap:wrap}
        figure{margin:0;flex:1 1 30%;min-width:240px}img{max-width:100%;height:auto;border:1px solid #ccc}
        figcaption{font-size:.85rem;color:#555}
        </style>
        </head>
        <body>
        <h1>Charts: \(escapeXML(diff.new)) against \(escapeXML(diff.baseline))</h1>
        <p>\(escapeXML(diff.summary)). RMS over RGB on 0–255, as matplotlib's <code>compare_images</code>; the
        difference image is |new − baseline| × 10.</p>
        \(rows)</body>
        </html>

        """
        return [ReportFile(path: "index.html", bytes: Array(page.utf8))] + images
    }
}
