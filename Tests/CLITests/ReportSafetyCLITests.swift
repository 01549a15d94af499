import Foundation
import Testing

/// Issue 12 end to end, through the built binary: nothing written outside `--out`, devices and
/// FIFOs as `--out`, links inside a report, a PNG that declares too many pixels, templates that
/// include themselves, and runs interrupted or killed while they write.
@Suite struct ReportSafetyCLITests {
    /// A fresh folder of its own under the temporary directory.
    static func folder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lossplot-safety-cli-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A PNG-only report written by the binary once per test process, copied per test.
    static let report: Result<String, Error> = Result {
        let out = try folder("template") + "/report"
        let run = try CLIRun(["report", "--out", out, "--formats", "png", "--lang", "en"])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": run.stderr]) }
        return out
    }

    static func copy(to dir: String, as name: String) throws -> String {
        let target = dir + "/" + name
        try FileManager.default.copyItem(atPath: report.get(), toPath: target)
        return target
    }

    /// Rewrites a report's manifest through `edit` on its JSON object.
    static func editManifest(_ folder: String, _ edit: (inout [[String: Any]]) throws -> Void) throws {
        let url = URL(fileURLWithPath: folder + "/manifest.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var files = object["files"] as? [[String: Any]] ?? []
        try edit(&files)
        object["files"] = files
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
    }

    static func kind(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    /// Hidden staging and moved-aside folders beside `target`.
    static func leftovers(beside target: String) throws -> [String] {
        let url = URL(fileURLWithPath: target)
        let name = url.lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("." + name + ".lossplot-") }.sorted()
    }

    // MARK: 10. templates that include themselves

    @Test func aTemplateThatIncludesItselfIsOneLineNotACrash() throws {
        let dir = try Self.folder("cycle")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates").path
        let templates = dir + "/templates"
        try FileManager.default.copyItem(atPath: source, toPath: templates)
        let page = templates + "/page.mustache"
        try (String(contentsOfFile: page, encoding: .utf8) + "{{>page}}\n").write(toFile: page, atomically: true, encoding: .utf8)
        let run = try CLIRun(["report", "--templates", templates, "--out", dir + "/out", "--formats", "png"])
        #expect(run.status == 1)
        #expect(run.saysOneLine, "stderr: \(run.stderr.prefix(500))")
        #expect(run.stderr.contains("template \(page) includes itself (page → page)"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
