import Foundation
import SafeText
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built binary started through posix_spawn, as a shell would start it: arguments as raw bytes
/// (a file name need not be UTF-8), and standard output a file, a device, closed, or a pipe nobody
/// reads. SIGPIPE is at its default in the child unless `ignoringSIGPIPE` (then a shell ignores it
/// before exec'ing, as `trap '' PIPE` does).
struct RawCLIRun {
    /// Where the child's standard output goes.
    enum Destination {
        /// A temporary file, read back into `stdout`.
        case captured
        /// An existing file or device, opened for writing (`> /dev/full`).
        case file(String)
        /// No descriptor 1 at all (`>&-`).
        case closed
        /// The write end of a pipe whose read end is already closed (`| true` after it exited).
        case brokenPipe
    }

    /// The exit status, when the process exited.
    let status: Int32?
    /// The signal that ended the process, when one did.
    let signal: Int32?
    let stdout: [UInt8]
    let stderr: String

    init(_ arguments: [[UInt8]], stdout destination: Destination = .captured, ignoringSIGPIPE: Bool = false,
         in directory: String? = nil, environment: [String: String] = [:]) throws {
        var argv: [[UInt8]] = [Array(CLIRun.binary.path.utf8)] + arguments
        if ignoringSIGPIPE {
            argv = [Array("/bin/sh".utf8), Array("-c".utf8), Array("trap '' PIPE; exec \"$0\" \"$@\"".utf8)] + argv
        }
        if let directory {
            argv = [Array("/bin/sh".utf8), Array("-c".utf8), Array("cd \"$0\" && exec \"$@\"".utf8), Array(directory.utf8)] + argv
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-raw-\(UUID().uuidString)").path
        let outPath = scratch + ".out", errPath = scratch + ".err"
        defer { unlink(outPath); unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeWriteEnd: Int32 = -1
        switch destination {
        case .captured: posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY, 0)
        case .closed: posix_spawn_file_actions_addclose(&actions, 1)
        case .brokenPipe:
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            close(ends[0])
            pipeWriteEnd = ends[1]
            posix_spawn_file_actions_adddup2(&actions, pipeWriteEnd, 1)
            posix_spawn_file_actions_addclose(&actions, pipeWriteEnd)
        }
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { Array("\($0)=\($1)".utf8) }
        let cArgv = argv.map(Self.cString), cEnv = env.map(Self.cString)
        defer { (cArgv + cEnv).forEach { $0?.deallocate() } }
        var pid = pid_t()
        guard let program = cArgv[0] else { throw POSIXError(.ENOMEM) }
        let spawned = posix_spawn(&pid, program, &actions, &attributes, cArgv + [nil], cEnv + [nil])
        if pipeWriteEnd >= 0 { close(pipeWriteEnd) }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        var wait: Int32 = 0
        while waitpid(pid, &wait, 0) < 0 && errno == EINTR {}
        if wait & 0x7F == 0 {
            status = (wait >> 8) & 0xFF
            signal = nil
        } else {
            status = nil
            signal = wait & 0x7F
        }
        stdout = (FileManager.default.contents(atPath: outPath)).map { [UInt8]($0) } ?? []
        stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
    }

    init(_ arguments: [String], stdout destination: Destination = .captured, ignoringSIGPIPE: Bool = false,
         in directory: String? = nil, environment: [String: String] = [:]) throws {
        try self.init(arguments.map { Array($0.utf8) }, stdout: destination, ignoringSIGPIPE: ignoringSIGPIPE,
                      in: directory, environment: environment)
    }

    private static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
        p[bytes.count] = 0
        return p
    }

    /// Exactly one line on stderr, starting with the tool's name.
    var saysOneLine: Bool {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count == 2 && lines[1].isEmpty && lines[0].hasPrefix("lossplot: ")
    }
}

