import CairoBackend
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a report folder whole or not at all. Files go into a hidden sibling folder; only when
/// every file is on disk does it take the target's place (the old report is moved aside first and
/// removed last, or put back if the swap fails). A target that is neither missing, empty nor an
/// earlier folder of the same kind (a report, or a diff) is refused before anything is written.
struct ReportFolder {
    let target: String
    /// What lossplot writes here, for messages ("lossplot report", "lossplot diff").
    let kind: String
    /// Whether a non-empty folder is one lossplot wrote and may replace.
    let isEarlier: (String) -> Bool
    /// Placeholders a folder may hold and still count as empty (a repository's `Output/.gitkeep`);
    /// they are carried over into the new folder.
    static let placeholders: Set<String> = [".gitkeep"]

    /// A report folder: replaceable when it holds a lossplot manifest.
    init(_ path: String) {
        self.init(path, kind: "lossplot \(ReportManifest.fileName)") {
            ReportManifest.marksReport(folder: $0)
        }
    }

    init(_ path: String, kind: String, isEarlier: @escaping (String) -> Bool) {
        self.kind = kind
        self.isEarlier = isEarlier
        // "Output/" and "Output" are the same folder; "/" stays "/" (and is refused below).
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        target = p
    }

    /// Refuses a target lossplot must not replace.
    func checkReplaceable() throws {
        let fm = FileManager.default
        guard !target.isEmpty else { throw ReportError("--out is empty") }
        var st = stat()
        guard lstat(target, &st) == 0 else { return }  // missing: fine
        if (st.st_mode & S_IFMT) == S_IFLNK {
            throw ReportError("\(target) is a symbolic link; lossplot replaces only a real folder, pass the folder it points to")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw ReportError("\(target) exists and is not a folder; refusing to replace it") }
        let entries = ((try? fm.contentsOfDirectory(atPath: target)) ?? []).filter { !Self.placeholders.contains($0) }
        if entries.isEmpty { return }
        if URL(fileURLWithPath: target).standardizedFileURL.path == "/" {
            throw ReportError("refusing to replace /")
        }
        guard isEarlier(target) else {
            throw ReportError("\(target) is not empty and holds no \(kind); refusing to replace it (choose another --out or an empty folder)")
        }
    }

    /// Writes `files` (paths relative to the folder) and swaps them in.
    func write(_ files: [ReportFile]) throws {
        try checkReplaceable()
        for file in files where !ReportManifest.isSafeRelativePath(file.path) {
            throw ReportError("refusing to write \"\(file.path)\": not a plain path inside \(target)")
        }
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create the folder \(parent) for \(target)")
        }
        let staging = parent + "/." + name + ".lossplot-new-\(getpid())"
        let old = parent + "/." + name + ".lossplot-old-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw ReportError("cannot write next to \(target): \(String(cString: strerror(errno)))")
        }
        do {
            for file in files {
                let path = staging + "/" + file.path
                let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
                if !FileManager.default.fileExists(atPath: dir) {
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                }
                do {
                    try OutputFile.write(file.bytes, to: path)
                } catch let e as OutputFileError {
                    throw ReportError(e.description.replacingOccurrences(of: staging, with: target))
                }
            }
            for placeholder in Self.placeholders.sorted() where FileManager.default.fileExists(atPath: target + "/" + placeholder) {
                try OutputFile.write([], to: staging + "/" + placeholder)
            }
            try swapIn(staging: staging, old: old)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if let e = error as? ReportError { throw e }
            throw ReportError("cannot write \(target): \(error.localizedDescription)")
        }
    }

    private func swapIn(staging: String, old: String) throws {
        let exists = FileManager.default.fileExists(atPath: target)
        if exists {
            try? FileManager.default.removeItem(atPath: old)
            guard rename(target, old) == 0 else {
                throw ReportError("cannot replace \(target): \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, target) == 0 else {
            let message = String(cString: strerror(errno))
            if exists { _ = rename(old, target) }
            throw ReportError("cannot replace \(target): \(message)")
        }
        if exists { try? FileManager.default.removeItem(atPath: old) }
    }
}
