#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Finds the runs under the files and folders a user names and reads them.
///
/// A file named directly is one run, in the format its name and first bytes tell (or `format`).
/// A folder is walked: every file a reader claims joins the run rooted where that reader says
/// (an event file's folder, a Lightning `version_N`, an MLflow run folder), named by the root's
/// path under the folder named, as TensorBoard names runs. Symbolic links to folders are not
/// followed, so a walk always ends.
public enum RunLoader {
    /// Every reader, most specific first: the first that claims a file gets it.
    static let readers: [any LogReader.Type] = [
        EventFileReader.self,
        JSONLinesReader.self,
    ]

    /// The deepest folder nesting walked, and the most entries looked at in one walk.
    static let maximumDepth = 64
    static let maximumEntries = 1_000_000

    /// Reads the runs under `paths`, in their order. `format` skips detection.
    public static func load(_ paths: [String], format: LogFormat? = nil) throws(RunLogError) -> RunSet {
        let candidates = format.map { f in readers.filter { $0.format == f } } ?? readers
        var set = RunSet(runs: [])
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw RunLogError(path: path, "cannot open: \(String(cString: strerror(errno)))")
            }
            let found: [(RunSource, any LogReader.Type, String)]
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found = try walk(path, readers: candidates)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                let name = (path as NSString).lastPathComponent
                let head = FileHead(path)
                guard let reader = candidates.first(where: { $0.recognizes(fileName: name, head: head) }) else {
                    throw RunLogError(path: path, "cannot tell the format of this file (looked for \(lookedFor(candidates)))")
                }
                found = [(RunSource(root: path, files: [path]), reader, (name as NSString).deletingPathExtension)]
            } else {
                throw RunLogError(path: path, "is neither a folder nor a regular file")
            }
            for (source, reader, name) in found {
                let contents = try reader.read(source)
                set.runs.append(Run(
                    name: contents.name ?? name, format: reader.format, paths: source.files,
                    params: contents.params, metrics: contents.metrics))
                set.warnings += contents.warnings
            }
        }
        return set
    }

    /// The formats looked for, as a user reads them.
    static func lookedFor(_ readers: [any LogReader.Type]) -> String {
        readers.map { $0.format.displayName }.joined(separator: ", ")
    }

    /// Every run under `root`, sorted by name.
    private static func walk(_ root: String, readers: [any LogReader.Type]) throws(RunLogError) -> [(RunSource, any LogReader.Type, String)] {
        // Files claimed, grouped by (reader, run root components).
        var groups: [String: (reader: any LogReader.Type, root: [String], files: [String])] = [:]
        var pending: [[String]] = [[]]
        var seen = 0
        while let relative = pending.popLast() {
            let folder = ([root] + relative).joined(separator: "/")
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
                if relative.isEmpty { throw RunLogError(path: root, "cannot list this folder") }
                continue  // an unreadable subfolder is not the user's target
            }
            for name in names {
                seen += 1
                guard seen <= maximumEntries else {
                    throw RunLogError(path: root, "holds more than \(maximumEntries) entries; name a smaller folder")
                }
                let components = relative + [name]
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if components.count < maximumDepth { pending.append(components) }
                case S_IFREG, S_IFLNK:
                    // A link is read only when it leads to a regular file (readers re-check).
                    if (info.st_mode & S_IFMT) == S_IFLNK {
                        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                    }
                    let head = FileHead(path)
                    guard let reader = readers.first(where: { $0.claims(pathComponents: components, head: head) }) else { continue }
                    let length = max(0, min(components.count, reader.runRootLength(of: components)))
                    let runRoot = Array(components.prefix(length))
                    let key = reader.format.rawValue + "\u{0}" + runRoot.joined(separator: "/")
                    groups[key, default: (reader, runRoot, [])].files.append(path)
                default:
                    continue
                }
            }
        }
        guard !groups.isEmpty else {
            throw RunLogError(path: root, "no training logs in this folder (looked for \(lookedFor(readers)))")
        }
        let rootName = (root as NSString).lastPathComponent
        return groups.values
            .map { group in
                let name = group.root.isEmpty ? rootName : group.root.joined(separator: "/")
                let rootPath = ([root] + group.root).joined(separator: "/")
                let isFileRun = group.root.count > 0 && group.files == [rootPath]
                let runName = isFileRun ? (name as NSString).deletingPathExtension : name
                return (RunSource(root: rootPath, files: group.files.sorted()), group.reader, runName)
            }
            .sorted { ($0.2, $0.1.format.rawValue) < ($1.2, $1.1.format.rawValue) }
    }
}
