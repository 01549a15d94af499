import Dispatch
import OutputFiles

/// A file a report writes, relative to the report folder.
package struct ReportFile: Sendable {
    package var path: String
    package var bytes: [UInt8]
    /// A chart's scenario (the guide's report) or metric (a report of runs), and its format.
    package var scenario: String? = nil
    package var format: String? = nil
    /// The hash of `bytes` when whoever made them computed it already (the chart jobs do).
    package var sha256: String? = nil
    /// For a chart drawn differently in each language: the page language it is for.
    package var language: String? = nil
    /// For a chart's narrow or dark rendering: its `ChartVariant` tag ("narrow", "dark", "narrow-dark").
    package var variant: String? = nil

    package init(path: String, bytes: [UInt8], scenario: String? = nil, format: String? = nil, sha256: String? = nil,
                 language: String? = nil, variant: String? = nil) {
        self.path = path; self.bytes = bytes; self.scenario = scenario; self.format = format; self.sha256 = sha256
        self.language = language; self.variant = variant
    }
}

extension ReportManifest {
    /// The manifest for files (path → bytes, and chart tags); hashes not already known are computed here.
    init(files: [ReportFile], options: ReportOptions) {
        self.init(files: files, sourceDateEpoch: options.sourceDateEpoch, language: options.language.rawValue, selfContained: options.selfContained)
    }

    /// The manifest of any report's files: the guide's or one of runs.
    package init(files: [ReportFile], sourceDateEpoch: Int?, language: String, selfContained: Bool) {
        let sorted = files.sorted { $0.path < $1.path }
        let unhashed = sorted.indices.filter { sorted[$0].sha256 == nil }
        let hashes = Slots<String>(count: sorted.count)
        DispatchQueue.concurrentPerform(iterations: unhashed.count) { hashes.set(unhashed[$0], FileHash.sha256Hex(sorted[unhashed[$0]].bytes)) }
        self.init(
            version: LossplotVersion.current, sourceDateEpoch: sourceDateEpoch, language: language,
            selfContained: selfContained,
            files: sorted.enumerated().map { i, f in
                ManifestEntry(path: f.path, bytes: f.bytes.count, sha256: f.sha256 ?? hashes.get(i) ?? FileHash.sha256Hex(f.bytes),
                              scenario: f.scenario, format: f.format, language: f.language, variant: f.variant)
            })
    }
}

extension OutputFolder {
    /// Writes the report's files, whole or not at all.
    package func write(_ files: [ReportFile]) throws {
        try write(files.map { (path: $0.path, bytes: $0.bytes) })
    }
}
