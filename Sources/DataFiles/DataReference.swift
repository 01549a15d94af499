#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SafeText

/// A data file, or one named part of it, as an argument names it: `preds.npy`, `preds.csv:target`
/// (a column of a CSV with a header) or `preds.npz:y_pred` (an array of a `.npz` archive).
///
/// The rule for ':' (a path may hold one): an argument that names an existing file is that file,
/// whole. Otherwise it is FILE:NAME, where FILE is the longest part before a ':' that names an
/// existing file other than a folder, and NAME all that follows it (so a name may hold ':' too).
/// When no such part exists the argument is a path, and opening it says what is missing.
public struct DataReference: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The column (CSV) or array (`.npz`) named after the ':'; nil for the whole file.
    public let member: String?

    public init(path: String, member: String? = nil) {
        self.path = path
        self.member = member
    }

    /// Reads an argument by the rule above (it asks the file system which parts exist).
    public init(parsing argument: String) {
        guard !Self.exists(argument, folderCounts: true) else {
            self.init(path: argument)
            return
        }
        var end = argument.endIndex
        while let colon = argument[..<end].lastIndex(of: ":") {
            let file = String(argument[..<colon])
            if !file.isEmpty, Self.exists(file, folderCounts: false) {
                self.init(path: file, member: String(argument[argument.index(after: colon)...]))
                return
            }
            end = colon
        }
        self.init(path: argument)
    }

    /// "path" or "path:member", as the user wrote it.
    public var description: String { member.map { "\(path):\($0)" } ?? path }

    /// What kind of file the path's extension says it is.
    public var format: DataFileFormat { DataFileFormat(path: path) }

    /// Whether something exists at `path` (following links); a folder only when `folderCounts`.
    static func exists(_ path: String, folderCounts: Bool) -> Bool {
        var info = stat()
        guard stat(FileSystemPath.cString(path), &info) == 0 else { return false }
        return folderCounts || info.st_mode & S_IFMT != S_IFDIR
    }
}

/// The formats of users' data files, told by the extension (case-insensitive): `.npy`, `.npz`,
/// anything else CSV.
public enum DataFileFormat: Sendable, Equatable {
    case csv, npy, npz

    public init(path: String) {
        let lower = path.lowercased()
        self = lower.hasSuffix(".npy") ? .npy : lower.hasSuffix(".npz") ? .npz : .csv
    }
}
