#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SafeText

/// Finds the runs under the files and folders a user names and reads them.
///
/// A file named directly is one run, in the format its name and first bytes tell (or `format`).
/// A folder is walked: every file a reader claims joins the run rooted where that reader says
/// (an event file's folder, a Lightning `version_N`, a Trainer output folder), and a folder that
/// is a run by what it holds (an MLflow run, a DVCLive folder) is one run; each is named by its
/// root's path under the folder named, as TensorBoard names runs. MLflow's `.trash` is skipped.
/// Symbolic links to folders are not followed, so a walk always ends.
public enum RunLoader {
    /// Every reader, most specific first: the first that claims a file gets it.
    static let readers: [any LogReader.Type] = [
        EventFileReader.self,
        TrainerStateReader.self,
        MLflowReader.self,
        DVCLiveReader.self,
        LightningCSVReader.self,
        KerasCSVReader.self,
        JSONLinesReader.self,
        CSVLogReader.self,
    ]

    /// Reads the runs under `paths`, in their order. `format` skips detection.
    public static func load(_ paths: [String], format: LogFormat? = nil) throws(RunLogError) -> RunSet {
        let candidates = format.map { f in readers.filter { $0.format == f } } ?? readers
        var set = RunSet(runs: [])
        for path in paths {
            var info = stat()
            guard stat(FileSystemPath.cString(path), &info) == 0 else {
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
                found = [(RunSource(root: path, files: [path]), reader, runName(ofFile: path, reader: reader))]
            } else {
                throw RunLogError(path: path, "is neither a folder nor a regular file")
            }
            var runs: [Run] = []
            for (source, reader, name) in found {
                let contents = try reader.read(source)
                runs.append(Run(
                    name: contents.name ?? name, format: reader.format, paths: contents.paths ?? source.files,
                    params: contents.params, metrics: contents.metrics))
                set.warnings += contents.warnings
            }
            // By name, the logger's own names (MLflow's run_name) included.
            set.runs += runs.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
        }
        return set
    }

    /// The formats looked for, as a user reads them.
    static func lookedFor(_ readers: [any LogReader.Type]) -> String {
        readers.map { $0.format.displayName }.joined(separator: ", ")
    }

    /// Folders a walk never enters: MLflow's deleted experiments.
    static let skippedFolderNames: Set<String> = [".trash"]

    /// Every run under `root`, sorted by name.
    private static func walk(_ named: String, readers: [any LogReader.Type]) throws(RunLogError) -> [(RunSource, any LogReader.Type, String)] {
        // "runs/" names the same folder as "runs": its files are "runs/x", never "runs//x".
        var trimmed = Substring(named)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let root = String(trimmed)
        let folderReaders = readers.compactMap { $0 as? any RunFolderReader.Type }
        // Files claimed, grouped by (reader, run root components).
        var groups: [String: (reader: any LogReader.Type, root: [String], files: [String])] = [:]
        var pending: [[String]] = [[]]
        var seen = 0
        while let relative = pending.popLast() {
            let folder = ([root] + relative).joined(separator: "/")
            guard let entries = FolderListing.entries(of: folder) else {
                if relative.isEmpty { throw RunLogError(path: root, "cannot list this folder") }
                continue  // an unreadable subfolder is not the user's target
            }
            // A folder that is a run by what it holds (MLflow, DVCLive) is its reader's whole.
            if let reader = folderReaders.first(where: { $0.isRunFolder(folder, entries: entries) }) {
                let key = reader.format.rawValue + "\u{0}" + relative.joined(separator: "/")
                groups[key] = (reader, relative, try reader.runFiles(in: folder))
                continue
            }
            for entry in entries {
                seen += 1
                guard seen <= FolderListing.maximumEntries else {
                    throw RunLogError(path: root, "holds more than \(FolderListing.maximumEntries) entries; name a smaller folder")
                }
                let components = relative + [entry.name]
                let path = folder + "/" + entry.name
                switch entry.kind {
                case .folder:
                    if components.count < FolderListing.maximumDepth && !skippedFolderNames.contains(entry.name) {
                        pending.append(components)
                    }
                case .file:
                    let head = FileHead(path)
                    guard let reader = readers.first(where: { $0.claims(pathComponents: components, head: head) }) else { continue }
                    let length = max(0, min(components.count, reader.runRootLength(of: components)))
                    let runRoot = Array(components.prefix(length))
                    let key = reader.format.rawValue + "\u{0}" + runRoot.joined(separator: "/")
                    groups[key, default: (reader, runRoot, [])].files.append(path)
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

    /// The name of a run read from a file named directly: the file's name without its extension,
    /// or, for a logger that writes one fixed file name into each run's folder (`metrics.csv`,
    /// `trainer_state.json`), that folder's path as given.
    static func runName(ofFile path: String, reader: any LogReader.Type) -> String {
        let name = (path as NSString).lastPathComponent
        guard reader.runRootLength(of: [name]) == 0 else { return (name as NSString).deletingPathExtension }
        let folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty || folder == "." {
            return (FileManager.default.currentDirectoryPath as NSString).lastPathComponent
        }
        return folder
    }
}
