/// DVCLive: a `dvclive/` folder (any folder holding `plots/metrics/`) is one run, named by its path.
///
/// Each `plots/metrics/**/<name>.tsv` is one metric, named by its path under `metrics/` without
/// `.tsv` (`train/loss`), with tab-separated columns `step`, the value (named like the file), and
/// optionally `timestamp` (milliseconds since the epoch). `params.yaml` in the folder is the
/// run's params, nested keys joined with `.`. A single `.tsv` named directly is read as a run of
/// one metric named as the folder's run names it when it lies under `plots/metrics/`, else by
/// the file.
enum DVCLiveReader: RunFolderReader {
    static let format = LogFormat.dvclive

    static func isRunFolder(_ path: String, entries: [(name: String, kind: FolderListing.Kind)]) -> Bool {
        entries.contains { $0.name == "plots" && $0.kind == .folder } && FolderListing.isFolder(path + "/plots/metrics")
    }

    static func runFiles(in path: String) throws(RunLogError) -> [String] {
        var files = try FolderListing.files(under: path + "/plots/metrics")
            .filter { $0.last?.hasSuffix(".tsv") == true }
            .map { ([path, "plots", "metrics"] + $0).joined(separator: "/") }
        if FolderListing.kind(of: path + "/params.yaml") == .file { files.append(path + "/params.yaml") }
        return files
    }

    /// A `.tsv` whose header is `[timestamp,] step, value`.
    static func recognizes(fileName: String, head: FileHead) -> Bool {
        let names = CSVLog.headerNames(head)
        return fileName.hasSuffix(".tsv") && head.text.contains("\t") && names.contains("step")
            && names.count == (names.contains("timestamp") ? 3 : 2)
    }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var contents = RunContents(metrics: [])
        let metricsFolder = source.root + "/plots/metrics/"
        for path in source.files {
            if path == source.root + "/params.yaml" {
                contents.params = try RunParams.fromYAML(path)
                continue
            }
            let name = path.hasPrefix(metricsFolder) ? String(path.dropFirst(metricsFolder.count).dropLast(4)) : namedFileMetric(path)
            // A file with its header and no rows yet (DVCLive writes the header first) logs nothing.
            if let metric = try metric(name, at: path), !metric.points.isEmpty { contents.metrics.append(metric) }
        }
        return contents
    }

    /// The metric a `.tsv` named directly holds: its path under a `plots/metrics/` folder when it
    /// lies in one (the name the folder's run gives it, `train/loss`), else the file's stem.
    static func namedFileMetric(_ path: String) -> String {
        guard let range = path.range(of: "/plots/metrics/", options: .backwards) else { return fileStem(path) }
        let relative = path[range.upperBound...]
        return relative.hasSuffix(".tsv") ? String(relative.dropLast(4)) : String(relative)
    }

    /// One `.tsv`: the step, the value column, the optional timestamp; nil when it has no rows.
    static func metric(_ name: String, at path: String) throws(RunLogError) -> Metric? {
        let log = try CSVLog(path: path, separator: .tab)
        let timestamp = log.column("timestamp")
        guard let step = log.column("step"), log.names.count == (timestamp == nil ? 2 : 3) else {
            throw RunLogError(path: path, at: .line(1), "expected the columns step, the value and an optional timestamp (DVCLive's layout)")
        }
        guard var metric = try log.metrics(x: step, axis: .step, wall: timestamp, wallUnitsPerSecond: 1000).first else { return nil }
        metric.name = name
        return metric
    }

    private static func fileStem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".tsv") ? String(file.dropLast(4)) : file
    }
}
