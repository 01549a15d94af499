import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pause at a named point of writing a folder, for the tests that kill a real `lossplot` there
/// (`ReportSafetyCLITests`). Only `LOSSPLOT_TEST_PAUSE=POINT:READY-FILE` turns it on, and only
/// when READY-FILE does not exist yet: at POINT the process creates it (so a test knows the point
/// is reached) and sleeps for at most 30 seconds, then carries on. Points: `writing` (after the
/// first file is in the staging folder), `swap` (after the exchange, before the old report is
/// removed), `rename-swap` (which also makes the swap two renames, and pauses between them).
enum TestPause {
    static let variable = "LOSSPLOT_TEST_PAUSE"

    private static var setting: (point: String, ready: String)? {
        guard let value = ProcessInfo.processInfo.environment[variable],
              let colon = value.firstIndex(of: ":") else { return nil }
        let point = String(value[..<colon]), ready = String(value[value.index(after: colon)...])
        guard !point.isEmpty, ready.hasPrefix("/") else { return nil }
        return (point, ready)
    }

    /// Whether the swap must take the two-rename path, to test it where exchange works.
    static var forcesRenameSwap: Bool { setting?.point == "rename-swap" }

    static func at(_ point: String) {
        guard let setting, setting.point == point else { return }
        let fd = open(setting.ready, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        close(fd)
        for _ in 0..<300 { usleep(100_000) }
    }
}
