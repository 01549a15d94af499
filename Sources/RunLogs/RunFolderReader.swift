/// A reader whose runs are folders told by what they hold (an MLflow run folder with its
/// `meta.yaml` and `metrics/`, a DVCLive folder with `plots/metrics/`), not files told by their
/// names. A walk hands such a folder to its reader whole and looks no further inside it; the
/// folder's path under the folder named is the run's name, as for any other run.
protocol RunFolderReader: LogReader {
    /// Whether the folder at `path`, holding `entries`, is one run of this format.
    static func isRunFolder(_ path: String, entries: [(name: String, kind: FolderListing.Kind)]) -> Bool

    /// The files of the run folder at `path` that `read` reads, sorted.
    static func runFiles(in path: String) throws(RunLogError) -> [String]
}

extension RunFolderReader {
    /// Files are never claimed one by one: the walk finds the folder.
    static func claims(pathComponents: [String], head: FileHead) -> Bool { false }
}
