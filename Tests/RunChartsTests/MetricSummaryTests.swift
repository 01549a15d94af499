import Foundation
import RunLogs
import Testing

/// `MetricSummary`: counts, first and last as written, extremes' first occurrence, NaN and Inf
/// left out of them; and the exact JSON shape `lossplot runs` writes.
@Suite struct MetricSummaryTests {
    static func metric(_ pairs: [(Int64, Double)], axis: StepAxis = .step) -> Metric {
        Metric(name: "loss", axis: axis, points: pairs.map { MetricPoint(step: $0.0, value: $0.1) })
    }

    @Test func firstAndLastAreInTheOrderWrittenAndExtremesKeepTheirFirstOccurrence() {
        // A Keras log appended by a second fit: epochs go back; min 0.5 occurs twice.
        let s = MetricSummary(Self.metric([(0, 2), (1, 0.5), (2, .nan), (0, 3), (1, 0.5), (2, .infinity), (3, 1)], axis: .epoch))
        #expect(s.points == 7)
        #expect(s.x == .epoch)
        #expect(s.first == .init(step: 0, value: 2))
        #expect(s.last == .init(step: 3, value: 1))
        #expect(s.min == .init(step: 1, value: 0.5))
        #expect(s.max == .init(step: 0, value: 3))
        #expect(s.nonFinite == .init(count: 2, steps: [2, 2]))
    }

    @Test func allNonFiniteHasNoExtremes() {
        let s = MetricSummary(Self.metric([(5, .nan), (6, -.infinity)]))
        #expect(s.min == nil && s.max == nil)
        #expect(s.first?.value.isNaN == true)
        #expect(s.last == .init(step: 6, value: -.infinity))
        #expect(s.nonFinite.count == 2)
    }

    @Test func jsonHasExactlyTheDocumentedShapeAndStaysValidWithNaN() throws {
        let run = Run(name: "a/b", format: .jsonl, paths: ["/x/a/b/log.jsonl"], params: ["lr": "0.1"],
                      metrics: [Self.metric([(0, .nan), (10, 1.5), (20, .infinity)]), Metric(name: "empty", points: [])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(RunSetSummary(RunSet(runs: [run])))
        let text = String(decoding: data, as: UTF8.self)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(root.keys) == ["runs"])
        let r = try #require((root["runs"] as? [[String: Any]])?.first)
        #expect(Set(r.keys) == ["name", "format", "paths", "params", "metrics"])
        #expect(r["format"] as? String == "jsonl")
        #expect(r["paths"] as? [String] == ["/x/a/b/log.jsonl"])
        #expect(r["params"] as? [String: String] == ["lr": "0.1"])
        let metrics = try #require(r["metrics"] as? [[String: Any]])
        let m = metrics[0]
        #expect(Set(m.keys) == ["name", "x", "points", "first", "last", "min", "max", "nonFinite"])
        #expect(m["x"] as? String == "step")
        #expect(m["points"] as? Int == 3)
        let first = try #require(m["first"] as? [String: Any])
        #expect(Set(first.keys) == ["step", "value"])
        #expect(first["value"] as? String == "NaN")
        #expect((m["last"] as? [String: Any])?["value"] as? String == "Infinity")
        #expect((m["min"] as? [String: Any])?["value"] as? Double == 1.5)
        #expect((m["max"] as? [String: Any])?["step"] as? Int == 10)
        let nonFinite = try #require(m["nonFinite"] as? [String: Any])
        #expect(nonFinite["count"] as? Int == 2)
        #expect(nonFinite["steps"] as? [Int] == [0, 20])
        // Absent values are null, never a missing key.
        let empty = metrics[1]
        #expect(Set(empty.keys) == Set(m.keys))
        #expect(empty["min"] is NSNull && empty["first"] is NSNull)
        // Sorted keys: "first" before "last" before "max" before "min" before "name".
        let order = ["\"first\"", "\"last\"", "\"max\"", "\"min\"", "\"name\"", "\"nonFinite\"", "\"points\"", "\"x\""]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }
}
