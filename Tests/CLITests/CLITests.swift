import Foundation
import Testing

/// The built `lossplot` binary run with a deadline: both pipes are drained while it runs (so a
/// full pipe cannot block it), and a run that has not ended after `seconds` is killed and
/// reported as hung, so a regression to an endless loop fails its test instead of stalling the suite.
struct DeadlineRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let hung: Bool

    init(executable: URL = CLIRun.binary, _ arguments: [String], seconds: Double = 60, in directory: URL? = nil,
         environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let drained = DispatchGroup()
        // Each is written by its own drain block only, and read only after `drained.wait()`.
        nonisolated(unsafe) var o = Data(), e = Data()
        DispatchQueue.global().async(group: drained) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: drained) { e = err.fileHandleForReading.readDataToEndOfFile() }
        var hung = false
        if ended.wait(timeout: .now() + seconds) == .timedOut {
            hung = true
            // SIGKILL: the child inherits the test thread's blocked signals, SIGTERM among them.
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        drained.wait()
        self.hung = hung
        status = process.terminationStatus
        stdout = String(decoding: o, as: UTF8.self)
        stderr = String(decoding: e, as: UTF8.self)
    }

    /// Exactly one line on stderr, starting with the tool's name.
    var saysOneLine: Bool { Self.saysOneLine(stderr) }

    /// Whether `stderr` is exactly one line starting with the tool's name.
    static func saysOneLine(_ stderr: String) -> Bool {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count == 2 && lines[1].isEmpty && lines[0].hasPrefix("lossplot: ")
    }
}

/// Runs the built `lossplot` binary the way a user does, and checks what they would see: a
/// `DeadlineRun` with a ten-minute deadline that must not be reached.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The executable sits beside the test bundle in the build folder.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("lossplot").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("lossplot")
    }

    init(executable: URL = CLIRun.binary, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws {
        let run = try DeadlineRun(executable: executable, arguments, seconds: 600, in: directory, environment: environment)
        #expect(!run.hung, "lossplot \(arguments.joined(separator: " ")) did not finish within ten minutes")
        status = run.status
        stdout = run.stdout
        stderr = run.stderr
    }

    /// Exactly one line on stderr, starting with the tool's name.
    var saysOneLine: Bool { DeadlineRun.saysOneLine(stderr) }
}

@Suite struct CLITests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-cli-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func unknownChartIdExits64AndListsTheIds() throws {
        let run = try CLIRun(["chart", "no-such-chart", "--out", dir.appendingPathComponent("x.png").path])
        #expect(run.status == 64)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("mse-vs-mae"))
    }

    @Test func unwritableOutFailsInOneLineAndLeavesNothing() throws {
        let target = dir.appendingPathComponent("missing-folder/chart.png").path
        let run = try CLIRun(["chart", "mse-vs-mae", "--out", target])
        #expect(run.status == 1)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(target))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func chartWritesTheFormatItsExtensionNames() throws {
        let target = dir.appendingPathComponent("chart.pdf").path
        let run = try CLIRun(["chart", "mse-vs-mae", "--out", target])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: target)).readData(ofLength: 5)
        #expect(head == Data("%PDF-".utf8))
    }

    @Test func aSourceDateEpochThatIsNotSecondsIsAUsageErrorForEveryWriter() throws {
        for args in [["chart", "hinge", "--out", dir.appendingPathComponent("sde.pdf").path],
                     ["report", "--out", dir.appendingPathComponent("sde-report").path]] {
            let run = try CLIRun(args, environment: ["SOURCE_DATE_EPOCH": "yesterday"])
            #expect(run.status == 64, "\(args[0]): \(run.stderr)")
            #expect(run.saysOneLine && run.stderr.contains("SOURCE_DATE_EPOCH"), "\(args[0]): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sde.pdf").path))
    }

    @Test func plotTakesAMarkerSizeForScattersOnly() throws {
        let data = try file("points.csv", "x,y\n1,2\n2,3\n3,1\n")
        let out = dir.appendingPathComponent("points.png").path
        let ok = try CLIRun(["plot", data, "--x", "x", "--y", "y", "--kind", "scatter", "--marker-size", "4", "--out", out])
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
        for (args, says) in [(["--marker-size", "4"], "--kind scatter"), (["--kind", "scatter", "--marker-size", "0"], "(0, 10000]")] {
            let run = try CLIRun(["plot", data, "--y", "y", "--out", dir.appendingPathComponent("bad.png").path] + args)
            #expect(run.status == 64, "\(args): \(run.stderr)")
            #expect(run.saysOneLine && run.stderr.contains(says), "\(args): \(run.stderr)")
        }
    }

    @Test func evalNamesTheFileAndLineOfABadCell() throws {
        let t = try file("t.csv", "1\n2\n3\n"), p = try file("p.csv", "1\n2\nabc\n")
        let run = try CLIRun(["eval", "mse", "--y-true", t, "--y-pred", p])
        #expect(run.status == 1)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("p.csv:3"))
    }

    @Test func aNegativeParameterGetsItsRealMessage() throws {
        let t = try file("neg.csv", "1\n2\n")
        for args in [["huber", "--delta", "-1"], ["triplet", "--margin", "-0.5"], ["huber", "--delta", "--gradient"]] {
            let run = try CLIRun(["eval", args[0], "--y-true", t, "--y-pred", t] + args.dropFirst())
            #expect(run.status == 64, "\(args): \(run.stderr)")
            #expect(run.saysOneLine && run.stderr.contains(args[1]) && !run.stderr.contains("Missing value"), "\(args): \(run.stderr)")
        }
    }

    @Test func evalUnknownLossIsAUsageError() throws {
        let t = try file("t2.csv", "1\n")
        let run = try CLIRun(["eval", "msx", "--y-true", t, "--y-pred", t])
        #expect(run.status == 64)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("huber"))
    }

    @Test func evalPrintsTheDocumentsMSEAsJSON() throws {
        let t = try file("mt.csv", "3.0\n-0.5\n2.0\n7.0\n"), p = try file("mp.csv", "2.5\n0.0\n2.0\n8.0\n")
        let run = try CLIRun(["eval", "mse", "--y-true", t, "--y-pred", p, "--gradient", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["value"] as? Double == 0.375)
        #expect(json?["gradient"] as? [Double] == [-0.25, 0.25, 0, 0.5])
    }

    @Test func missingFileIsOneLine() throws {
        let run = try CLIRun(["eval", "mse", "--y-true", "/nonexistent/a.csv", "--y-pred", "/nonexistent/b.csv"])
        #expect(run.status != 0)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
    }
}
