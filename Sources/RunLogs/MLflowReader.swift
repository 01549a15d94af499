import Foundation
import Yams

/// MLflow's file store (`mlruns/<experiment>/<run>/`): a run folder is one run, told by its
/// `meta.yaml` beside a `metrics/` folder.
///
/// `metrics/<key>` (a key with `/` is a sub-folder: `metrics/eval/accuracy` is `eval/accuracy`)
/// holds one point per line, `timestamp_ms value [step]`, no header; a missing step is 0, as
/// MLflow reads it. `params/<key>` holds the param's value as the file's text; `meta.yaml`'s
/// `run_name` names the run (else the run folder's path does). Runs whose `lifecycle_stage` is
/// `deleted` are skipped, and deleted experiments (under `.trash`) are never walked, as MLflow's
/// own listing hides both. Metrics are in key order (MLflow keeps no order across keys).
enum MLflowReader: RunFolderReader {
    static let format = LogFormat.mlflow

    static func isRunFolder(_ path: String, entries: [(name: String, kind: FolderListing.Kind)]) -> Bool {
        guard entries.contains(where: { $0.name == "meta.yaml" && $0.kind == .file }),
              entries.contains(where: { $0.name == "metrics" && $0.kind == .folder }) else { return false }
        // A deleted run stays in place until `mlflow gc`; its meta.yaml says so.
        let meta = String(decoding: LogFileBytes.head(path + "/meta.yaml", count: 4096), as: UTF8.self)
        return !meta.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "lifecycle_stage: deleted" }
    }

    static func runFiles(in path: String) throws(RunLogError) -> [String] {
        var files = [path + "/meta.yaml"]
        for folder in ["metrics", "params"] {
            files += try FolderListing.files(under: path + "/" + folder).map { ([path, folder] + $0).joined(separator: "/") }
        }
        return files.sorted()
    }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var contents = RunContents(metrics: [])
        let prefix = source.root + "/"
        for path in source.files where path.hasPrefix(prefix) {
            let relative = path.dropFirst(prefix.count).split(separator: "/").map(String.init)
            guard let kind = relative.first else { continue }
            let key = relative.dropFirst().joined(separator: "/")
            switch kind {
            case "metrics": contents.metrics.append(try metric(key, at: path))
            case "params": contents.params[key] = String(decoding: try LogFileBytes.read(path), as: UTF8.self)
            case "meta.yaml": contents.name = try runName(path)
            default: continue
            }
        }
        return contents
    }

    /// The run's name in `meta.yaml`, if it records one.
    static func runName(_ path: String) throws(RunLogError) -> String? {
        guard case .mapping(let meta)? = try RunParams.document(path),
              let name = meta["run_name"]?.scalar?.string, !name.isEmpty else { return nil }
        return name
    }

    /// One metric file: `timestamp_ms value [step]` per line.
    static func metric(_ key: String, at path: String) throws(RunLogError) -> Metric {
        let bytes = try LogFileBytes.read(path)
        var metric = Metric(name: key)
        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let fields = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 2 || fields.count == 3,
                  let timestamp = Int64(fields[0]), let value = Double(fields[1]),
                  let step = fields.count == 3 ? Int64(fields[2]) : 0 else {
                throw RunLogError(path: path, at: .line(lineNumber), "expected \"timestamp_ms value [step]\"")
            }
            metric.points.append(MetricPoint(step: step, value: value, wallTime: Double(timestamp) / 1000))
        }
        return metric
    }
}
