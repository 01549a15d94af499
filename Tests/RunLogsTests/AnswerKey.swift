import Foundation
import Testing
@testable import RunLogs

/// A fixture folder's `answer_key.json`, written by Fixtures/make_text_log_fixtures.py from the
/// loggers' own readers (TrainerState.load_from_json, pandas.read_csv, MlflowClient).
struct AnswerKey: Decodable {
    /// A value as the key writes it: a number, or "NaN" / "Infinity" / "-Infinity".
    struct Value: Decodable, Equatable, CustomStringConvertible {
        let value: Double
        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let x = try? single.decode(Double.self) { value = x; return }
            switch try single.decode(String.self) {
            case "NaN": value = .nan
            case "Infinity": value = .infinity
            case "-Infinity": value = -.infinity
            case let other: throw DecodingError.dataCorruptedError(in: single, debugDescription: "not a value: \(other)")
            }
        }
        init(_ value: Double) { self.value = value }
        /// Bit-exact, NaN equal to NaN.
        static func == (a: Value, b: Value) -> Bool { a.value.bitPattern == b.value.bitPattern || (a.value.isNaN && b.value.isNaN) }
        var description: String { "\(value)" }
    }

    struct Point: Decodable, Equatable {
        let step: Int64
        let value: Value
        var epoch: Double? = nil
        var wall: Double? = nil
    }

    struct NonFinite: Decodable, Equatable {
        let count: Int
        let steps: [Int64]
    }

    struct MetricKey: Decodable {
        let name: String
        let axis: String
        let count: Int
        let first: Point
        let last: Point
        let min: Point?
        let max: Point?
        let nonFinite: NonFinite
    }

    struct RunKey: Decodable {
        let name: String
        var files: [String]? = nil
        var folder: String? = nil
        var separator: String? = nil
        let params: [String: String]
        var restartLines: [Int]? = nil
        let metrics: [MetricKey]
    }

    let runs: [RunKey]
    var claimed: [String]? = nil

    /// The fixture folder of a format (`Fixtures/keras`).
    static func folder(_ format: String) throws -> String {
        let base = try #require(Bundle.module.resourcePath, "the test bundle has no resources")
        return base + "/Fixtures/" + format
    }

    static func load(_ format: String) throws -> AnswerKey {
        let data = try Data(contentsOf: URL(fileURLWithPath: try folder(format) + "/answer_key.json"))
        return try JSONDecoder().decode(AnswerKey.self, from: data)
    }
}

/// Checks every metric of `run` against the key: axis, count, first, last, min, max (first
/// occurrence, finite values only) and the non-finite values' steps; and the params.
func expectMatches(_ run: Run, _ key: AnswerKey.RunKey, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.params == key.params, "params of \(key.name)", sourceLocation: sourceLocation)
    #expect(run.metrics.map(\.name) == key.metrics.map(\.name), "metric names of \(key.name)", sourceLocation: sourceLocation)
    for metricKey in key.metrics {
        guard let metric = run.metric(named: metricKey.name) else { continue }
        let label = "\(key.name) \(metricKey.name)"
        #expect(metric.axis.rawValue == metricKey.axis, "\(label) axis", sourceLocation: sourceLocation)
        #expect(metric.points.count == metricKey.count, "\(label) count", sourceLocation: sourceLocation)
        guard let first = metric.points.first, let last = metric.points.last else { continue }
        #expect(point(first, like: metricKey.first) == metricKey.first, "\(label) first", sourceLocation: sourceLocation)
        #expect(point(last, like: metricKey.last) == metricKey.last, "\(label) last", sourceLocation: sourceLocation)
        let finite = metric.points.filter { $0.value.isFinite }
        // min(by:) and max(by:) keep the first of equal elements only for min; do it by hand.
        var lowest: MetricPoint? = nil, highest: MetricPoint? = nil
        for p in finite {
            if lowest.map({ p.value < $0.value }) ?? true { lowest = p }
            if highest.map({ p.value > $0.value }) ?? true { highest = p }
        }
        #expect(lowest.map { AnswerKey.Point(step: $0.step, value: .init($0.value)) } == metricKey.min, "\(label) min", sourceLocation: sourceLocation)
        #expect(highest.map { AnswerKey.Point(step: $0.step, value: .init($0.value)) } == metricKey.max, "\(label) max", sourceLocation: sourceLocation)
        let bad = metric.points.filter { !$0.value.isFinite }.map(\.step)
        #expect(AnswerKey.NonFinite(count: bad.count, steps: bad) == metricKey.nonFinite, "\(label) non-finite", sourceLocation: sourceLocation)
    }
}

/// A point as the key writes it, with the epoch and wall time only where the key has them.
private func point(_ p: MetricPoint, like key: AnswerKey.Point) -> AnswerKey.Point {
    AnswerKey.Point(step: p.step, value: .init(p.value), epoch: key.epoch == nil ? nil : p.epoch,
                    wall: key.wall == nil ? nil : p.wallTime)
}
