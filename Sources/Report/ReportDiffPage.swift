import CairoBackend

/// The files `lossplot diff --out` writes: `index.html`, a summary page with one section per chart,
/// and under `charts/` the baseline, new and difference PNG of each chart that changed (baseline
/// and new only for a resized, added or removed chart), so the folder makes sense on its own.
/// The page has no date, no absolute path beyond the folder names given, nothing random.
enum ReportDiffPage {
    /// The marker a later run looks for before replacing the folder.
    static let generator = "lossplot diff"

    static func files(_ diff: ReportDiff) -> [ReportFile] {
        var images: [ReportFile] = []
        var rows = ""
        // What needs a look first, then what was not compared, then the charts that match.
        let ordered = diff.failures + diff.charts.filter(\.outcome.isNotCompared)
            + diff.charts.filter { !$0.outcome.isFailure && !$0.outcome.isNotCompared }
        for chart in ordered {
            var cells: [String] = []
            for (role, bytes) in [("baseline", chart.baselinePNG), ("new", chart.newPNG), ("diff", chart.diffPNG)] {
                guard let bytes else { continue }
                let path = "charts/\(chart.id)-\(role).png"
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
