/// One log format's reader: which files are its own, how they group into runs, how a run is read.
///
/// Readers are listed in `RunLoader.readers`, most specific first; the first that claims a file
/// gets it.
protocol LogReader: SendableMetatype {
    /// The format this reader reads.
    static var format: LogFormat { get }

    /// Whether a file met while walking a folder is this format's, from its path components
    /// under the folder the user named (the file's name last) and its first bytes.
    static func claims(pathComponents: [String], head: FileHead) -> Bool

    /// Whether a file the user named directly is this format's, from its name and first bytes.
    /// Defaults to `claims` on the name alone.
    static func recognizes(fileName: String, head: FileHead) -> Bool

    /// How many leading components of a claimed file's path name its run's root: the folder
    /// that is one run (all the event files in it, a Lightning `version_N`), or the whole path
    /// when the file is a run by itself (the default).
    static func runRootLength(of pathComponents: [String]) -> Int

    /// Reads one run from the files claimed under one root (sorted paths).
    static func read(_ source: RunSource) throws(RunLogError) -> RunContents
}

extension LogReader {
    static func recognizes(fileName: String, head: FileHead) -> Bool {
        claims(pathComponents: [fileName], head: head)
    }

    static func runRootLength(of pathComponents: [String]) -> Int { pathComponents.count }
}

/// The files of one run, as handed to its reader.
struct RunSource: Sendable {
    /// The run's root: its folder, or its single file.
    let root: String
    /// The files under the root that the reader claimed, sorted.
    let files: [String]
}

/// What a reader found in one run.
struct RunContents: Sendable {
    /// The metrics, in the order of their first point.
    var metrics: [Metric]
    /// Hyperparameters, flattened to `a.b` keys.
    var params: [String: String] = [:]
    /// The logger's own name for the run, when it records one (MLflow's run name).
    var name: String? = nil
    /// Problems worked around.
    var warnings: [RunLogWarning] = []
    /// The files read, when they are not just the claimed ones (a Lightning `hparams.yaml`
    /// beside its `metrics.csv`; the one `trainer_state.json` chosen among checkpoints').
    var paths: [String]? = nil
}

/// Gathers points into metrics by name, keeping the order in which names first appear.
struct MetricCollector {
    private var index: [String: Int] = [:]
    private(set) var metrics: [Metric] = []

    /// Appends a point to the metric `name`, creating it (with `axis`) when new.
    mutating func append(_ point: MetricPoint, to name: String, axis: StepAxis = .step) {
        if let i = index[name] {
            metrics[i].points.append(point)
        } else {
            index[name] = metrics.count
            metrics.append(Metric(name: name, axis: axis, points: [point]))
        }
    }
}
