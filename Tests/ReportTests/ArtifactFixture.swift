import LossPlotCairo
import LossPlotCharts
import Foundation
@testable import Report
import Scenarios
import OutputFiles

/// Report folders for the artifact tests: a small report rendered once, copied per test into its
/// own temporary folder so each test can tamper with its copy.
enum ArtifactFixture {
    /// A few charted scenarios as PNG and PDF: enough for verify and diff, and quick to draw (SVG
    /// takes about a second a chart in a debug build). Each is drawn as in Ukrainian for both pages,
    /// so both share one file per chart and format and the fixture has one chart per scenario id
    /// (`BilingualReportTests` covers charts drawn per language).
    static let scenarios: [Scenario] = Array(ScenarioCatalog.all.filter { $0.figure != nil }.prefix(3)).map { s in
        var s = s
        if let figure = s.figure { s.figure = { _ in figure(.uk) } }
        return s
    }

    /// Rendered once per test process.
    static let template: Result<String, Error> = Result {
        let dir = try temporaryFolder("template")
        let options = ReportOptions(outputDirectory: dir + "/report", formats: [.png, .pdf],
                                    sourceDateEpoch: 1_700_000_000, scenarios: scenarios)
        try ReportWriter(options: options, encoder: ChartEncoder()).write()
        return dir + "/report"
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lossplot-artifacts-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A copy of the rendered report at `dir/name`.
    static func copy(to dir: String, as name: String) throws -> String {
        let target = dir + "/" + name
        try FileManager.default.copyItem(atPath: template.get(), toPath: target)
        return target
    }

    /// The chart ids the fixture report holds.
    static var chartIds: [String] { scenarios.map(\.id) }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportError("test fixture: cannot read \(path)")
        }
        return [UInt8](data)
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Rewrites `folder`'s manifest after `edit`, so the folder stays a valid report.
    static func editManifest(_ folder: String, _ edit: (inout ReportManifest) -> Void) throws {
        var manifest = try ReportManifest(readingFolder: folder)
        edit(&manifest)
        try write(manifest.encoded(), folder + "/" + ReportManifest.fileName)
    }

    /// Paints a filled rectangle into the chart's PNG and lists the new bytes in the manifest.
    static func paintRectangle(_ folder: String, chart id: String, color: (UInt8, UInt8, UInt8) = (255, 0, 0),
                               x: Int = 20, y: Int = 20, width: Int = 120, height: Int = 80) throws {
        let path = folder + "/charts/\(id).png"
        let image = try PNGImage(decoding: bytes(path))
        var rgba = image.rgba
        for row in y..<min(y + height, image.height) {
            for col in x..<min(x + width, image.width) {
                let i = (row * image.width + col) * 4
                rgba[i] = color.0; rgba[i + 1] = color.1; rgba[i + 2] = color.2; rgba[i + 3] = 255
            }
        }
        let png = try PNGImage(width: image.width, height: image.height, rgba: rgba).encoded()
        try write(png, path)
        try relist(folder, "charts/\(id).png", png)
    }

    /// Updates one file's size and hash in the manifest.
    static func relist(_ folder: String, _ path: String, _ bytes: [UInt8]) throws {
        try editManifest(folder) { m in
            for i in m.files.indices where m.files[i].path == path {
                m.files[i].bytes = bytes.count
                m.files[i].sha256 = FileHash.sha256Hex(bytes)
            }
        }
    }
}