/// What reaches the user's terminal and files when stdout fails, when text from outside the program
/// is echoed, and when a file name is not UTF-8.
@Suite struct OutputSafetyCLITests {
    let dir: String = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-safety-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    func file(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// A file whose name is the given bytes (inside `dir`); returns the full path as bytes.
    func rawFile(_ name: [UInt8], _ text: String) throws -> [UInt8] {
        let path = Array(dir.utf8) + [UInt8(ascii: "/")] + name
        let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(.EACCES) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
        return path
    }

    func exists(_ path: [UInt8]) -> Bool {
        var st = stat()
        return stat(path.map { CChar(bitPattern: $0) } + [0], &st) == 0
    }

    /// One invocation of each command, each of which prints something on success.
    func everyCommand() throws -> [[String]] {
        let t = try file("t.csv", "1\n2\n3\n"), p = try file("p.csv", "1\n2\n4\n")
        let points = try file("points.csv", "x,y\n1,2\n2,3\n")
        let report = try ArtifactCLITests().copy("safety-report")
        return [
            ["list"], ["list", "--format", "json"], ["run", "mse-example"], ["run", "mse-example", "--format", "json"],
            ["run", "--all"], ["run", "--all", "--format", "json"],
            ["eval", "mse", "--y-true", t, "--y-pred", p, "--gradient"],
            ["eval", "mse", "--y-true", t, "--y-pred", p, "--format", "json"],
            ["chart", "hinge", "--out", dir + "/hinge.svg"], ["plot", points, "--y", "y", "--out", dir + "/points.svg"],
            ["verify", report], ["diff", report, report, "--out", dir + "/diff-\(UUID().uuidString.prefix(8))"],
            ["--help"], ["eval", "--help"],
        ]
    }

    // MARK: write errors on stdout (issue 12, item 7)

    @Test func aFullDiskOnStdoutIsAWriteErrorForEveryCommand() throws {
        for arguments in try everyCommand() {
            let run = try RawCLIRun(arguments, stdout: .file("/dev/full"))
            #expect(run.status == 1, "\(arguments): status \(String(describing: run.status)) signal \(String(describing: run.signal)), \(run.stderr)")
            #expect(run.stderr == "lossplot: write error: No space left on device\n", "\(arguments): \(run.stderr)")
        }
    }

    @Test func aClosedStdoutIsAWriteErrorForEveryCommand() throws {
        for arguments in try everyCommand() {
            let run = try RawCLIRun(arguments, stdout: .closed)
            #expect(run.status == 1, "\(arguments): status \(String(describing: run.status)) signal \(String(describing: run.signal)), \(run.stderr)")
            #expect(run.stderr == "lossplot: write error: Bad file descriptor\n", "\(arguments): \(run.stderr)")
        }
    }

    @Test func aClosedStdoutIsNeverReusedForAFileTheCommandWrites() throws {
        // With descriptor 1 closed, the next open() would get it: a chart written there and then
        // `print(path)` would append the path to the chart.
        let out = dir + "/closed-stdout.svg"
        let run = try RawCLIRun(["chart", "hinge", "--out", out], stdout: .closed)
        #expect(run.status == 1, "\(run.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasSuffix("</svg>\n") && !svg.contains(out), "the chart ends \(svg.suffix(80))")
    }

    @Test func aPipeClosedByTheReaderEndsQuietlyOrWithAWriteErrorNeverATrap() throws {
        for arguments in try everyCommand() {
            let quiet = try RawCLIRun(arguments, stdout: .brokenPipe)
            #expect(quiet.signal == SIGPIPE && quiet.stderr.isEmpty, "\(arguments): status \(String(describing: quiet.status)) signal \(String(describing: quiet.signal)), \(quiet.stderr)")
            let ignored = try RawCLIRun(arguments, stdout: .brokenPipe, ignoringSIGPIPE: true)
            #expect(ignored.status == 1, "\(arguments): status \(String(describing: ignored.status)) signal \(String(describing: ignored.signal)), \(ignored.stderr)")
            #expect(ignored.stderr == "lossplot: write error: Broken pipe\n", "\(arguments): \(ignored.stderr)")
        }
    }

    @Test func aFailedCheckStillPrintsItsFindingsBeforeTheSummary() throws {
        let report = try ArtifactCLITests().copy("safety-findings")
        try FileManager.default.removeItem(atPath: report + "/index.html")
        let run = try RawCLIRun(["verify", report])
        #expect(run.status == 1)
        #expect(String(decoding: run.stdout, as: UTF8.self) == "missing: index.html\n")
        #expect(run.saysOneLine && run.stderr.contains("1 problem against manifest.json"), "\(run.stderr)")
    }

    // MARK: one line per message, whatever the text echoed (items 12 and 20)

    @Test func aFileNameThatHoldsControlCharactersIsEscapedOnItsOneLine() throws {
        let name = "a\nlossplot: forged\u{1B}[31m\r\t\u{202E}cba.csv"
        let run = try RawCLIRun(["eval", "mse", "--y-true", dir + "/" + name, "--y-pred", dir + "/" + name])
        #expect(run.status == 1)
        #expect(run.saysOneLine, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("a\\nlossplot: forged\\x1B[31m\\r\\t\\u{202E}cba.csv: cannot open"), "\(run.stderr)")
    }

    @Test func aCellWithANewlineOrAnEscapeIsEscapedOnItsOneLine() throws {
        let quoted = try file("quoted.csv", "a,b\n\"x\ny\",2\n")
        let plot = try RawCLIRun(["plot", quoted, "--x", "a", "--y", "b", "--out", dir + "/quoted.png"])
        #expect(plot.status == 1)
        #expect(plot.saysOneLine && plot.stderr.contains("\"x\\ny\" is not a number"), "\(plot.stderr)")
        let coloured = try file("coloured.csv", "1\n\u{1B}[31mred\u{9B}2J\n")
        let eval = try RawCLIRun(["eval", "mse", "--y-true", coloured, "--y-pred", coloured])
        #expect(eval.status == 1)
        // Shown escaped (in whichever form the reader quotes a cell), never raw.
        let raw = eval.stderr.dropLast().unicodeScalars.contains { $0.properties.generalCategory == .control }
        #expect(eval.saysOneLine && !raw && eval.stderr.contains("[31mred") && eval.stderr.contains("2J"), "\(eval.stderr.debugDescription)")
    }

    @Test func anArgumentTheParserRefusesIsEscapedOnItsOneLine() throws {
        for arguments in [["chart", "no\nlossplot: such"], ["eval", "mse", "--bo\ngus"], ["list", "--format", "te\u{7}xt"],
                          ["plot", "x.csv", "--y", "y", "--out", "a\nb.gif"]] {
            let run = try RawCLIRun(arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.saysOneLine, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(arguments): \(run.stderr)")
        }
    }

    @Test func verifyEscapesAFileNameThatWouldForgeAFinding() throws {
        let report = try ArtifactCLITests().copy("safety-forged")
        try Data().write(to: URL(fileURLWithPath: report + "/a\nchanged: index.html (forged)"))
        let run = try RawCLIRun(["verify", report])
        #expect(run.status == 1)
        let lines = String(decoding: run.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == ["unlisted: a\\nchanged: index.html (forged) (not in manifest.json)", ""], "stdout: \(lines)")
        #expect(run.saysOneLine && run.stderr.contains("1 unlisted"), "\(run.stderr)")
    }

    // MARK: file names that are not UTF-8 (item 16)

    @Test func aFileNameThatIsNotUTF8OpensTheRealFile() throws {
        let t = try rawFile(Array("caf".utf8) + [0xE9] + Array(".csv".utf8), "1\n2\n3\n")
        let p = try rawFile([0xFF, 0xFE] + Array(".csv".utf8), "1\n2\n4\n")
        let run = try RawCLIRun([Array("eval".utf8), Array("mse".utf8), Array("--y-true".utf8), t, Array("--y-pred".utf8), p])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(String(decoding: run.stdout, as: UTF8.self) == "mse (mean over 3 samples): 0.3333333333333333\n")
    }

    @Test func aMissingFileThatIsNotUTF8IsNamedByItsBytes() throws {
        let missing = Array(dir.utf8) + Array("/gone".utf8) + [0xE9, 0x80] + Array(".csv".utf8)
        let run = try RawCLIRun([Array("eval".utf8), Array("mse".utf8), Array("--y-true".utf8), missing, Array("--y-pred".utf8), missing])
        #expect(run.status == 1)
        #expect(run.saysOneLine && run.stderr.contains("/gone\\xE9\\x80.csv: cannot open: No such file or directory"), "\(run.stderr)")
    }

    @Test func plotWritesToANameThatIsNotUTF8() throws {
        let data = try rawFile(Array("log".utf8) + [0xB5] + Array(".csv".utf8), "step,loss\n1,2\n2,1\n")
        let out = Array(dir.utf8) + Array("/chart".utf8) + [0xE4] + Array(".svg".utf8)
        let named = try RawCLIRun([Array("plot".utf8), data, Array("--x".utf8), Array("step".utf8), Array("--y".utf8), Array("loss".utf8),
                                   Array("--out".utf8), out])
        #expect(named.status == 0, "stderr: \(named.stderr)")
        #expect(exists(out))
        #expect(String(decoding: named.stdout, as: UTF8.self) == dir + "/chart\\xE4.svg\n")
        // Without --out the chart is named for the data file, byte for byte.
        let defaulted = try RawCLIRun([Array("plot".utf8), data, Array("--y".utf8), Array("loss".utf8)], in: dir)
        #expect(defaulted.status == 0, "stderr: \(defaulted.stderr)")
        #expect(exists(Array(dir.utf8) + Array("/Output/log".utf8) + [0xB5] + Array(".png".utf8)))
    }

    @Test func aFolderNameThatIsNotUTF8IsRefusedNotMisspelt() throws {
        let folder = Array(dir.utf8) + Array("/report".utf8) + [0xFF]
        let run = try RawCLIRun([Array("report".utf8), Array("--out".utf8), folder])
        #expect(run.status == 64)
        #expect(run.saysOneLine && run.stderr.contains("--out") && run.stderr.contains("report\\xFF"), "\(run.stderr)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!entries.contains { $0.hasPrefix("report") }, "\(entries)")
    }

    // MARK: SOURCE_DATE_EPOCH (item 19)

    @Test func aSourceDateEpochOutsideYears1970To9999IsAUsageError() throws {
        for value in ["99999999999999", "253402300800", "-1", "-99999999999"] {
            for arguments in [["chart", "hinge", "--out", dir + "/epoch.pdf"], ["report", "--out", dir + "/epoch-report"]] {
                let run = try RawCLIRun(arguments, environment: ["SOURCE_DATE_EPOCH": value])
                #expect(run.status == 64, "\(value) \(arguments[0]): \(run.stderr)")
                #expect(run.saysOneLine && run.stderr.contains("SOURCE_DATE_EPOCH") && run.stderr.contains("9999"), "\(value): \(run.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/epoch.pdf"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/epoch-report"))
    }

    @Test func theFirstAndLastSecondsOfTheRangeDateThePDF() throws {
        for (value, date) in [("0", "(19700101000000Z)"), ("253402300799", "(99991231235959Z)")] {
            let out = dir + "/edge-\(value).pdf"
            let run = try RawCLIRun(["chart", "hinge", "--out", out], environment: ["SOURCE_DATE_EPOCH": value])
            #expect(run.status == 0, "\(value): \(run.stderr)")
            let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
            #expect(pdf.contains("/CreationDate \(date)"), "\(value)")
        }
    }
}

/// The two pieces every echo and every file name go through, checked directly.
@Suite struct SafeTextTests {
    @Test func everyByteStringSurvivesTheTripThroughText() {
        var samples: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for a in 0x80...0xFF { for b in stride(from: 0, through: 0xFF, by: 7) { samples.append([UInt8(a), UInt8(b)]) } }
        // The UTF-8 of the escape block itself, overlongs, surrogates and past U+10FFFF.
        samples += [[0xF4, 0x8F, 0xB6, 0x80], [0xF4, 0x8F, 0xB7, 0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
                    [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], Array("café 😀".utf8)]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            samples.append(bytes.filter { $0 != 0 })
        }
        for bytes in samples {
            #expect(FileSystemPath.bytes(FileSystemPath.string(fromBytes: bytes)) == bytes, "\(bytes)")
        }
    }

    @Test func validUTF8IsItsOwnText() {
        for text in ["plain.csv", "café/ünïcode.npy", "😀 log.csv", "日本語.csv"] {
            #expect(FileSystemPath.string(fromBytes: Array(text.utf8)) == text)
            #expect(FileSystemPath.isText(text))
        }
        #expect(!FileSystemPath.isText(FileSystemPath.string(fromBytes: [0x61, 0xFF])))
    }

    @Test func aPathHoldingANulNamesNoFile() {
        #expect(FileSystemPath.cString("a\u{0}b") == [0])
        #expect(FileSystemPath.cString("ab") == [0x61, 0x62, 0])
    }

    @Test func escapesWhatIsNotVisibleTextAndNothingElse() {
        let cases: [(String, String)] = [
            ("a\nb\rc\td", "a\\nb\\rc\\td"), ("\u{1B}[31m", "\\x1B[31m"), ("\u{0}\u{7F}", "\\x00\\x7F"),
            ("\u{85}\u{9B}", "\\u{0085}\\u{009B}"), ("\u{202E}\u{2066}\u{200B}\u{FEFF}", "\\u{202E}\\u{2066}\\u{200B}\\u{FEFF}"),
            ("\u{2028}\u{2029}", "\\u{2028}\\u{2029}"), (String(String.UnicodeScalarView([0xFFFF, 0xFDD0].compactMap(Unicode.Scalar.init))), "\\u{FFFF}\\u{FDD0}"), ("C:\\x", "C:\\x"),
            ("café – 日本 😀 ±1e-3 'q' \"q\"", "café – 日本 😀 ±1e-3 'q' \"q\""),
            (FileSystemPath.string(fromBytes: [0x61, 0xE9, 0x62]), "a\\xE9b"),
        ]
        for (text, shown) in cases {
            #expect(DisplayText.escaped(text) == shown, "\(text.unicodeScalars.map(\.value))")
            // Escaping twice changes nothing, so a message a library escaped survives the final line.
            #expect(DisplayText.escaped(shown) == shown, "\(shown)")
        }
    }
}
