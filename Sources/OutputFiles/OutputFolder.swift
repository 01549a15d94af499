import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a folder (a report, a diff) whole or not at all. Files go into a hidden sibling folder
/// (`.NAME.lossplot-new-PID`); only when every file is on disk, flushed (`fsync`, the files and
/// their folders, so a crash or a power cut cannot leave a report of empty files), does it
/// take the target's place,
/// in one step where the system can (Linux `renameat2` `RENAME_EXCHANGE`: the target is never
/// missing, the old report is left at the staging name and removed last). Elsewhere the old
/// report is first moved aside to `.NAME.lossplot-old-PID`; a run killed between the two renames
/// leaves the target missing, and the next run of lossplot that writes it puts the old report back
/// before anything else. A target that is neither missing, empty nor an earlier folder of the same
/// kind (a report, or a diff) is refused before anything is written.
///
/// SIGINT and SIGTERM remove the staging folder (and put a moved-aside report back) before the
/// process exits 130 or 143 (`InterruptCleanup`); staging folders left by a run that was killed
/// (its process is gone) are removed by the next run.
///
/// Errors are `OutputFileError`s: one line that names the folder.
public struct OutputFolder: Sendable {
    /// One file of the folder: its slash-separated path inside it (no `..`) and its bytes.
    public typealias File = (path: String, bytes: [UInt8])

    public let target: String
    /// What makes a folder replaceable, for messages ("lossplot manifest.json").
    let kind: String
    /// Whether a non-empty folder is one lossplot wrote and may replace.
    let isEarlier: @Sendable (String) -> Bool
    /// Placeholders a folder may hold and still count as empty (a repository's `Output/.gitkeep`);
    /// they are carried over into the new folder.
    public static let placeholders: Set<String> = [".gitkeep"]

    /// A report folder: replaceable when it holds a lossplot manifest.
    public init(report path: String) {
        self.init(path, kind: "lossplot \(ReportManifest.fileName)") {
            ReportManifest.marksReport(folder: $0)
        }
    }

    /// A folder replaceable when `isEarlier` says lossplot wrote it; `kind` names what it looks
    /// for, as in "holds no \(kind)".
    public init(_ path: String, kind: String, isEarlier: @escaping @Sendable (String) -> Bool) {
        self.kind = kind
        self.isEarlier = isEarlier
        // "Output/" and "Output" are the same folder; "/" stays "/" (and is refused below).
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        target = p
    }

    /// Refuses a target lossplot must not replace, after undoing what an earlier, killed run left
    /// beside it (`recoverInterruptedRun`).
    public func checkReplaceable() throws {
        let fm = FileManager.default
        guard !target.isEmpty else { throw OutputFileError(description: "the folder to write has an empty name") }
        recoverInterruptedRun()
        var st = stat()
        guard lstat(target, &st) == 0 else { return }  // missing: fine
        if (st.st_mode & S_IFMT) == S_IFLNK {
            throw OutputFileError(description: "\(target) is a symbolic link; lossplot replaces only a real folder, pass the folder it points to")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw OutputFileError(description: "\(target) exists and is not a folder; refusing to replace it") }
        let entries = ((try? fm.contentsOfDirectory(atPath: target)) ?? []).filter { !Self.placeholders.contains($0) }
        if entries.isEmpty { return }
        if URL(fileURLWithPath: target).standardizedFileURL.path == "/" {
            throw OutputFileError(description: "refusing to replace /")
        }
        guard isEarlier(target) else {
            throw OutputFileError(description: "\(target) is not empty and holds no \(kind); refusing to replace it (choose another folder, or an empty one)")
        }
    }

    /// The parent folder and the target's own name.
    private var parentAndName: (parent: String, name: String) {
        let url = URL(fileURLWithPath: target)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }

    private var stagingPrefix: String { "." + parentAndName.name + ".lossplot-new-" }
    private var asidePrefix: String { "." + parentAndName.name + ".lossplot-old-" }

    /// What a run of a process that is gone (or of an earlier process with this one's id, as in a
    /// container) left beside the target: a target missing while an old report waits moved aside
    /// gets it back; every staging and moved-aside folder is then removed.
    func recoverInterruptedRun() {
        let (parent, _) = parentAndName
        let staging = InterruptCleanup.leftovers(in: parent, prefix: stagingPrefix, includingOwn: true)
        var aside = InterruptCleanup.leftovers(in: parent, prefix: asidePrefix, includingOwn: true)
        var st = stat()
        if lstat(target, &st) != 0, errno == ENOENT, let restore = aside.first,
           rename(parent + "/" + restore.name, target) == 0 {
            aside.removeFirst()
        }
        for leftover in staging + aside {
            try? FileManager.default.removeItem(atPath: parent + "/" + leftover.name)
        }
    }

