import LossPlotCairo
import LossPlotCharts
import Foundation
@testable import Report
import Scenarios
import Testing
import OutputFiles

/// Issue 7: reports that reproduce byte for byte, check themselves (`verify`) and compare on
/// pixels (`diff`).
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
            try ReportWriter(options: options, encoder: ChartEncoder()).write()
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

    @Test func verifyAndDiffRefuseAFolderThatIsNotAReport() throws {
        let dir = try ArtifactFixture.temporaryFolder("not-report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ArtifactFixture.write(Array("<p>hi</p>".utf8), dir + "/index.html")
        #expect(throws: ReportError("\(dir) is not a lossplot report: it has no manifest.json")) {
            try ReportVerification(folder: dir)
        }
        #expect(throws: ReportError("\(dir)/nowhere: no such folder")) { try ReportVerification(folder: dir + "/nowhere") }
        #expect(throws: ReportError("\(dir) is not a lossplot report: it has no manifest.json")) {
            try ReportDiff(baseline: dir, new: dir, pngCodec: CairoPNGCodec())
        }
        try ArtifactFixture.write(Array("{\"generator\": \"lossplot report\", \"files\": [".utf8), dir + "/manifest.json")
        #expect(throws: ReportError("\(dir)/manifest.json is not valid JSON")) { try ReportVerification(folder: dir) }
        try ArtifactFixture.write(Array("{\"generator\": \"lossplot report\", \"version\": \"0\", \"sourceDateEpoch\": null, \"language\": \"uk\", \"selfContained\": false, \"files\": [{\"path\": \"../etc/passwd\", \"bytes\": 1, \"sha256\": \"00\"}]}".utf8), dir + "/manifest.json")
        let error = #expect(throws: ReportError.self) { try ReportVerification(folder: dir) }
        #expect(error?.description.contains("\"../etc/passwd\", which is not a file inside the folder") == true)
    }

    @Test func diffRefusesASelfContainedReportWhichVerifyStillChecks() throws {
        let dir = try ArtifactFixture.temporaryFolder("self-contained")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        try ArtifactFixture.editManifest(b) { $0.selfContained = true }
        let error = #expect(throws: ReportError.self) { try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec()) }
        #expect(error?.description.hasPrefix("\(b) is a self-contained report") == true)
        #expect(try ReportVerification(folder: b).isIntact)
    }

    // MARK: diff

    @Test func diffOfIdenticalFoldersFindsNothing() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-same")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        #expect(diff.failures.isEmpty)
        #expect(diff.charts.map(\.id) == ArtifactFixture.chartIds.sorted())
        #expect(diff.charts.allSatisfy { $0.outcome == .same(rms: 0) })
        try diff.write(to: dir + "/diff")
        let page = try String(contentsOfFile: dir + "/diff/index.html", encoding: .utf8)
        #expect(page.contains("no chart differs"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/diff/charts"))
    }

    @Test func diffFindsAPaintedRectangleAndDrawsTheDifference() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-rect")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let id = try #require(ArtifactFixture.chartIds.first)
        try ArtifactFixture.paintRectangle(b, chart: id)
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        let chart = try #require(diff.charts.first { $0.id == id })
        guard case .changed(let rms) = chart.outcome else { Issue.record("\(chart.outcome)"); return }
        #expect(rms > ReportDiff.defaultTolerance)
        #expect(diff.failures.map(\.id) == [id])
        #expect(ReportDiff.line(chart, tolerance: 2).hasPrefix("changed: \(id) (RMS "))

        try diff.write(to: dir + "/diff")
        let diffImage = try PNGImage(decoding: ArtifactFixture.bytes(dir + "/diff/charts/\(id)-diff.png"))
        let inside = (40 * diffImage.width + 40) * 4, outside = ((diffImage.height - 2) * diffImage.width + diffImage.width - 2) * 4
        #expect(diffImage.rgba[inside] > 0 || diffImage.rgba[inside + 1] > 0 || diffImage.rgba[inside + 2] > 0)
        #expect(Array(diffImage.rgba[outside..<outside + 3]) == [0, 0, 0])
        for role in ["baseline", "new"] { #expect(FileManager.default.fileExists(atPath: dir + "/diff/charts/\(id)-\(role).png")) }
        let page = try String(contentsOfFile: dir + "/diff/index.html", encoding: .utf8)
        #expect(page.contains("charts/\(id)-diff.png") && page.contains("changed: \(id)"))
    }

    @Test func diffWithinToleranceIsTheSameChart() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-small")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let id = try #require(ArtifactFixture.chartIds.first)
        try ArtifactFixture.paintRectangle(b, chart: id, x: 5, y: 5, width: 2, height: 2)
        let chart = try #require(try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec()).charts.first { $0.id == id })
        guard case .same(let rms) = chart.outcome else { Issue.record("\(chart.outcome)"); return }
        #expect(rms > 0 && rms <= ReportDiff.defaultTolerance)
    }

    @Test func diffListsAddedAndRemovedCharts() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-sets")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let id = try #require(ArtifactFixture.chartIds.first)
        // The baseline gains a chart the new report lacks, and the new one gains a chart under a new id.
        try ArtifactFixture.editManifest(b) { m in
            for i in m.files.indices where m.files[i].scenario == id { m.files[i].scenario = "brand-new" }
        }
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        #expect(diff.charts.first { $0.id == id }?.outcome == .removed)
        #expect(diff.charts.first { $0.id == "brand-new" }?.outcome == .added)
        #expect(diff.failures.map(\.id).sorted() == ["brand-new", id].sorted())
        #expect(diff.summary.contains("2 of"))
    }

    @Test func diffReportsASizeChangeAndChartsWithoutPNG() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-size")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let ids = ArtifactFixture.chartIds
        let id = try #require(ids.first)
        let small = try PNGImage(width: 10, height: 7, rgba: [UInt8](repeating: 255, count: 10 * 7 * 4)).encoded()
        try ArtifactFixture.write(small, b + "/charts/\(id).png")
        try ArtifactFixture.relist(b, "charts/\(id).png", small)
        // In both folders, every other chart is listed as PDF only.
        for folder in [a, b] {
            try ArtifactFixture.editManifest(folder) { m in
                m.files.removeAll { $0.scenario != nil && $0.scenario != id && $0.format == "png" }
            }
        }
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        let chart = try #require(diff.charts.first { $0.id == id })
        guard case let .sizeChanged(from, to) = chart.outcome else { Issue.record("\(chart.outcome)"); return }
        #expect(to == ReportDiff.PixelSize(width: 10, height: 7) && from != to)
        #expect(ReportDiff.line(chart, tolerance: 2) == "size changed: \(id) (\(from) → 10x7 pixels)")
        for other in ids.dropFirst() {
            #expect(diff.charts.first { $0.id == other }?.outcome == .notCompared(reason: "no PNG, only pdf"))
        }
    }

    @Test func diffOutReplacesAnEarlierDiffButRefusesOtherFolders() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-out")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let id = try #require(ArtifactFixture.chartIds.first)
        try ArtifactFixture.editManifest(b) { m in
            for i in m.files.indices where m.files[i].scenario == id { m.files[i].scenario = "renamed" }
        }
        try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec()).write(to: dir + "/diff")
        #expect(FileManager.default.fileExists(atPath: dir + "/diff/charts/\(id)-baseline.png"))
        #expect(FileManager.default.fileExists(atPath: dir + "/diff/charts/renamed-new.png"))
        // A second run over the earlier diff replaces it whole: the stale images go.
        try ReportDiff(baseline: a, new: a, pngCodec: CairoPNGCodec()).write(to: dir + "/diff")
        #expect(!FileManager.default.fileExists(atPath: dir + "/diff/charts"))
        #expect(try String(contentsOfFile: dir + "/diff/index.html", encoding: .utf8).contains("no chart differs"))
        // A folder of the user's is left as it was.
        let mine = dir + "/mine"
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        try ArtifactFixture.write(Array("keep".utf8), mine + "/notes.txt")
        let error = #expect(throws: ReportError.self) { try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec()).write(to: mine) }
        #expect(error?.description.contains("refusing to replace it") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine) == ["notes.txt"])
    }
}
