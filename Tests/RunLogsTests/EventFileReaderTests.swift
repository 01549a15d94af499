import EventProto
import Foundation
import SwiftProtobuf
import Testing
@testable import RunLogs

/// Event records built with swift-protobuf's messages (tfevents.proto), framed as TFRecord.
enum EventFileSamples {
    typealias Value = Lossplot_Tfevents_Summary.Value

    static func simple(_ tag: String, _ value: Float) -> Value {
        var v = Value()
        v.tag = tag
        v.simpleValue = value
        return v
    }

    /// A tensor value of `dtype` (with the "scalars" plugin unless `plugin` says otherwise).
    static func tensor(_ tag: String, dtype: Int32, plugin: String? = "scalars", _ fill: (inout Lossplot_Tfevents_TensorProto) -> Void) -> Value {
        var v = Value()
        v.tag = tag
        var t = Lossplot_Tfevents_TensorProto()
        t.dtype = dtype
        t.tensorShape = Lossplot_Tfevents_TensorShapeProto()
        fill(&t)
        v.tensor = t
        if let plugin { v.metadata.pluginData.pluginName = plugin }
        return v
    }

    static func eventBytes(step: Int64, wallTime: Double = 1_700_000_000, _ values: [Value]) -> [UInt8] {
        var e = Lossplot_Tfevents_Event()
        e.step = step
        e.wallTime = wallTime
        if !values.isEmpty { e.summary.value = values }
        return (try? e.serializedBytes()) ?? []
    }

    static func record(step: Int64, wallTime: Double = 1_700_000_000, _ values: [Value]) -> [UInt8] {
        TFRecordFraming.frame(eventBytes(step: step, wallTime: wallTime, values))
    }

    /// A file-version record, then `count - 1` records of `loss` at steps 0, 1, ...
    static func lossRecords(count: Int, wallTime: Double = 1_700_000_000) -> [[UInt8]] {
        var version = Lossplot_Tfevents_Event()
        version.wallTime = wallTime
        version.fileVersion = "brain.Event:2"
        let first = TFRecordFraming.frame((try? version.serializedBytes()) ?? [])
        return [first] + (0..<count - 1).map { step in
            record(step: Int64(step), wallTime: wallTime + Double(step), [simple("loss", 1 / Float(step + 1))])
        }
    }
}

/// Event files written by torch and tensorboardX (Fixtures/tfevents, made by
/// make_tfevents_fixtures.py) against tbparse's reading of them, and what the writers' variants hold.
@Suite struct EventFileReaderTests {
    static var fixtures: String? {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures/tfevents").path
    }

    /// The answer key's statistic for a point: its step and the float64 bits of its value.
    struct KeyPoint: Equatable, CustomStringConvertible {
        let step: Int64
        let bits: String

        init(step: Int64, value: Double) {
            self.step = step
            bits = value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : String(format: "%016llx", value.bitPattern)
        }

        init?(_ json: Any?) {
            guard let dict = json as? [String: Any], let step = (dict["step"] as? NSNumber)?.int64Value else { return nil }
            self.step = step
            if let bits = dict["bits"] as? String { self.bits = bits } else if let text = dict["value"] as? String { self.bits = text } else { return nil }
        }

        var description: String { "step \(step): \(bits)" }
    }

    /// count, first, last, min, max (first occurrence, finite values), non-finite count and steps.
    struct Summary: Equatable {
        var count = 0
        var first, last, min, max: KeyPoint?
        var nonFiniteSteps: [Int64] = []

        init(_ metric: Metric) {
            count = metric.points.count
            first = metric.points.first.map { KeyPoint(step: $0.step, value: $0.value) }
            last = metric.points.last.map { KeyPoint(step: $0.step, value: $0.value) }
            let finite = metric.points.filter(\.value.isFinite)
            if let low = finite.min(by: { $0.value < $1.value }) { min = KeyPoint(step: low.step, value: low.value) }
            // The first of equal maxima: max(by:) keeps the last, so look from the front.
            if let top = finite.map(\.value).max(), let high = finite.first(where: { $0.value == top }) {
                max = KeyPoint(step: high.step, value: high.value)
            }
            nonFiniteSteps = metric.points.filter { !$0.value.isFinite }.map(\.step)
        }

