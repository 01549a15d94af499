import Foundation
import OutputFiles
#if canImport(Glibc)
import Glibc
#endif

/// `lossplot verify`: every file of a report folder checked against its `manifest.json`. Each
/// listed file's size and SHA-256 are recomputed; a file on disk that the manifest does not list
/// is a finding too (except the placeholders `ReportFolder` keeps, such as `.gitkeep`), so the
/// folder holds exactly what the manifest says and nothing else.
public struct ReportVerification: Sendable {
    /// One problem with one file, named by its path inside the folder.
    public enum Finding: Sendable, Equatable, CustomStringConvertible {
        /// Listed, present, but its bytes are not the ones the manifest describes.
        case changed(path: String, bytes: Int, sha256: String, expectedBytes: Int, expectedSHA256: String)
        /// Listed, not on disk.
        case missing(path: String)
        /// On disk, not listed.
        case unlisted(path: String)
        /// Listed, but it could not be read (permissions).
        case unreadable(path: String, reason: String)
        /// Listed, but a symbolic link, a folder, a FIFO or a device is in its place (or on its
        /// way: a linked `charts/`). A report holds regular files only, and nothing is followed.
        case notRegular(path: String, what: String)

        public var path: String {
            switch self {
            case .changed(let p, _, _, _, _), .missing(let p), .unlisted(let p), .unreadable(let p, _), .notRegular(let p, _): return p
            }
        }

        /// changed, missing, unlisted or unreadable.
        public var kind: String {
            switch self {
            case .changed: return "changed"
            case .missing: return "missing"
            case .unlisted: return "unlisted"
            case .unreadable: return "unreadable"
            case .notRegular: return "not a regular file"
            }
        }

        public var description: String {
            switch self {
            case let .changed(path, bytes, sha, expectedBytes, expectedSHA):
                return "changed: \(path) (\(bytes) bytes, sha256 \(sha.prefix(12))…; manifest: \(expectedBytes) bytes, sha256 \(expectedSHA.prefix(12))…)"
            case .missing(let path): return "missing: \(path)"
            case .unlisted(let path): return "unlisted: \(path) (not in \(ReportManifest.fileName))"
            case let .unreadable(path, reason): return "unreadable: \(path) (\(reason))"
            case let .notRegular(path, what): return "not a regular file: \(path) (\(what))"
            }
        }
    }

    /// The folder as given.
    public let folder: String
    public let manifest: ReportManifest
    /// Sorted by path.
    public let findings: [Finding]

    /// Checks `folder`. Throws (one line) only when the folder cannot be checked at all: missing,
    /// not a report, a manifest that does not parse.
    public init(folder: String) throws {
        self.folder = folder
        manifest = try ReportManifest(readingFolder: folder)
        var findings: [Finding] = []
        for entry in manifest.files {
            if let finding = Self.check(entry, in: folder) { findings.append(finding) }
        }
        let listed = Set(manifest.files.map(\.path))
        let expected = listed.union(OutputFolder.placeholders).union([ReportManifest.fileName])
        for path in try Self.filesOnDisk(in: folder) where !expected.contains(path) {
            findings.append(.unlisted(path: path))
        }
        self.findings = findings.sorted { $0.path < $1.path }
    }

    public var isIntact: Bool { findings.isEmpty }

    /// The last line: what was checked and, when something is wrong, how many of each problem.
    public var summary: String {
        let n = manifest.files.count
        guard !findings.isEmpty else {
            return "\(folder): all \(n) files match \(ReportManifest.fileName)"
        }
        var counts: [String: Int] = [:]
        for f in findings { counts[f.kind, default: 0] += 1 }
        let parts = ["changed", "missing", "unlisted", "unreadable", "not a regular file"].compactMap { kind in counts[kind].map { "\($0) \(kind)" } }
        return "\(folder): \(findings.count) problem\(findings.count == 1 ? "" : "s") against \(ReportManifest.fileName) (\(parts.joined(separator: ", ")))"
    }

    private static func check(_ entry: ManifestEntry, in folder: String) -> Finding? {
        let data: [UInt8]
        switch FolderFile.read(entry.path, in: folder) {
        case .success(let bytes): data = bytes
        case .failure(.missing): return .missing(path: entry.path)
        case .failure(.notRegular(let what)): return .notRegular(path: entry.path, what: what)
        case .failure(let failure): return .unreadable(path: entry.path, reason: failure.description)
        }
        let sha = FileHash.sha256Hex(data)
        guard data.count == entry.bytes, sha == entry.sha256.lowercased() else {
            return .changed(path: entry.path, bytes: data.count, sha256: sha,
                            expectedBytes: entry.bytes, expectedSHA256: entry.sha256)
        }
        return nil
    }

    /// Every non-folder entry under `folder`, as slash-separated relative paths. Symbolic links are
    /// listed, not followed.
    static func filesOnDisk(in folder: String) throws -> [String] {
        var out: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let dir = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: dir)
            } catch {
                throw ReportError("cannot list the folder \(dir)")
            }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                let full = (folder as NSString).appendingPathComponent(child)
                if lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(child)
                } else {
                    out.append(child)
                }
            }
        }
        return out.sorted()
    }
}
