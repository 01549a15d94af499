import Foundation
import RunComparison
import RunLogs
import Testing

/// The summary as JSON: always valid, its shape, non-finite numbers as strings, the same bytes
/// for the same runs.
@Suite struct SummaryJSONTests {
    static func json(_ document: SummaryDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    func document() throws -> SummaryDocument {
        let (v0, v1) = try Fixtures.lightningVersions()
        let compared = try ComparedRuns(runs: v0, baseline: v1)
        let gate = try Gate(parsing: ["val_loss.final > baseline * 1.02", "grad_scale.final > 1", "nonfinite"]).evaluate(compared)
        return SummaryDocument(compared, gate: gate, link: try ArtifactLink(url: "https://ci.example/run/7"))
    }

    @Test func theDocumentHasItsShapeAndNonFiniteNumbersAreStrings() throws {
        let data = try Self.json(try document())
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(root.keys) == ["runs", "baseline", "meanWindow", "metrics", "metricsOnlyInBaseline", "unmatchedBaselineRuns",
                                   "unmatchedPatterns", "warnings", "gate", "link"])
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.first?["name"] as? String == "version_0")
        #expect(runs.first?["baselineRun"] as? String == "version_1")
        #expect((runs.first?["params"] as? [String: String])?["lr"] == "0.05")
        #expect(root["link"] as? String == "https://ci.example/run/7")

        let metrics = try #require(root["metrics"] as? [[String: Any]])
        let scale = try #require(metrics.first { $0["name"] as? String == "grad_scale" })
        #expect(scale["direction"] as? String == "unknown")
        let row = try #require((scale["rows"] as? [[String: Any]])?.first)
        let statistics = try #require(row["statistics"] as? [String: Any])
        let summary = try #require(statistics["summary"] as? [String: Any])
        #expect((summary["last"] as? [String: Any])?["value"] as? String == "NaN")
        #expect(summary["min"] is NSNull)
        #expect((statistics["trailingMean"] as? [String: Any])?["value"] as? String == "NaN")
        #expect(row["change"] is NSNull)

        let loss = try #require(metrics.first { $0["name"] as? String == "val_loss" })
        let change = try #require(((loss["rows"] as? [[String: Any]])?.first)?["change"] as? [String: Any])
        #expect(change["verdict"] as? String == "worse")
        #expect(change["absolute"] is Double && change["relative"] is Double)

        let gate = try #require(root["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        let rules = try #require(gate["rules"] as? [[String: Any]])
        #expect(rules.map { $0["rule"] as? String } == ["val_loss.final > baseline * 1.02", "grad_scale.final > 1", "nonfinite"])
        let nan = try #require((rules[1]["checks"] as? [[String: Any]])?.first)
        #expect(nan["value"] as? String == "NaN")
        #expect(nan["outcome"] as? String == "failed")
        #expect(Set(nan.keys) == ["run", "outcome", "value", "limit", "baselineRun", "baseline", "note"])

        let warnings = try #require(root["warnings"] as? [[String: Any]])
        #expect(warnings.first?["kind"] as? String == "nonFinite")
        #expect(warnings.first?["steps"] as? [Int] == [5, 6, 7])
    }

    @Test func theComparisonAloneEncodesAsTheDocumentWithoutGateAndLink() throws {
        let document = try document()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let alone = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(document.compared)) as? [String: Any])
        let whole = try #require(try JSONSerialization.jsonObject(with: try Self.json(document)) as? [String: Any])
        #expect(Set(alone.keys) == Set(whole.keys).subtracting(["gate", "link"]))
        #expect((alone["metrics"] as? [Any])?.count == (whole["metrics"] as? [Any])?.count)
    }

    @Test func theSameRunsGiveTheSameBytes() throws {
        let first = try Self.json(try document())
        let second = try Self.json(try document())
        #expect(first == second)
        // Sorted keys: each object's keys in order.
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\"baseline\":[{\"format\":\"lightning\",\"name\":\"version_1\","))
    }

    @Test func hugeAndNonFiniteValuesStayJSON() throws {
        let points = [Double.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan].enumerated().map {
            MetricPoint(step: Int64($0.offset), value: $0.element)
        }
        let run = Run(name: "wild", format: .jsonl, paths: ["/w"], metrics: [Metric(name: "loss", points: points)])
        let base = Run(name: "wild", format: .jsonl, paths: ["/b"], metrics: [Metric(name: "loss", points: [MetricPoint(step: 0, value: -.greatestFiniteMagnitude)])])
        let compared = try ComparedRuns(runs: RunSet(runs: [run]), baseline: RunSet(runs: [base]), options: ComparisonOptions(meanWindow: 2))
        let gate = try Gate(parsing: ["loss.max > baseline * 2", "loss.mean_last_4 > 0"]).evaluate(compared)
        let data = try Self.json(SummaryDocument(compared, gate: gate))
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"limit\":\"-Infinity\""))
        #expect(!text.contains("nan") && !text.contains("inf\""))
    }
}
