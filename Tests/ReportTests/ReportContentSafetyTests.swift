import LossPlotCairo
import Foundation
@testable import Report
import Scenarios
import Testing
import OutputFiles

/// Issue 12: what a report folder holds is data. Chart ids from a manifest never become paths,
/// and a symbolic link or special file inside a report is a finding, never followed.
@Suite struct ReportContentSafetyTests {
    /// Every path under `dir`, relative, links and special files included, not followed.
    static func everything(under dir: String) -> [String] {
        var out: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? dir : dir + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                out.append(child)
                var st = stat()
                if lstat(dir + "/" + child, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { pending.append(child) }
            }
        }
        return out.sorted()
    }

    // MARK: chart ids are data (3)

    @Test func diffNamesItsImagesSafelyWhateverTheManifestSays() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-ids")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: true)
        let a = try ArtifactFixture.copy(to: dir + "/reports", as: "a"), b = try ArtifactFixture.copy(to: dir + "/reports", as: "b")
        let ids = ArtifactFixture.chartIds
        try #require(ids.count == 3)
        // In the new report each chart is listed under an id that is not a plain name; one of them
        // collides with the slug another would get.
        let hostile = ["../../../escaped/pwn", "/abs/olute", ".hidden/../x"]
        try ArtifactFixture.editManifest(b) { m in
            for i in m.files.indices {
                if let id = m.files[i].scenario, let k = ids.firstIndex(of: id) { m.files[i].scenario = hostile[k] }
            }
        }
        // A plain id that is the slug-and-number the first hostile id would take.
        let extra = try ArtifactFixture.bytes(b + "/charts/\(ids[0]).png")
        try ArtifactFixture.write(extra, b + "/charts/extra.png")
        try ArtifactFixture.editManifest(b) { m in
            m.files.append(ManifestEntry(path: "charts/extra.png", bytes: extra.count, sha256: FileHash.sha256Hex(extra), scenario: "escaped-pwn-1", format: "png"))
            m.files.sort { $0.path < $1.path }
        }
        // Deep enough that "../../../" from charts/ inside the staging folder lands inside `dir`.
        let out = dir + "/x/y/diff"
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        try diff.write(to: out)
        let everywhere = Self.everything(under: dir)
        let written = everywhere.filter { !$0.hasPrefix("reports") }
        #expect(written.allSatisfy { ["x", "x/y", "x/y/diff"].contains($0) || $0.hasPrefix("x/y/diff/") }, "\(written)")
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts").sorted()
        // Three removed charts (baseline images) and four added ones, each image its own file.
        #expect(charts.count == 7, "\(charts)")
        #expect(Set(charts).count == charts.count)
        for name in charts {
            #expect(!name.hasPrefix(".") && !name.contains("/") && !name.contains(".."), "\(name)")
        }
        #expect(charts.contains("escaped-pwn-1-new.png"))
        let page = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        for name in charts { #expect(page.contains("charts/\(name)")) }
        #expect(page.contains("added: ../../../escaped/pwn"))
    }

    @Test func aReportWriterRefusesAPathThatLeavesTheFolder() throws {
        let dir = try ArtifactFixture.temporaryFolder("folder-paths")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = OutputFolder(report: dir + "/out")
        for path in ["../escape.txt", "/etc/x", "charts//x", "./x", ""] {
            let error = #expect(throws: OutputFileError.self) { try folder.write([ReportFile(path: path, bytes: [1])]) }
            #expect(error?.description.contains("not a plain path") == true, "\(path)")
        }
        #expect(Self.everything(under: dir).isEmpty)
    }

    // MARK: links and special files inside a report (6)

    @Test func verifyFindsALinkedChartAndALinkedFolderAndFollowsNeither() throws {
        let dir = try ArtifactFixture.temporaryFolder("verify-links")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try ArtifactFixture.copy(to: dir, as: "report")
        let id = try #require(ArtifactFixture.chartIds.first)
        // The link's target has exactly the bytes the manifest lists: following it would pass.
        let outside = dir + "/outside.png"
        try FileManager.default.moveItem(atPath: report + "/charts/\(id).png", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: report + "/charts/\(id).png", withDestinationPath: outside)
        let result = try ReportVerification(folder: report)
        #expect(result.findings.map(\.description) == ["not a regular file: charts/\(id).png (a symbolic link)"])
        #expect(!result.isIntact)
        #expect(result.summary.contains("1 not a regular file"))

        // charts/ itself a link to a copy of the real folder: every chart behind it is a finding.
        let other = try ArtifactFixture.copy(to: dir, as: "other")
        try FileManager.default.moveItem(atPath: other + "/charts", toPath: dir + "/charts-elsewhere")
        try FileManager.default.createSymbolicLink(atPath: other + "/charts", withDestinationPath: dir + "/charts-elsewhere")
        let linked = try ReportVerification(folder: other)
        let charts = linked.manifest.files.filter { $0.path.hasPrefix("charts/") }
        #expect(!charts.isEmpty)
        for entry in charts {
            #expect(linked.findings.map(\.description).contains("not a regular file: \(entry.path) (inside charts, a symbolic link)"), "\(entry.path)")
        }
    }

    @Test func verifyFindsAFIFOInPlaceOfAFileWithoutWaitingOnIt() throws {
        let dir = try ArtifactFixture.temporaryFolder("verify-fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try ArtifactFixture.copy(to: dir, as: "report")
        try FileManager.default.removeItem(atPath: report + "/index.html")
        try #require(mkfifo(report + "/index.html", 0o644) == 0)
        let result = try ReportVerification(folder: report)
        #expect(result.findings.map(\.description) == ["not a regular file: index.html (a FIFO)"])
    }

    @Test func aLinkedManifestIsNotAReport() throws {
        let dir = try ArtifactFixture.temporaryFolder("manifest-link")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try ArtifactFixture.copy(to: dir, as: "report")
        try FileManager.default.moveItem(atPath: report + "/manifest.json", toPath: dir + "/manifest.json")
        try FileManager.default.createSymbolicLink(atPath: report + "/manifest.json", withDestinationPath: dir + "/manifest.json")
        #expect(throws: ReportError("\(report) is not a lossplot report: its manifest.json is a symbolic link, not a regular file")) {
            try ReportVerification(folder: report)
        }
        // Nor may a later run replace it as if it were one.
        let error = #expect(throws: ReportError.self) { try ReportDiff(baseline: report, new: report, pngCodec: CairoPNGCodec()) }
        #expect(error?.description.contains("symbolic link") == true)
    }

    @Test func diffNeverCopiesALinkedChartIntoItsOutput() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-links")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let secret = Array("secret bytes".utf8)
        try ArtifactFixture.write(secret, dir + "/secret.png")
        try FileManager.default.createSymbolicLink(atPath: b + "/charts/zz.png", withDestinationPath: dir + "/secret.png")
        // Listed as an added chart, with the hash of the link's target.
        try ArtifactFixture.editManifest(b) { m in
            m.files.append(ManifestEntry(path: "charts/zz.png", bytes: secret.count, sha256: FileHash.sha256Hex(secret), scenario: "zz", format: "png"))
            m.files.sort { $0.path < $1.path }
        }
        // And a chart on both sides whose new PNG is a link to the baseline's.
        let id = try #require(ArtifactFixture.chartIds.first)
        try FileManager.default.removeItem(atPath: b + "/charts/\(id).png")
        try FileManager.default.createSymbolicLink(atPath: b + "/charts/\(id).png", withDestinationPath: a + "/charts/\(id).png")
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        #expect(diff.charts.first { $0.id == "zz" }?.outcome == .unreadable(reason: "\(b)/charts/zz.png is a symbolic link, not a regular file"))
        #expect(diff.charts.first { $0.id == id }?.outcome == .unreadable(reason: "\(b)/charts/\(id).png is a symbolic link, not a regular file"))
        try diff.write(to: dir + "/diff")
        for (path, bytes) in Fixture.contents(of: dir + "/diff") {
            #expect(Data(bytes).range(of: Data(secret)) == nil, "\(path) holds the link's target")
        }
    }
}
