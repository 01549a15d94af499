import LossPlotCairo
import Foundation
import Testing
import OutputFiles

/// Issue 12, item 5: `OutputFile` never renames over what is not a regular file. Devices and
/// FIFOs are written through (a FIFO nobody reads, and a full device, are errors), a link to a
/// regular file has its target written, anything else is refused.
@Suite struct OutputFileTests {
    static func folder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("lossplot-outputfile-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func kind(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    /// /dev/null or /dev/full; as root, a copy of the node made in `dir`, so that a writer that
    /// renamed over it would replace the copy, not the system's.
    static func device(_ name: String, in dir: String) throws -> String {
        guard getuid() == 0 else { return "/dev/" + name }
        var st = stat()
        try #require(stat("/dev/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
        let path = dir + "/" + name
        try #require(mknod(path, S_IFCHR | 0o666, st.st_rdev) == 0, "mknod \(path)")
        return path
    }

    @Test func aFIFOThatNobodyReadsIsRefusedAtOnceAndStaysAFIFO() throws {
        let dir = try Self.folder("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.png"
        try #require(mkfifo(fifo, 0o644) == 0)
        let started = Date()
        #expect(throws: OutputFileError.self) { try OutputFile.write([1, 2, 3], to: fifo) }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.png"])
        do { try OutputFile.write([1], to: fifo) } catch {
            #expect("\(error)" == "cannot write \(fifo): it is a FIFO that no process is reading")
        }
    }

    @Test func aFIFOWithAReaderGetsTheBytes() throws {
        let dir = try Self.folder("fifo-read")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.png"
        try #require(mkfifo(fifo, 0o644) == 0)
        // The reader opens first (non-blocking, so this thread does not wait for a writer).
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        try OutputFile.write(bytes, to: fifo)
        var received = [UInt8](repeating: 0, count: 4096)
        let n = read(reader, &received, received.count)
        #expect(n == bytes.count && Array(received.prefix(max(n, 0))) == bytes)
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test func aCharacterDeviceIsWrittenThroughAndAFullOneIsAnError() throws {
        let dir = try Self.folder("devices")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let null = try Self.device("null", in: dir), full = try Self.device("full", in: dir)
        try OutputFile.write([UInt8](repeating: 7, count: 100_000), to: null)
        #expect(Self.kind(null) == S_IFCHR)
        let error = #expect(throws: OutputFileError.self) { try OutputFile.write([1, 2, 3], to: full) }
        #expect(error?.description == "cannot write \(full): No space left on device")
        #expect(Self.kind(full) == S_IFCHR)
        // No temporary file was left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func aLinkToARegularFileStaysALinkAndItsTargetIsWrittenWholeWithItsMode() throws {
        let dir = try Self.folder("link")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: false)
        let target = dir + "/real/chart.png", link = dir + "/chart.png"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/chart.png")
        try OutputFile.write(Array("new bytes".utf8), to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/chart.png")
        #expect(FileManager.default.contents(atPath: target) == Data("new bytes".utf8))
        var st = stat()
        #expect(stat(target, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/real") == ["chart.png"])
    }

    @Test func aFolderAndABrokenLinkAreRefused() throws {
        let dir = try Self.folder("refused")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let broken = dir + "/broken.png"
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: dir + "/nowhere.png")
        #expect(throws: OutputFileError.self) { try OutputFile.write([1], to: broken) }
        #expect(Self.kind(broken) == S_IFLNK && Self.kind(dir + "/nowhere.png") == nil)
        #expect(throws: OutputFileError.self) { try OutputFile.write([1], to: dir) }

    }

    @Test func aRegularFileIsReplacedWholeAndKeepsItsMode() throws {
        let dir = try Self.folder("regular")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/chart.svg"
        try OutputFile.write(Array("first".utf8), to: path)
        chmod(path, 0o640)
        try OutputFile.write(Array("second".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("second".utf8))
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["chart.svg"])
    }

    @Test func aStaleTemporaryFileOfAKilledRunIsRemovedByTheNextWrite() throws {
        let dir = try ArtifactFixture.temporaryFolder("stale-temp")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try Fixture.deadPID()
        try ArtifactFixture.write([1, 2, 3], dir + "/.chart.png.tmp-\(dead)-1")
        try ArtifactFixture.write([1, 2, 3], dir + "/.chart.png.tmp-1-1")
        try OutputFile.write([9], to: dir + "/chart.png")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [".chart.png.tmp-1-1", "chart.png"])
    }
}
