import Dispatch
import OutputFiles

/// A file the report writes, relative to the report folder.
struct ReportFile: Sendable {
    var path: String
    var bytes: [UInt8]
    var scenario: String? = nil
    var format: String? = nil
    /// The hash of `bytes` when whoever made them computed it already (the chart jobs do).
    var sha256: String? = nil
    /// For a chart drawn differently in each language: the page language it is for.
    var language: String? = nil
}

extension ReportManifest {
    /// The manifest for files (path → bytes, and chart tags); hashes not already known are computed here.
    init(files: [ReportFile], options: ReportOptions) {
        let sorted = files.sorted { $0.path < $1.path }
        let unhashed = sorted.indices.filter { sorted[$0].sha256 == nil }
        let hashes = Slots<String>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: unhashed.count) { hashes.set(unhashed[$0], FileHash.sha256Hex(sorted[unhashed[$0]].bytes)) }
        self.init(
            version: LossplotVersion.current, sourceDateEpoch: options.sourceDateEpoch, language: options.language.rawValue,
            selfContained: options.selfContained,
            files: sorted.enumerated().map { i, f in
                ManifestEntry(path: f.path, bytes: f.bytes.count, sha256: f.sha256 ?? hashes.get(i) ?? FileHash.sha256Hex(f.bytes),
                              scenario: f.scenario, format: f.format, language: f.language)
            })
    }
}

extension OutputFolder {
    /// Writes the report's files, whole or not at all.
    func write(_ files: [ReportFile]) throws {
        try write(files.map { (path: $0.path, bytes: $0.bytes) })
    }
}
