#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SafeText

/// A folder's entries as a walk sees them: folders (never through a symbolic link, so a walk
/// always ends) and regular files (a link counts when it leads to one; readers re-check).
enum FolderListing {
    /// What one entry is.
    enum Kind { case folder, file }

    /// The most entries one listing of a run folder's tree looks at.
    static let maximumEntries = 1_000_000
    /// The deepest nesting walked.
    static let maximumDepth = 64

    /// The sorted names of `folder`'s entries that are folders or regular files; nil when it
    /// cannot be listed.
    /// Names are read as the kernel gives them (bytes that are not UTF-8 kept, see `FileSystemPath`).
    static func entries(of folder: String) -> [(name: String, kind: Kind)]? {
        guard let directory = opendir(FileSystemPath.cString(folder)) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { raw in
                raw.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: raw.pointee)) {
                    FileSystemPath.string(fromCString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted().compactMap { name in kind(of: folder + "/" + name).map { (name, $0) } }
    }

    /// Whether `path` is a folder (not a link to one) or a regular file (or a link to one).
    static func kind(of path: String) -> Kind? {
        var info = stat()
        let name = FileSystemPath.cString(path)
        guard lstat(name, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK:
            guard stat(name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return .file
        default: return nil
        }
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool { kind(of: path) == .folder }

    /// Every regular file under `folder`, as components relative to it, sorted by path; empty
    /// when the folder cannot be listed.
    static func files(under folder: String) throws(RunLogError) -> [[String]] {
        var found: [[String]] = []
        var pending: [[String]] = [[]]
        var seen = 0
        while let relative = pending.popLast() {
            guard let entries = entries(of: ([folder] + relative).joined(separator: "/")) else { continue }
            for entry in entries {
                seen += 1
                guard seen <= maximumEntries else {
                    throw RunLogError(path: folder, "holds more than \(maximumEntries) entries")
                }
                switch entry.kind {
                case .file: found.append(relative + [entry.name])
                case .folder: if relative.count + 1 < maximumDepth { pending.append(relative + [entry.name]) }
                }
            }
        }
        return found.sorted { $0.joined(separator: "/") < $1.joined(separator: "/") }
    }
}
