import Foundation
import Testing

/// `lossplot verify` and `lossplot diff` as a CI job runs them: exit statuses, one line per
/// finding on stdout, the summary last, one stderr line for bad input.
@Suite struct ArtifactCLITests {
    /// One PNG-only report, written by the binary once per test process.
    static let report: Result<String, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-artifact-cli-\(getpid())").path
        let out = dir + "/template"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let run = try CLIRun(["report", "--out", out, "--formats", "png"])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": run.stderr]) }
        return out
    }

    /// A copy of the report in a folder of its own.
    func copy(_ name: String) throws -> String {
        let template = try Self.report.get()
        let target = URL(fileURLWithPath: template).deletingLastPathComponent().appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.copyItem(atPath: template, toPath: target)
        return target
    }

    /// The manifest's chart ids.
    func chartIds(_ folder: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        let files = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["files"] as? [[String: Any]] ?? []
        return files.compactMap { $0["scenario"] as? String }.sorted()
    }

    @Test func verifyPassesAFreshReport() throws {
        let folder = try copy("verify-ok")
        let run = try CLIRun(["verify", folder])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.hasSuffix("files match manifest.json\n"))
        #expect(run.stderr.isEmpty)
    }

    @Test func verifyNamesEachProblemAndSummarisesLast() throws {
        let folder = try copy("verify-bad")
        let id = try #require(try chartIds(folder).first)
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder + "/charts/\(id).png"))
        try Data("extra".utf8).write(to: URL(fileURLWithPath: folder + "/stray.txt"))
        try FileManager.default.removeItem(atPath: folder + "/index.html")
        let run = try CLIRun(["verify", folder])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "stdout: \(run.stdout)")
        #expect(lines.first { $0.hasPrefix("changed: charts/\(id).png") } != nil)
        #expect(lines.contains("missing: index.html"))
        #expect(lines.contains("unlisted: stray.txt (not in manifest.json)"))
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("3 problems against manifest.json (1 changed, 1 missing, 1 unlisted)"))
    }

    @Test func verifyAndDiffOnAFolderThatIsNotAReportAreUsageErrorsInOneLine() throws {
        let folder = try copy("not-report")
        try FileManager.default.removeItem(atPath: folder + "/manifest.json")
        let file = folder + "/index.html"
        // One rule for both: a folder that is not a report is a wrong argument (64), so that a CI
        // job can tell it from exit 1, "the check failed".
        for arguments in [["verify", folder], ["verify", folder + "/missing"], ["verify", file],
                          ["diff", folder, folder, "--out", folder + "-diff"], ["diff", file, file, "--out", folder + "-diff"]] {
            let run = try CLIRun(arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.saysOneLine, "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "-diff"))
    }

    @Test func diffOfIdenticalReportsExitsZero() throws {
        let a = try copy("diff-a"), b = try copy("diff-b")
        let run = try CLIRun(["diff", a, b, "--out", b + "-diff"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("no chart differs"))
        #expect(FileManager.default.fileExists(atPath: b + "-diff/index.html"))
    }

    @Test func diffNamesARemovedChartAndExitsOne() throws {
        let a = try copy("diff-removed-a"), b = try copy("diff-removed-b")
        let id = try #require(try chartIds(a).first)
        let url = URL(fileURLWithPath: b + "/manifest.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["files"] = (object["files"] as? [[String: Any]] ?? []).filter { $0["scenario"] as? String != id }
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let run = try CLIRun(["diff", a, b, "--out", b + "-diff"])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").contains("removed: \(id)"), "stdout: \(run.stdout)")
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("see \(b)-diff/index.html"))
    }

    @Test func diffRejectsANegativeToleranceAsUsage() throws {
        let a = try copy("diff-usage")
        let run = try CLIRun(["diff", a, a, "--tolerance", "-1"])
        #expect(run.status == 64)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("--tolerance"))
    }
}