        init?(_ json: Any?) {
            guard let dict = json as? [String: Any], let count = (dict["count"] as? NSNumber)?.intValue,
                  let nonFinite = dict["nonFinite"] as? [String: Any],
                  let steps = nonFinite["steps"] as? [NSNumber] else { return nil }
            self.count = count
            first = KeyPoint(dict["first"])
            last = KeyPoint(dict["last"])
            min = KeyPoint(dict["min"])
            max = KeyPoint(dict["max"])
            nonFiniteSteps = steps.map(\.int64Value)
            guard (nonFinite["count"] as? NSNumber)?.intValue == nonFiniteSteps.count else { return nil }
        }
    }

    @Test func everyFixtureMetricMatchesTbparse() throws {
        let root = try #require(Self.fixtures)
        let keyData = try Data(contentsOf: URL(fileURLWithPath: root + "/key.json"))
        let key = try #require(try JSONSerialization.jsonObject(with: keyData) as? [String: Any])
        let keyRuns = try #require(key["runs"] as? [String: [String: Any]])
        let set = try RunLoader.load([root])
        #expect(set.warnings == [])
        let withScalars = set.runs.filter { !$0.metrics.isEmpty }
        #expect(Set(withScalars.map(\.name)) == Set(keyRuns.keys))
        #expect(keyRuns.count == 8)
        for run in withScalars {
            #expect(run.format == .tfevents)
            let tags = try #require(keyRuns[run.name], "run \(run.name)")
            #expect(Set(run.metrics.map(\.name)) == Set(tags.keys), "run \(run.name)")
            for metric in run.metrics {
                #expect(metric.axis == .step)
                #expect(metric.points.allSatisfy { $0.wallTime.map { $0 > 1.5e9 } ?? false }, "\(run.name) \(metric.name)")
                let expected = try #require(Summary(tags[metric.name]), "\(run.name) \(metric.name)")
                #expect(Summary(metric) == expected, "\(run.name) \(metric.name)")
            }
        }
        // add_scalars' parent writer holds only its file version: a run with nothing to plot.
        #expect(set.runs.first { $0.name == "torch/grouped" }?.metrics == [])
    }

