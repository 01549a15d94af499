import CairoBackend
import Foundation
@testable import Report
import Scenarios
import Testing

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
            m.files.append(ManifestEntry(path: "charts/extra.png", bytes: extra.count, sha256: SHA256.hex(extra), scenario: "escaped-pwn-1", format: "png"))
            m.files.sort { $0.path < $1.path }
        }
        // Deep enough that "../../../" from charts/ inside the staging folder lands inside `dir`.
        let out = dir + "/x/y/diff"
        let diff = try ReportDiff(baseline: a, new: b)
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
        let folder = ReportFolder(dir + "/out")
        for path in ["../escape.txt", "/etc/x", "charts//x", "./x", ""] {
            let error = #expect(throws: ReportError.self) { try folder.write([ReportFile(path: path, bytes: [1])]) }
            #expect(error?.description.contains("not a plain path") == true, "\(path)")
        }
        #expect(Self.everything(under: dir).isEmpty)
    }
}
