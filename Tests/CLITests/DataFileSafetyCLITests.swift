import Foundation
import Testing

/// Hostile or unusual data files through the built binary (issue 12): the right numbers or one
/// safe line on stderr, never a hang.
@Suite struct DataFileSafetyCLITests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-datafiles-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    /// `eval mse` of two files as JSON.
    func mse(_ yTrue: String, _ yPred: String) throws -> (run: CLIRun, json: [String: Any]?) {
        let run = try CLIRun(["eval", "mse", "--y-true", yTrue, "--y-pred", yPred, "--format", "json"])
        return (run, try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The one stderr line has no control or format character: nothing from a file reaches the
    /// terminal raw.
    static func isSafe(_ run: CLIRun) -> Bool {
        run.saysOneLine && run.stderr.dropLast().unicodeScalars.allSatisfy {
            ![.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
    }

    @Test func aByteOrderMarkDropsNoRowAndHidesNoColumn() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let t = try file("bom-t.csv", bom + Array("1\n2\n3\n".utf8)), p = try file("bom-p.csv", bom + Array("1\n2\n4\n".utf8))
        let (run, json) = try mse(t, p)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(json?["n"] as? Int == 3)
        #expect(json?["value"] as? Double == 1.0 / 3)
        let log = try file("bom-log.csv", bom + Array("step,loss\r\n1,2\r\n2,1\r\n".utf8))
        let out = dir.appendingPathComponent("bom.svg").path
        let plot = try CLIRun(["plot", log, "--x", "step", "--y", "loss", "--out", out])
        #expect(plot.status == 0, "stderr: \(plot.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func carriageReturnLinesAreCounted() throws {
        let t = try file("cr.csv", "1\r2\rx\r")
        let (run, _) = try mse(t, t)
        #expect(run.status == 1)
        #expect(run.saysOneLine && run.stderr.contains("cr.csv:3: column 1: \"x\" is not a number"), "stderr: \(run.stderr)")
    }

    @Test func aHexFloatIsNotANumber() throws {
        let t = try file("hex-t.csv", "1\n0x1p3\n"), p = try file("hex-p.csv", "1\n8\n")
        let (run, _) = try mse(t, p)
        #expect(run.status == 1)
        #expect(run.saysOneLine && run.stderr.contains("hex-t.csv:2: column 1: \"0x1p3\" is not a number"), "stderr: \(run.stderr)")
    }

    @Test func cellsAndNamesFromAFileReachStderrEscaped() throws {
        let newline = try file("nl.csv", "1\n\"x\ny\"\n"), escape = try file("esc.csv", "1\n\u{1b}]0;owned\u{7}\u{1b}[2J\n")
        for (path, shown) in [(newline, #""x\ny""#), (escape, #""\u{1b}]0;owned\u{7}\u{1b}[2J""#)] {
            let (run, _) = try mse(path, path)
            #expect(run.status == 1)
            #expect(Self.isSafe(run) && run.stderr.contains("\(shown) is not a number"), "stderr: \(run.stderr.debugDescription)")
        }
        let log = try file("names.csv", "\"st\nep\",\"lo\u{1b}[31mss\"\n1,2\n")
        let plot = try CLIRun(["plot", log, "--x", "step", "--y", "loss", "--out", dir.appendingPathComponent("n.svg").path])
        #expect(plot.status == 1)
        #expect(Self.isSafe(plot) && plot.stderr.contains(#"has no column "step" (columns: "st\nep", "lo\u{1b}[31mss")"#),
                "stderr: \(plot.stderr.debugDescription)")
    }

    @Test func aFIFOIsRefusedAtOnce() throws {
        let fifo = dir.appendingPathComponent("pipe.csv").path
        try? FileManager.default.removeItem(atPath: fifo)
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = CLIRun.binary
        process.arguments = ["eval", "mse", "--y-true", fifo, "--y-pred", fifo]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!hung, "lossplot waited on a FIFO")
        #expect(process.terminationStatus == 1)
        #expect(stderr == "lossplot: \(fifo): is not a regular file (it is a FIFO)\n")
    }

    /// A version 1.0 `.npy` file with this header text, unpadded, and these doubles' bytes as stored.
    func npy(_ name: String, header: String, data: [UInt8]) throws -> String {
        let text = Array(header.utf8) + [0x0A]
        return try file(name, [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text + data)
    }

    static func bytes(_ values: [Double], bigEndian: Bool = false) -> [UInt8] {
        values.flatMap { x in withUnsafeBytes(of: bigEndian ? x.bitPattern.bigEndian : x.bitPattern.littleEndian, Array.init) }
    }

    @Test func npyHeadersAreReadAsNumpyReadsThem() throws {
        let t = try npy("dq.npy", header: #"{"descr": "<f8", "fortran_order": False, "shape": (3,)}"#, data: Self.bytes([1, 2, 3]))
        let p = try npy("be.npy", header: "{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }", data: Self.bytes([1, 2, 5], bigEndian: true))
        let (run, json) = try mse(t, p)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(json?["n"] as? Int == 3 && json?["value"] as? Double == 4.0 / 3)
        let half = try npy("half.npy", header: "{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", data: [0x00, 0x3C, 0x00, 0x40, 0x00, 0x45])
        let (halfRun, halfJSON) = try mse(half, p)
        #expect(halfRun.status == 0 && halfJSON?["value"] as? Double == 0, "stderr: \(halfRun.stderr)")
        for (name, header, says) in [
            ("junk.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': <<>>!}", "bad .npy header at byte 71: expected a value"),
            ("nodict.npy", "junk 'descr': '<f8' 'fortran_order': False 'shape': (3,)", "bad .npy header at byte 10: expected a value"),
            ("huge.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }",
             "file is truncated: shape (4611686018427387904, 4) of <f8 needs more than 9223372036854775807 bytes of data; the file has 24"),
        ] {
            let bad = try npy(name, header: header, data: Self.bytes([1, 2, 3]))
            let (badRun, _) = try mse(bad, t)
            #expect(badRun.status == 1, "\(name)")
            #expect(Self.isSafe(badRun) && badRun.stderr.contains(says), "\(name): \(badRun.stderr)")
        }
    }
}
