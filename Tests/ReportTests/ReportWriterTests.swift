import Foundation
import Report
import Testing

@Suite struct ReportWriterTests {
    @Test func writesEveryChartAndAnIndexThatLinksThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-report-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try ReportWriter(outputDirectory: dir).write()
        #expect(files.contains("charts/mse-vs-mae.svg"))
        #expect(files.contains("charts/mse-vs-mae.png"))
        let index = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        for f in files where f.hasPrefix("charts/") {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + f))
            #expect(index.contains(f))
        }
    }
}