    /// Writes `files` (paths relative to the folder) and swaps them in.
    public func write(_ files: [File]) throws {
        try checkReplaceable()
        for file in files where !FolderFile.isPlainPath(file.path) {
            throw OutputFileError(description: "refusing to write \"\(file.path)\": not a plain path inside \(target)")
        }
        let (parent, _) = parentAndName
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(description: "cannot create the folder \(parent) for \(target)")
        }
        let staging = parent + "/" + stagingPrefix + "\(getpid())"
        let old = parent + "/" + asidePrefix + "\(getpid())"
        let target = self.target
        var token: InterruptCleanup.Token?
        let made: Int32? = InterruptCleanup.heldOff {
            guard mkdir(staging, 0o755) == 0 else { return errno }
            token = InterruptCleanup.register {
                // Between the two renames of a swap without exchange: put the old report back.
                var st = stat()
                if lstat(target, &st) != 0, lstat(old, &st) == 0 { _ = rename(old, target) }
                try? FileManager.default.removeItem(atPath: staging)
                try? FileManager.default.removeItem(atPath: old)
            }
            return nil
        }
        if let made { throw OutputFileError(description: "cannot write next to \(target): \(String(cString: strerror(made)))") }
        defer { if let token { InterruptCleanup.unregister(token) } }
        do {
            // The staging folder is this run's own and new: files are created in it directly.
            var written: [String] = []
            var folders: Set<String> = [staging]
            let placeholders = Self.placeholders.sorted().filter { FileManager.default.fileExists(atPath: target + "/" + $0) }
            for (index, file) in (files + placeholders.map { (path: $0, bytes: []) }).enumerated() {
                let path = staging + "/" + file.path
                try InterruptCleanup.heldOff {
                    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
                    if !FileManager.default.fileExists(atPath: dir) {
                        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    }
                    var folder = dir
                    while folder.count > staging.count, folders.insert(folder).inserted {
                        folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
                    }
                    do {
                        try OutputFile.create(path, with: file.bytes)
                    } catch let e as OutputFileError {
                        throw OutputFileError(description: e.description.replacingOccurrences(of: staging, with: target))
                    }
                }
                written.append(path)
                if index == 0 { TestPause.at("writing") }
            }
            // Every file and folder at once: all are on the disk before the swap, whatever the order.
            do {
                try OutputFile.flush(written + folders.sorted())
            } catch let e as OutputFileError {
                throw OutputFileError(description: e.description.replacingOccurrences(of: staging, with: target))
            }
            try swapIn(staging: staging, old: old)
            OutputFile.flushFolder(parent)
        } catch {
            InterruptCleanup.heldOff { try? FileManager.default.removeItem(atPath: staging) }
            if let e = error as? OutputFileError { throw e }
            throw OutputFileError(description: "cannot write \(target): \(error.localizedDescription)")
        }
    }

    private func swapIn(staging: String, old: String) throws {
        var st = stat()
        guard lstat(target, &st) == 0 else {
            let failed: Int32? = InterruptCleanup.heldOff { rename(staging, target) == 0 ? nil : errno }
            if let failed { throw OutputFileError(description: "cannot write \(target): \(String(cString: strerror(failed)))") }
            return
        }
        if !TestPause.forcesRenameSwap {
            let exchanged = InterruptCleanup.heldOff { OutputFile.exchange(staging, target) }
            if exchanged == 0 {
                TestPause.at("swap")
                // The staging name now holds the old report.
                InterruptCleanup.heldOff { try? FileManager.default.removeItem(atPath: staging) }
                return
            }
            // No exchange on this system or file system: two renames instead.
            guard [ENOSYS, EINVAL, EPERM].contains(exchanged) else {
                throw OutputFileError(description: "cannot replace \(target): \(String(cString: strerror(exchanged)))")
            }
        }
        let movedAside: Int32? = InterruptCleanup.heldOff {
            try? FileManager.default.removeItem(atPath: old)
            return rename(target, old) == 0 ? nil : errno
        }
        if let movedAside { throw OutputFileError(description: "cannot replace \(target): \(String(cString: strerror(movedAside)))") }
        TestPause.at("rename-swap")
        let failed: Int32? = InterruptCleanup.heldOff {
            guard rename(staging, target) == 0 else {
                let code = errno
                _ = rename(old, target)
                return code
            }
            return nil
        }
        if let failed { throw OutputFileError(description: "cannot replace \(target): \(String(cString: strerror(failed)))") }
        InterruptCleanup.heldOff { try? FileManager.default.removeItem(atPath: old) }
    }
}
