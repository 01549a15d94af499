import Foundation
import RunComparison
import RunLogs
import Testing

/// The runs RunLogs' tests read (Tests/RunLogsTests/Fixtures, written by the real loggers:
/// Lightning, Keras, MLflow, torch's SummaryWriter), found from this file's place in the checkout.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunLogsTests/Fixtures").path

    static func path(_ relative: String) -> String { folder + "/" + relative }

    /// The runs under `relative` paths, read as `lossplot` reads them.
    static func load(_ relative: String...) throws -> RunSet {
        try RunLoader.load(relative.map(path))
    }

    /// Lightning's two versions of one tiny run, each read alone: version_1 ends with the lower
    /// val_loss, version_0's grad_scale is NaN at every point.
    static func lightningVersions() throws -> (RunSet, RunSet) {
        (try load("lightning/tiny/version_0"), try load("lightning/tiny/version_1"))
    }

    /// The part of a fixture folder's `answer_key.json` (the fixture script's reading through the
    /// logger's own library) these tests use.
    struct AnswerKey: Decodable {
        struct StepValue: Decodable {
            let step: Int64
            let value: Double

            private enum CodingKeys: String, CodingKey { case step, value }

            /// The script writes a non-finite value as a string ("NaN", "Infinity").
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                step = try c.decode(Int64.self, forKey: .step)
                if let number = try? c.decode(Double.self, forKey: .value) {
                    value = number
                } else {
                    let text = try c.decode(String.self, forKey: .value)
                    value = text == "NaN" ? .nan : text.hasPrefix("-") ? -.infinity : .infinity
                }
            }
        }
        struct MetricKey: Decodable { let name: String; let first: StepValue?; let last: StepValue?; let min: StepValue?; let max: StepValue? }
        struct RunKey: Decodable { let metrics: [MetricKey] }
        let runs: [RunKey]
    }

    /// The key's `which` (`first`, `last`, `min`, `max`) of `metric` in the `run`-th run of `format`.
    static func keyedValue(_ format: String, run: Int, metric: String, _ which: KeyPath<AnswerKey.MetricKey, AnswerKey.StepValue?>) throws -> Double {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("\(format)/answer_key.json")))
        let key = try JSONDecoder().decode(AnswerKey.self, from: data)
        let m = try #require(key.runs[run].metrics.first { $0.name == metric })
        return try #require(m[keyPath: which]?.value)
    }

    /// Runs compared and a gate of `rules` evaluated on them.
    static func gate(_ rules: [String], runs: RunSet, baseline: RunSet?, options: ComparisonOptions = ComparisonOptions()) throws -> GateReport {
        let compared = try ComparedRuns(runs: runs, baseline: baseline, options: options)
        return try Gate(parsing: rules).evaluate(compared)
    }
}
