import Dispatch
import Foundation
import Testing
@testable import DataFiles

/// What the readers open: regular files only, and nothing may block on the way there.
@Suite struct InputFileTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-input-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Opens `path` as the readers do on another thread; fails (rather than hangs) when that takes
    /// over five seconds, and then unblocks it by opening the FIFO's other end.
    static func openWithin5s(_ path: String) -> DataFileError? {
        let done = DispatchSemaphore(value: 0)
        // Written by the thread before it signals, read only after the wait: never at the same time.
        nonisolated(unsafe) var caught: DataFileError? = nil
        Thread.detachNewThread {
            do { _ = try MappedFile(path: path) } catch let error as DataFileError { caught = error } catch {}
            done.signal()
        }
        if done.wait(timeout: .now() + 5) == .timedOut {
            let fd = open(path, O_RDWR | O_NONBLOCK)
            done.wait()
            if fd >= 0 { close(fd) }
            Issue.record("opening \(path) blocked")
            return nil
        }
        return caught
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/in.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let error = Self.openWithin5s(fifo)
        #expect(error == DataFileError(path: fifo, "is not a regular file (it is a FIFO)"))
    }

    @Test func directoriesAndDevicesAreNotRegularFiles() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let link = dir + "/null.npy"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        #expect(throws: DataFileError(path: dir, "is not a regular file (it is a directory)")) { try CSVTable(contentsOfFile: dir) }
        #expect(throws: DataFileError(path: "/dev/null", "is not a regular file (it is a character device)")) {
            try CSVTable(contentsOfFile: "/dev/null")
        }
        #expect(throws: DataFileError(path: link, "is not a regular file (it is a character device)")) {
            try NumpyArray(contentsOfFile: link)
        }
    }
}
