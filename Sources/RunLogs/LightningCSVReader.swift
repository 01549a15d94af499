import Foundation

/// PyTorch Lightning's CSVLogger: `<save_dir>/<name>/version_N/metrics.csv`, one run per
/// `version_N` folder, named by its path (`tiny/version_0`).
///
/// Every logged key is a column (sorted, with `epoch` and `step`); each `log_metrics` call is a
/// row that fills only the keys it logged, leaving the others blank (not logged). The same step
/// can appear on several rows (a training row and a validation row); points keep the row order.
/// `step` is the x, `epoch` each point's epoch. `hparams.yaml` beside the file is the run's
/// params, nested keys joined with `.`.
enum LightningCSVReader: LogReader {
    static let format = LogFormat.lightning
    static let fileName = "metrics.csv"
    static let paramsFileName = "hparams.yaml"

    static func claims(pathComponents: [String], head: FileHead) -> Bool {
        pathComponents.last == fileName && CSVLog.headerNames(head).contains("step")
    }

    /// The `version_N` folder.
    static func runRootLength(of pathComponents: [String]) -> Int { pathComponents.count - 1 }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var contents = RunContents(metrics: [])
        var paths: [String] = []
        for path in source.files {
            let log = try CSVLog(path: path)
            guard let step = log.column("step") else {
                throw RunLogError(path: path, at: .line(1), "has no step column (is it a Lightning metrics.csv?)")
            }
            contents.metrics += try log.metrics(x: step, axis: .step, epoch: log.column("epoch"))
            paths.append(path)
            let params = (path as NSString).deletingLastPathComponent + "/" + paramsFileName
            if FolderListing.kind(of: params) == .file {
                contents.params.merge(try RunParams.fromYAML(params)) { _, new in new }
                paths.append(params)
            }
        }
        contents.paths = paths
        return contents
    }
}
