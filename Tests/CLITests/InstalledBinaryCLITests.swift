import Foundation
import Testing

/// The report's templates travel with the binary as SwiftPM's resource bundle
/// (`lossplot_Report.resources` beside it): a copy of the two somewhere else, run from another
/// folder, writes the same report; `--templates` and `LOSSPLOT_TEMPLATES` still win; without the
/// bundle it says so in one line.
@Suite struct InstalledBinaryCLITests {
    static let bundleName = "lossplot_Report.resources"

    /// A fresh folder under the temporary folder.
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-installed-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The built binary, and its bundle unless `withBundle` is false, copied into `root/bin`.
    static func install(into root: URL, withBundle: Bool = true) throws -> URL {
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let built = CLIRun.binary
        try FileManager.default.copyItem(at: built, to: bin.appendingPathComponent("lossplot"))
        if withBundle {
            try FileManager.default.copyItem(at: built.deletingLastPathComponent().appendingPathComponent(bundleName),
                                             to: bin.appendingPathComponent(bundleName))
        }
        return bin.appendingPathComponent("lossplot")
    }

    static let arguments = ["--lang", "en", "--formats", "svg"]
    static let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]

    @Test func aCopiedBinaryWithItsBundleWritesTheSameReportFromAnotherFolder() throws {
        let root = try Self.folder("copied")
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try Self.install(into: root)
        let elsewhere = try Self.folder("copied-cwd")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let moved = try CLIRun(executable: binary, ["report", "--out", "out"] + Self.arguments, in: elsewhere, environment: Self.epoch)
        #expect(moved.status == 0, "stderr: \(moved.stderr)")
        let built = root.appendingPathComponent("built").path
        let reference = try CLIRun(["report", "--out", built] + Self.arguments, environment: Self.epoch)
        #expect(reference.status == 0, "stderr: \(reference.stderr)")
        let page = try Data(contentsOf: elsewhere.appendingPathComponent("out/index.html"))
        #expect(page == (try Data(contentsOf: URL(fileURLWithPath: built + "/index.html"))))

        // It is the copied bundle that is read: a change to it shows in the page.
        let template = binary.deletingLastPathComponent().appendingPathComponent("\(Self.bundleName)/Templates/page.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "</body>", with: "<p>from the copied bundle</p></body>").write(to: template, atomically: true, encoding: .utf8)
        let again = try CLIRun(executable: binary, ["report", "--out", "out"] + Self.arguments, in: elsewhere, environment: Self.epoch)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("out/index.html"), encoding: .utf8).contains("from the copied bundle"))
    }

    @Test func aLinkToTheBinaryFindsTheBundleBesideWhatItLinksTo() throws {
        let root = try Self.folder("linked")
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try Self.install(into: root)
        let links = root.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        let link = links.appendingPathComponent("lossplot")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        let run = try CLIRun(executable: link, ["report", "--out", root.appendingPathComponent("out").path] + Self.arguments, in: root, environment: Self.epoch)
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    @Test func withoutItsBundleTheBinarySaysWhereItLookedAndTheOverridesStillWork() throws {
        let root = try Self.folder("bare")
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try Self.install(into: root, withBundle: false)
        let out = root.appendingPathComponent("out").path
        let bare = try CLIRun(executable: binary, ["report", "--out", out] + Self.arguments, in: root)
        #expect(bare.status == 1)
        #expect(bare.saysOneLine, "stderr: \(bare.stderr)")
        #expect(bare.stderr.contains(binary.deletingLastPathComponent().appendingPathComponent(Self.bundleName).path))
        #expect(!FileManager.default.fileExists(atPath: out))

        let templates = CLIRun.binary.deletingLastPathComponent().appendingPathComponent("\(Self.bundleName)/Templates").path
        let given = try CLIRun(executable: binary, ["report", "--out", out, "--templates", templates] + Self.arguments, in: root)
        #expect(given.status == 0, "stderr: \(given.stderr)")
        let fromEnvironment = try CLIRun(executable: binary, ["report", "--out", out] + Self.arguments, in: root,
                                         environment: ["LOSSPLOT_TEMPLATES": templates])
        #expect(fromEnvironment.status == 0, "stderr: \(fromEnvironment.stderr)")
    }
}