    @Test func theWritersVariantsHoldWhatTheyShould() throws {
        let root = try #require(Self.fixtures)
        let set = try RunLoader.load([root])
        func run(_ name: String) throws -> Run { try #require(set.runs.first { $0.name == name }, "run \(name)") }
        // torch: simple_value scalars; the image and the histogram are not metrics.
        let simple = try run("torch/simple")
        #expect(simple.metrics.map(\.name) == ["train/loss", "train/lr", "val/accuracy"])
        #expect(simple.metric(named: "train/loss")?.points.filter { $0.value.isNaN }.map(\.step) == [4])
        #expect(simple.metric(named: "train/loss")?.points.filter { $0.value == .infinity }.map(\.step) == [7])
        // float32 kept exactly: 0.1 as torch stored it, not 0.1 as a Double.
        #expect(simple.metric(named: "train/lr")?.points.first?.value == Double(Float(0.1)))
        // new_style tensors: float32 in one run, float64 (1/3 + step exactly) in the other.
        let double = try run("torch/tensor_double")
        let third: Double = 1.0 / 3.0
        let expected: [Double] = [third, third + 10]
        #expect(Array(double.metric(named: "grad_norm")?.points.map(\.value).prefix(2) ?? []) == expected)
        #expect(try run("torch/tensor").metric(named: "grad_norm")?.points.first?.value == Double(Float(1.0 / 3.0)))
        // add_hparams: its own run, whose session start is the run's parameters.
        let hparams = try run("torch/simple/hparams")
        #expect(hparams.params == ["lr": "0.1", "batch_size": "32", "optimizer": "sgd", "nesterov": "1"])
        #expect(hparams.metrics.map(\.name) == ["hparam/accuracy"])
        // Two event files in one folder are one run, in order.
        let two = try run("two_files")
        #expect(two.paths.count == 2)
        #expect(two.metric(named: "loss")?.points.map(\.step) == Array(0..<24))
    }

    @Test func filesOfARunAreMergedInTheOrderOfTheirFirstWallTime() throws {
        let folder = try TemporaryFolder()
        // "b" was started first: its points come first, whatever the names' order.
        try folder.write(EventFileSamples.lossRecords(count: 3, wallTime: 2_000).flatMap { $0 }, to: "run/events.out.tfevents.a")
        try folder.write((EventFileSamples.lossRecords(count: 1, wallTime: 1_000) + [
            EventFileSamples.record(step: 7, wallTime: 1_001, [EventFileSamples.simple("loss", 5)]),
        ]).flatMap { $0 }, to: "run/events.out.tfevents.b")
        let set = try RunLoader.load([folder.path])
        #expect(set.runs.map(\.name) == ["run"])
        #expect(set.runs.first?.metric(named: "loss")?.points.map(\.step) == [7, 0, 1])
        #expect(set.runs.first?.metric(named: "loss")?.points.first?.wallTime == 1_001)
    }

    @Test func everyFolderWithEventFilesIsARunNamedByItsPath() throws {
        let folder = try TemporaryFolder()
        let file = EventFileSamples.lossRecords(count: 2).flatMap { $0 }
        try folder.write(file, to: "events.out.tfevents.1.top")
        try folder.write(file, to: "exp/seed1/events.out.tfevents.1.x")
        try folder.write(file, to: "exp/seed2/events.out.tfevents.1.x")
        try folder.write(Array("not an event file".utf8), to: "exp/seed2/notes.txt")
        let set = try RunLoader.load([folder.path])
        let top = (folder.path as NSString).lastPathComponent
        #expect(set.runs.map(\.name) == ["exp/seed1", "exp/seed2", top].sorted())
        #expect(set.runs.allSatisfy { $0.format == .tfevents && $0.metrics.map(\.name) == ["loss"] })
    }

    @Test func onlyFilesThatAreEventFilesAreClaimed() throws {
        let folder = try TemporaryFolder()
        let file = EventFileSamples.lossRecords(count: 2).flatMap { $0 }
        try folder.write(file, to: "a/events.out.tfevents.1.host")
        try folder.write(file, to: "b/run.tfevents")
        try folder.write("\"\"\"Writes the event file fixtures.\"\"\"\n", to: "a/make_tfevents_fixtures.py")
        try folder.write("read the tfevents with care\n", to: "b/tfevents_notes.txt")
        let set = try RunLoader.load([folder.path])
        #expect(set.runs.map(\.name) == ["a", "b"])
        #expect(set.runs.map(\.paths) == [[folder.path + "/a/events.out.tfevents.1.host"], [folder.path + "/b/run.tfevents"]])
        // A file the writers named is theirs even when it is broken: its problem is reported.
        let broken = try folder.write("not an event file", to: "c/events.out.tfevents.2.host")
        #expect(throws: RunLogError(path: broken, at: .byteOffset(0), "not a TFRecord event file (the first record's length fails its CRC-32C check)")) {
            try RunLoader.load([folder.path])
        }
    }

