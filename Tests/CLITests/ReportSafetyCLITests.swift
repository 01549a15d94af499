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

    // MARK: 3. names from a manifest are data

    @Test func diffWritesNothingOutsideOutWhateverAScenarioIdSays() throws {
        let root = try Self.folder("traversal")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let a = try Self.copy(to: root, as: "a"), b = try Self.copy(to: root, as: "b")
        try Self.editManifest(b) { files in
            for i in files.indices where files[i]["scenario"] as? String == "huber" { files[i]["scenario"] = "../../../escaped/pwn" }
        }
        let cwd = root + "/x/y"
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        let run = try CLIRun(["diff", a, b, "--out", "sub/D"], in: URL(fileURLWithPath: cwd))
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stdout.split(separator: "\n").contains("added: ../../../escaped/pwn"), "stdout: \(run.stdout)")
        let everything = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        let outside = everything.filter { ($0.contains("escaped") || $0.contains("pwn")) && !$0.hasPrefix("x/y/sub/D/charts/") }
        #expect(outside.isEmpty, "\(outside)")
        let charts = try FileManager.default.contentsOfDirectory(atPath: cwd + "/sub/D/charts").sorted()
        // Both of huber's charts (the Ukrainian one draws Ukrainian text, so it is a file of its own).
        #expect(charts == ["escaped-pwn-1-new.png", "escaped-pwn-uk-2-new.png", "huber-baseline.png", "huber.uk-baseline.png"], "\(charts)")
    }

    // MARK: 5. devices and FIFOs as --out

    @Test func chartIntoAFIFOThatNobodyReadsFailsInOneLineAndLeavesTheFIFO() throws {
        let dir = try Self.folder("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/chart.png"
        try #require(mkfifo(fifo, 0o644) == 0)
        let run = try CLIRun(["chart", "huber", "--format", "png", "--out", fifo])
        #expect(run.status == 1)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("\(fifo): it is a FIFO that no process is reading"))
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["chart.png"])
    }

    @Test func chartIntoDevicesWritesThroughAndReportsAFullOne() throws {
        let dir = try Self.folder("devices")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // As root, copies of /dev/null and /dev/full: a writer that renamed over them replaces
        // the copies, never the system's nodes.
        func device(_ name: String) throws -> String {
            guard getuid() == 0 else { return "/dev/" + name }
            var st = stat()
            try #require(stat("/dev/" + name, &st) == 0)
            try #require(mknod(dir + "/" + name, S_IFCHR | 0o666, st.st_rdev) == 0)
            return dir + "/" + name
        }
        let null = try device("null"), full = try device("full")
        let ok = try CLIRun(["chart", "huber", "--format", "png", "--out", null])
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(Self.kind(null) == S_IFCHR)
        let failed = try CLIRun(["chart", "huber", "--format", "svg", "--out", full])
        #expect(failed.status == 1)
        #expect(failed.saysOneLine, "stderr: \(failed.stderr)")
        #expect(failed.stderr.contains("cannot write \(full): No space left on device"))
        #expect(Self.kind(full) == S_IFCHR)
    }

    @Test func reportAndDiffRefuseAFIFOOrADeviceAsTheirFolder() throws {
        let dir = try Self.folder("folder-out")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Self.copy(to: dir, as: "a")
        let fifo = dir + "/fifo"
        try #require(mkfifo(fifo, 0o644) == 0)
        for arguments in [["report", "--out", fifo, "--formats", "png"], ["diff", a, a, "--out", fifo],
                          ["report", "--out", "/dev/null", "--formats", "png"], ["diff", a, a, "--out", "/dev/null"]] {
            let run = try CLIRun(arguments)
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(run.saysOneLine && run.stderr.contains("is not a folder; refusing"), "\(arguments): \(run.stderr)")
        }
        #expect(Self.kind(fifo) == S_IFIFO && Self.kind("/dev/null") == S_IFCHR)
    }

    // MARK: 6. links inside a report

    @Test func verifyAndDiffTreatALinkedChartAsAFinding() throws {
        let dir = try Self.folder("links")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Self.copy(to: dir, as: "a"), b = try Self.copy(to: dir, as: "b")
        // The chart moved out of the folder and linked back: same bytes, same hash.
        try FileManager.default.moveItem(atPath: b + "/charts/huber.png", toPath: dir + "/huber.png")
        try FileManager.default.createSymbolicLink(atPath: b + "/charts/huber.png", withDestinationPath: dir + "/huber.png")
        let verify = try CLIRun(["verify", b])
        #expect(verify.status == 1)
        #expect(verify.stdout == "not a regular file: charts/huber.png (a symbolic link)\n", "stdout: \(verify.stdout)")
        #expect(verify.saysOneLine && verify.stderr.contains("1 problem"), "stderr: \(verify.stderr)")
        let diff = try CLIRun(["diff", a, b, "--out", dir + "/d"])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("unreadable: huber (\(b)/charts/huber.png is a symbolic link, not a regular file)"), "stdout: \(diff.stdout)")
    }

    // MARK: 9. a PNG that declares too many pixels

    @Test func diffRefusesAPNGOverThePixelLimitQuicklyInOneLine() throws {
        let dir = try Self.folder("bomb")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try Self.copy(to: dir, as: "a"), b = try Self.copy(to: dir, as: "b")
        // Signature and an IHDR of 20000 x 20000 RGB, with its CRC; no image data.
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr = Array("IHDR".utf8) + be(20000) + be(20000) + [8, 2, 0, 0, 0]
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in ihdr {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + be(~crc)
        try Data(png).write(to: URL(fileURLWithPath: b + "/charts/huber.png"))
        try Self.editManifest(b) { files in
            for i in files.indices where files[i]["path"] as? String == "charts/huber.png" {
                files[i]["bytes"] = png.count
                files[i]["sha256"] = Self.sha256Hex(png)
            }
        }
        let started = Date()
        let run = try CLIRun(["diff", a, b, "--out", dir + "/d"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.status == 1)
        #expect(run.stdout.contains("unreadable: huber (\(b)/charts/huber.png: PNG of 20000x20000 pixels (400000000): over the limit of 178956970 pixels)"), "stdout: \(run.stdout)")
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
    }

    /// SHA-256 through the system's sha256sum, so the test does not lean on lossplot's own.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "" }
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data.prefix(64), as: UTF8.self)
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

    // MARK: 11. interrupted and killed runs

    /// `lossplot report --out target` started with the test pause at `point`; returns once the
    /// pause is reached (nil if it never was, within a minute).
    static func startPaused(at point: String, target: String, ready: String) throws -> Process? {
        let process = Process()
        process.executableURL = CLIRun.binary
        process.arguments = ["report", "--out", target, "--formats", "png"]
        process.environment = ProcessInfo.processInfo.environment.merging(["LOSSPLOT_TEST_PAUSE": "\(point):\(ready)"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: ready) {
            guard process.isRunning, Date() < deadline else {
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                return nil
            }
            usleep(20_000)
        }
        return process
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func anInterruptWhileWritingRemovesTheStagingFolderAndKeepsTheOldReport(signal: Int32, status: Int32) throws {
        let dir = try Self.folder("interrupt-\(signal)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Self.copy(to: dir, as: "T")
        let before = try Self.leftovers(beside: target)
        #expect(before.isEmpty)
        let process = try #require(try Self.startPaused(at: "writing", target: target, ready: dir + "/ready"), "the pause was never reached")
        #expect(try Self.leftovers(beside: target).count == 1)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == status,
                "\(process.terminationReason.rawValue) \(process.terminationStatus)")
        #expect(try Self.leftovers(beside: target).isEmpty)
        let verify = try CLIRun(["verify", target])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func aRunKilledInTheSwapLeavesTheTargetInPlaceAndTheNextRunCleansUp() throws {
        let dir = try Self.folder("kill-swap")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Self.copy(to: dir, as: "T")
        let process = try #require(try Self.startPaused(at: "swap", target: target, ready: dir + "/ready"), "the pause was never reached")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The new report is in place; the old one waits under the staging name.
        #expect(try CLIRun(["verify", target]).status == 0)
        #expect(try Self.leftovers(beside: target) == [".T.lossplot-new-\(process.processIdentifier)"])
        let again = try CLIRun(["report", "--out", target, "--formats", "png"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(try Self.leftovers(beside: target).isEmpty)
    }

    @Test func aRunKilledBetweenTwoRenamesIsRecoveredByTheNextRun() throws {
        let dir = try Self.folder("kill-rename")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = try Self.copy(to: dir, as: "T")
        let process = try #require(try Self.startPaused(at: "rename-swap", target: target, ready: dir + "/ready"), "the pause was never reached")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let pid = process.processIdentifier
        // Without an exchange the target is missing for a moment: killed there, it stays missing.
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try Self.leftovers(beside: target) == [".T.lossplot-new-\(pid)", ".T.lossplot-old-\(pid)"])
        // The next run that writes it puts the old report back first (ReportSafetyTests checks
        // that on its own), then replaces it and removes both folders.
        let again = try CLIRun(["report", "--out", target, "--formats", "png"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(try Self.leftovers(beside: target).isEmpty)
        #expect(try CLIRun(["verify", target]).status == 0)
    }
}
