import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ReportDiff {
    /// Writes the summary page and the images (`ReportDiffPage`) into `folder`, whole or not at
    /// all: `ReportFolder` stages and moves them in. An earlier `lossplot diff` folder there is
    /// moved aside first and removed last (put back if the write fails); any other non-empty
    /// folder is refused before anything is written.
    public func write(to folder: String) throws {
        let target = ReportFolder(folder).target
        var st = stat()
        let exists = lstat(target, &st) == 0
        let entries = exists && (st.st_mode & S_IFMT) == S_IFDIR
            ? ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).filter { !ReportFolder.placeholders.contains($0) }
            : []
        guard exists, (st.st_mode & S_IFMT) == S_IFDIR, !entries.isEmpty else {
            // Missing or empty, or not a folder: ReportFolder writes or refuses it.
            return try ReportFolder(target).write(ReportDiffPage.files(self))
        }
        guard Self.isEarlierDiff(target) else {
            throw ReportError("\(target) is not empty and holds no earlier lossplot diff; refusing to replace it (choose another --out or an empty folder)")
        }
        let url = URL(fileURLWithPath: target)
        let aside = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".lossplot-old-diff-\(getpid())"
        try? FileManager.default.removeItem(atPath: aside)
        guard rename(target, aside) == 0 else {
            throw ReportError("cannot replace \(target): \(String(cString: strerror(errno)))")
        }
        do {
            try ReportFolder(target).write(ReportDiffPage.files(self))
        } catch {
            _ = rename(aside, target)
            throw error
        }
        try? FileManager.default.removeItem(atPath: aside)
    }

    /// Whether `folder/index.html` is a page `lossplot diff` wrote.
    static func isEarlierDiff(_ folder: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder + "/index.html") else { return false }
        return String(decoding: data.prefix(1024), as: UTF8.self).contains("<meta name=\"generator\" content=\"\(ReportDiffPage.generator)\">")
    }
}
