import Foundation
import Testing

/// What lossplot writes is on the disk before it takes its name: each file is flushed (`fsync`)
/// before the rename that puts it in place, and its folder after; a report's every file and
/// folder before the swap. Seen from outside, in the system calls `strace` records (the Makefile's
/// `deps` installs it): nothing inside the process could tell a flushed file from one in the cache.
@Suite struct DurableWriteCLITests {
    static let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-durable-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    /// The `fsync`, `rename` and `renameat2` calls a run of lossplot makes, in order, each as the
    /// call's text with file descriptors shown as their paths (`fsync(9</a/b>)`).
    static func calls(_ arguments: [String], log name: String) throws -> (run: CLIRun, calls: [String]) {
        let strace = "/usr/bin/strace"
        try #require(FileManager.default.isExecutableFile(atPath: strace), "strace is needed for this test: make deps installs it")
        let log = dir.appendingPathComponent(name).path
        try? FileManager.default.removeItem(atPath: log)
        let run = try CLIRun(executable: URL(fileURLWithPath: strace),
                             ["-f", "-y", "-qq", "-e", "trace=fsync,rename,renameat2", "-o", log, CLIRun.binary.path] + arguments,
                             environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let calls = text.split(separator: "\n").compactMap { line -> String? in
            // "[pid 12] fsync(9</x>) = 0", or "fsync(9</x> <unfinished ...>" when threads overlap;
            // the "<... fsync resumed>" halves add nothing.
            guard let start = line.range(of: #"(fsync|rename|renameat2)\("#, options: .regularExpression) else { return nil }
            return String(line[start.lowerBound...])
        }
        return (run, calls)
    }

    static func index(of call: String, in calls: [String], _ what: String) throws -> Int {
        try #require(calls.firstIndex { $0.hasPrefix(call) }, "no \(what) (\(call)…) among \(calls.count) calls: \(calls.prefix(40))")
    }

    @Test func aChartIsFlushedBeforeItsRenameAndItsFolderAfter() throws {
        let out = Self.dir.appendingPathComponent("chart.png").path
        let (run, calls) = try Self.calls(["chart", "mse-vs-mae", "--out", out], log: "chart.log")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rename = try Self.index(of: "rename(\"\(Self.dir.path)/.chart.png.tmp-", in: calls, "rename of the temporary file")
        #expect(calls[rename].contains("\"\(out)\") = 0"), "\(calls[rename])")
        let flushed = try #require(calls.firstIndex { $0.hasPrefix("fsync(") && $0.contains("<\(Self.dir.path)/.chart.png.tmp-") },
                                   "no fsync of the temporary file: \(calls)")
        #expect(flushed < rename)
        let folder = try #require(calls.lastIndex { $0.hasPrefix("fsync(") && $0.contains("<\(Self.dir.path)>") }, "no fsync of the folder: \(calls)")
        #expect(folder > rename)
    }

    @Test func everyFileAndFolderOfAReportIsFlushedBeforeTheSwap() throws {
        let out = Self.dir.appendingPathComponent("report").path
        try? FileManager.default.removeItem(atPath: out)
        let (run, calls) = try Self.calls(["report", "--out", out, "--lang", "en", "--formats", "png"], log: "report.log")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let staging = "\(Self.dir.path)/.report.lossplot-new-"
        // The target is new here: the staging folder is renamed into place.
        let swap = try Self.index(of: "rename(\"\(staging)", in: calls, "swap")
        let flushedBefore = Set(calls[..<swap].compactMap { call -> String? in
            guard call.hasPrefix("fsync("), let open = call.range(of: "<"), let close = call.range(of: ">", range: open.upperBound..<call.endIndex) else { return nil }
            let path = String(call[open.upperBound..<close.lowerBound])
            guard path.hasPrefix(staging), let slash = path.dropFirst(staging.count).firstIndex(of: "/") else {
                return path.hasPrefix(staging) ? "" : nil  // the staging folder itself
            }
            return String(path[path.index(after: slash)...])
        })
        var written: [String] = []
        let walker = try #require(FileManager.default.enumerator(atPath: out))
        for case let relative as String in walker { written.append(relative) }
        #expect(written.contains("index.html") && written.contains("manifest.json") && written.contains("charts"))
        let unflushed = (written + [""]).filter { !flushedBefore.contains($0) }
        #expect(unflushed.isEmpty, "not flushed before the swap: \(unflushed)")
        let parent = try #require(calls.lastIndex { $0.hasPrefix("fsync(") && $0.contains("<\(Self.dir.path)>") }, "no fsync of the parent folder")
        #expect(parent > swap)
    }
}