    @Test func anEventFileNamedDirectlyIsRecognizedByItsFraming() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(EventFileSamples.lossRecords(count: 3).flatMap { $0 }, to: "renamed.bin")
        let set = try RunLoader.load([path])
        #expect(set.runs.first?.format == .tfevents)
        #expect(set.runs.first?.metric(named: "loss")?.points.count == 2)
        #expect(set.runs.first?.metric(named: "loss")?.points.last?.value == 0.5)
    }

    @Test func scalarTensorsOfEveryFloatTypeAreReadExactly() throws {
        typealias S = EventFileSamples
        let third = 1.0 / 3.0
        let values: [S.Value] = [
            S.tensor("float", dtype: 1) { $0.floatVal = [Float(third)] },
            S.tensor("double", dtype: 2) { $0.doubleVal = [third] },
            S.tensor("half", dtype: 19) { $0.halfVal = [0x3555] },  // 0.333251953125
            S.tensor("bfloat16", dtype: 14) { $0.halfVal = [0x3EAB] },  // 0.333984375
            S.tensor("content", dtype: 2) { $0.tensorContent = withUnsafeBytes(of: third.bitPattern.littleEndian) { Data($0) } },
            S.tensor("halfContent", dtype: 19) { $0.tensorContent = Data([0x00, 0xFC]) },  // -inf
            S.tensor("subnormalHalf", dtype: 19) { $0.halfVal = [0x0001] },  // 2^-24
            S.tensor("empty", dtype: 1) { _ in },  // no values: zero, as TensorFlow reads it
            S.tensor("shapeOne", dtype: 1) { t in
                var dim = Lossplot_Tfevents_TensorShapeProto.Dim()
                dim.size = 1
                t.tensorShape.dim = [dim]
                t.floatVal = [2.5]
            },
        ]
        let folder = try TemporaryFolder()
        let path = try folder.write(S.record(step: 3, values), to: "events.out.tfevents.1.t")
        let run = try #require(try RunLoader.load([path]).runs.first)
        let read = Dictionary(uniqueKeysWithValues: run.metrics.map { ($0.name, $0.points.map(\.value)) })
        #expect(read == [
            "float": [Double(Float(third))], "double": [third], "half": [0.333251953125], "bfloat16": [0.333984375],
            "content": [third], "halfContent": [-.infinity], "subnormalHalf": [0x1p-24], "empty": [0], "shapeOne": [2.5],
        ])
        #expect(run.metrics.allSatisfy { $0.points.map(\.step) == [3] })
    }

    @Test func tensorsOfOtherPluginsAndNonScalarTensorsAreNotMetrics() throws {
        typealias S = EventFileSamples
        let folder = try TemporaryFolder()
        var vector = Lossplot_Tfevents_TensorShapeProto.Dim()
        vector.size = 2
        let bytes = S.record(step: 1, [
            S.tensor("text", dtype: 7, plugin: "text") { _ in },
            S.tensor("plain", dtype: 1, plugin: nil) { $0.floatVal = [1] },
            S.tensor("vector", dtype: 1) { $0.tensorShape.dim = [vector, vector]; $0.floatVal = [1, 2] },
            S.tensor("integer", dtype: 9) { _ in },
            S.simple("loss", 0.5),
        ]) + S.record(step: 2, [
            S.tensor("vector", dtype: 1) { $0.tensorShape.dim = [vector, vector]; $0.floatVal = [1, 2] },
        ])
        let path = try folder.write(bytes, to: "events.out.tfevents.1.p")
        let set = try RunLoader.load([path])
        #expect(set.runs.first?.metrics.map(\.name) == ["loss"])
        // Scalars-plugin tensors that are not one float are named once each, not once per record.
        #expect(set.warnings.map(\.message) == [
            "the scalar 'vector' is a tensor of more than one element; its values like this were skipped",
            "the scalar 'integer' is a tensor of dtype 9, not a floating-point number; its values like this were skipped",
        ])
    }

    @Test func aTagKeepsThePluginOfItsFirstMetadata() throws {
        typealias S = EventFileSamples
        let folder = try TemporaryFolder()
        // TensorFlow writes a tag's metadata with its first value only.
        let bytes = S.record(step: 1, [S.tensor("acc", dtype: 1) { $0.floatVal = [0.25] }])
            + S.record(step: 2, [S.tensor("acc", dtype: 1, plugin: nil) { $0.floatVal = [0.5] }])
        let path = try folder.write(bytes, to: "events.out.tfevents.1.m")
        #expect(try RunLoader.load([path]).runs.first?.metric(named: "acc")?.points.map(\.value) == [0.25, 0.5])
    }

    @Test func tagsThatAreNotUTF8StayApart() throws {
        // Built by hand: summary { value { tag: "x\xFF", simple_value: 1 } }, and "x\xFE" with 2:
        // two byte strings that both decode to "x\u{FFFD}".
        func event(_ last: UInt8, _ value: Float) -> [UInt8] {
            let bits = withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
            let valueBytes: [UInt8] = [0x0A, 0x02, UInt8(ascii: "x"), last, 0x15] + bits
            let summary: [UInt8] = [0x0A, UInt8(valueBytes.count)] + valueBytes
            return TFRecordFraming.frame([0x10, 0x01, 0x2A, UInt8(summary.count)] + summary)
        }
        let folder = try TemporaryFolder()
        let path = try folder.write(event(0xFF, 1) + event(0xFE, 2) + event(0xFF, 3), to: "events.out.tfevents.1.u")
        let run = try #require(try RunLoader.load([path]).runs.first)
        #expect(run.metrics.map(\.name) == ["x\u{FFFD}", "x\u{FFFD}\u{FFFD}"])
        #expect(run.metrics.map { $0.points.map(\.value) } == [[1, 3], [2]])
    }
}
