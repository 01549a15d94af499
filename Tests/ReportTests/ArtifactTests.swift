import CairoBackend
import Foundation
@testable import Report
import Scenarios
import Testing

/// Issue 7: reports that reproduce byte for byte and check themselves (`verify`).
@Suite struct ArtifactTests {
    // MARK: determinism

    /// Every scenario in the raster and PDF formats, so no figure's data may vary between runs.
    @Test func twoRunsOfTheWholeCatalogGiveByteIdenticalFolders() throws {
        try expectTwoRunsIdentical(formats: [.png, .pdf], scenarios: ScenarioCatalog.all)
    }

    /// All three formats, on the printed results and two quick charts (SVG takes up to a second a
    /// chart in a debug build): Cairo's SVG ids and the page's inline charts must not depend on
    /// what was drawn before.
    @Test func twoRunsGiveByteIdenticalFoldersInEveryFormat() throws {
        let charted = ["hinge", "huber"].compactMap { ScenarioCatalog.scenario(id: $0) }.filter { $0.figure != nil }
        try #require(charted.count == 2, "the catalog no longer has the charts hinge and huber")
        try expectTwoRunsIdentical(formats: [.svg, .png, .pdf], scenarios: ScenarioCatalog.all.filter { $0.figure == nil } + charted)
    }

    private func expectTwoRunsIdentical(formats: [ChartFormat], scenarios: [Scenario]) throws {
        let dir = try ArtifactFixture.temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Different folder names: a path that leaked into a file would differ between the runs.
        let first = dir + "/first-run", second = dir + "/second-run"
        for out in [first, second] {
            let options = ReportOptions(outputDirectory: out, formats: formats, sourceDateEpoch: 1_234_567_890, scenarios: scenarios)
            try ReportWriter(options: options).write()
        }
        let files = try ReportVerification.filesOnDisk(in: first)
        #expect(try ReportVerification.filesOnDisk(in: second) == files)
        for format in formats {
            #expect(files.contains { $0.hasPrefix("charts/") && $0.hasSuffix("." + format.fileExtension) })
        }
        #expect(files.contains("index.html") && files.contains(ReportManifest.fileName))

        let host = ProcessInfo.processInfo.hostName
        for file in files {
            let a = try ArtifactFixture.bytes(first + "/" + file), b = try ArtifactFixture.bytes(second + "/" + file)
            #expect(a == b, "\(file) differs between two runs")
            let data = Data(a)
            #expect(data.range(of: Data(dir.utf8)) == nil, "\(file) holds the output path")
            if host.count >= 6 { #expect(data.range(of: Data(host.utf8)) == nil, "\(file) holds the host name") }
        }
        let manifest = try ReportManifest(readingFolder: first)
        #expect(manifest.sourceDateEpoch == 1_234_567_890)
        #expect(manifest.version == LossplotVersion.current)
        #expect(try ReportVerification(folder: first).isIntact)
    }

    // MARK: verify

    @Test func verifyPassesAFreshReport() throws {
        let dir = try ArtifactFixture.temporaryFolder("verify-ok")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try ArtifactFixture.copy(to: dir, as: "report")
        // The placeholder a repository's Output/ holds, which the report writer keeps.
        try ArtifactFixture.write([], report + "/.gitkeep")
        let result = try ReportVerification(folder: report)
        #expect(result.findings.isEmpty)
        #expect(result.manifest.files.contains { $0.scenario != nil && $0.format == "png" })
        #expect(result.summary.contains("all \(result.manifest.files.count) files match"))
    }

    @Test func verifyNamesATamperedAMissingAndAnExtraFile() throws {
        let dir = try ArtifactFixture.temporaryFolder("verify-bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try ArtifactFixture.copy(to: dir, as: "report")
        let id = try #require(ArtifactFixture.chartIds.first)
        // Tampered: one byte of the PDF flipped, same size.
        var pdf = try ArtifactFixture.bytes(report + "/charts/\(id).pdf")
        let middle = pdf.count / 2
        pdf[middle] ^= 0x01
        try ArtifactFixture.write(pdf, report + "/charts/\(id).pdf")
        // Missing and extra.
        try FileManager.default.removeItem(atPath: report + "/charts/\(id).png")
        try ArtifactFixture.write(Array("hello".utf8), report + "/charts/extra.txt")

        let result = try ReportVerification(folder: report)
        let kinds = Dictionary(uniqueKeysWithValues: result.findings.map { ($0.path, $0.kind) })
        #expect(kinds == ["charts/\(id).pdf": "changed", "charts/\(id).png": "missing", "charts/extra.txt": "unlisted"])
        #expect(result.findings.map(\.path) == kinds.keys.sorted())
        #expect(result.findings.first { $0.kind == "changed" }?.description.hasPrefix("changed: charts/\(id).pdf") == true)
        #expect(result.summary.contains("3 problems") && result.summary.contains("1 changed, 1 missing, 1 unlisted"))
    }

    @Test func verifyRefusesAFolderThatIsNotAReport() throws {
        let dir = try ArtifactFixture.temporaryFolder("not-report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArtifactFixture.write(Array("<p>hi</p>".utf8), dir + "/index.html")
        #expect(throws: ReportError("\(dir) is not a lossplot report: it has no manifest.json")) {
            try ReportVerification(folder: dir)
        }
        #expect(throws: ReportError("\(dir)/nowhere: no such folder")) { try ReportVerification(folder: dir + "/nowhere") }
        try ArtifactFixture.write(Array("{\"generator\": \"lossplot report\", \"files\": [".utf8), dir + "/manifest.json")
        #expect(throws: ReportError("\(dir)/manifest.json is not valid JSON")) { try ReportVerification(folder: dir) }
        try ArtifactFixture.write(Array("{\"generator\": \"lossplot report\", \"version\": \"0\", \"sourceDateEpoch\": null, \"language\": \"uk\", \"selfContained\": false, \"files\": [{\"path\": \"../etc/passwd\", \"bytes\": 1, \"sha256\": \"00\"}]}".utf8), dir + "/manifest.json")
        let error = #expect(throws: ReportError.self) { try ReportVerification(folder: dir) }
        #expect(error?.description.contains("\"../etc/passwd\", which is not a file inside the folder") == true)
    }
}
