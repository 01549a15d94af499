import CairoBackend
import Charts
import Foundation
import Scenarios

/// Writes the report folder: every scenario chart in each requested format and an index page.
public struct ReportWriter {
    public var outputDirectory: String
    public var language: Language
    public var formats: [ChartFormat]

    public init(outputDirectory: String, language: Language = .uk, formats: [ChartFormat] = [.svg, .png]) {
        self.outputDirectory = outputDirectory; self.language = language; self.formats = formats
    }

    /// Renders and writes everything; returns the paths written, relative to the folder.
    public func write() throws -> [String] {
        let charts = outputDirectory + "/charts"
        try FileManager.default.createDirectory(atPath: charts, withIntermediateDirectories: true)
        var written: [String] = []
        var items = ""
        for scenario in ScenarioCatalog.all {
            guard let make = scenario.figure else { continue }
            let figure = make(language)
            var links: [String] = []
            for format in formats {
                let name = "charts/\(scenario.id).\(format.fileExtension)"
                let bytes = try ChartEncoder.encode(figure, as: format, options: ChartEncodingOptions(idPrefix: scenario.id))
                try OutputFile.write(bytes, to: outputDirectory + "/" + name)
                written.append(name)
                links.append("<a href=\"\(name)\">\(format.rawValue.uppercased())</a>")
            }
            let image = formats.contains(.svg) ? "charts/\(scenario.id).svg" : "charts/\(scenario.id).png"
            items += """
            <figure id="\(scenario.id)">
              <img src="\(image)" alt="\(escapeXML(figure.description))" width="\(Int(figure.widthInches * figure.dpi))">
              <figcaption>\(escapeXML(scenario.title(language))) · \(links.joined(separator: " · "))</figcaption>
            </figure>

            """
        }
        let page = """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>lossplot</title>
        <style>body{font-family:system-ui,sans-serif;max-width:1040px;margin:2rem auto;padding:0 1rem}img{max-width:100%;height:auto}</style>
        </head>
        <body>
        <h1>lossplot</h1>
        \(items)</body>
        </html>

        """
        try OutputFile.write(Array(page.utf8), to: outputDirectory + "/index.html")
        written.append("index.html")
        return written
    }
}
