import EventProto
import Foundation
import SwiftProtobuf
import Testing
import TestSupport
@testable import RunLogs

/// The hand-written wire decoder against swift-protobuf's generated messages for the same .proto:
/// random events encoded by swift-protobuf read back the same; broken bytes are refused, not trapped on.
@Suite struct EventFileDecoderTests {
    /// What the decoder reads from one value, in a comparable form.
    struct Read: Equatable {
        var tag: String
        var plugin: String?
        var simpleBits: UInt32?
        var tensorBits: UInt64?
    }

    /// What the wire decoder reads from `bytes`.
    static func decode(_ bytes: [UInt8]) throws -> (wallTime: UInt64?, step: Int64, values: [Read]) {
        try bytes.withUnsafeBytes { buffer in
            let event = try EventRecord(buffer, range: 0..<buffer.count)
            var values: [Read] = []
            try event.forEachValue(buffer) { value throws(ProtoWireError) in
                func text(_ range: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
                var read = Read(tag: text(value.tag), plugin: value.pluginName.map(text))
                switch value.kind {
                case .simple(let v): read.simpleBits = v.bitPattern
                case .tensor(let range):
                    if case .success(let v) = try ScalarTensor.value(buffer, range: range) { read.tensorBits = v.bitPattern }
                case .none: break
                }
                values.append(read)
            }
            return (event.wallTime?.bitPattern, event.step, values)
        }
    }

    static func randomTag(_ random: inout SplitMix64) -> String {
        let pieces = ["loss", "train/", "val", "accuracy", "λ", "学习率", "_", "a b", "😀"]
        return (0..<(1 + Int(random.below(4)))).map { _ in pieces[Int(random.below(UInt64(pieces.count)))] }.joined()
    }

    @Test func randomEventsReadAsSwiftProtobufWroteThem() throws {
        var random = SplitMix64(state: 14)
        for round in 0..<400 {
            var event = Lossplot_Tfevents_Event()
            event.step = Int64(bitPattern: random.next()) >> Int64(random.below(64))
            event.wallTime = Double(bitPattern: random.next())
            var expected: [Read] = []
            for _ in 0..<random.below(5) {
                var value = Lossplot_Tfevents_Summary.Value()
                value.tag = Self.randomTag(&random)
                var read = Read(tag: value.tag)
                if random.below(2) == 0 {
                    let plugin = random.below(2) == 0 ? "scalars" : "images"
                    value.metadata.pluginData.pluginName = plugin
                    value.metadata.pluginData.content = Data((0..<random.below(6)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
                    read.plugin = plugin
                }
                switch random.below(4) {
                case 0:
                    let bits = UInt32(truncatingIfNeeded: random.next())
                    value.simpleValue = Float(bitPattern: bits)
                    read.simpleBits = bits
                case 1:
                    let bits = UInt32(truncatingIfNeeded: random.next())
                    var t = Lossplot_Tfevents_TensorProto()
                    t.dtype = 1
                    t.floatVal = [Float(bitPattern: bits)]
                    value.tensor = t
                    read.tensorBits = Double(Float(bitPattern: bits)).bitPattern
                case 2:
                    let x = Double(bitPattern: random.next())
                    var t = Lossplot_Tfevents_TensorProto()
                    t.dtype = 2
                    t.doubleVal = [x, 1, 2]  // one element by its shape: the first value is it
                    t.tensorShape = Lossplot_Tfevents_TensorShapeProto()
                    value.tensor = t
                    read.tensorBits = x.bitPattern
                default:
                    break
                }
                expected.append(read)
                event.summary.value.append(value)
            }
            var bytes: [UInt8] = try event.serializedBytes()
            // Fields lossplot does not know (graph_def = 4, a field 99) are skipped.
            if random.below(3) == 0 { bytes += [0x22, 0x03, 0x01, 0x02, 0x03, 0x98, 0x06, 0x7F] }
            let decoded = try Self.decode(bytes)
            #expect(decoded.step == event.step, "round \(round)")
            // proto3 leaves a zero wall time out: then there is none to read; NaN or Inf is no time.
            let time = event.wallTime
            #expect(decoded.wallTime == (time.bitPattern == 0 || !time.isFinite ? nil : time.bitPattern), "round \(round)")
            // NaN payloads survive: compare bits, not values.
            #expect(decoded.values == expected, "round \(round)")
        }
    }

    @Test func aWallTimeThatIsNotAFiniteNumberIsNone() throws {
        for bad in [Double.nan, .infinity, -.infinity] {
            #expect(try Self.decode(EventFileSamples.eventBytes(step: 1, wallTime: bad, [EventFileSamples.simple("x", 1)])).wallTime == nil)
        }
        #expect(try Self.decode(EventFileSamples.eventBytes(step: 1, wallTime: 2.5, [])).wallTime == 2.5.bitPattern)
    }

    @Test func unpackedRepeatedFloatsAndUnknownFieldsOfEveryWireType() throws {
        // tensor { dtype: 1 (varint), float_val: 0.5 unpacked (tag 0x2D), then unknown fields:
        // 99 varint, 98 fixed64, 97 bytes, 96 group holding a varint, 95 fixed32 }
        let half: [UInt8] = withUnsafeBytes(of: Float(0.5).bitPattern.littleEndian) { Array($0) }
        var tensor: [UInt8] = [0x08, 0x01, 0x2D] + half
        tensor += [0x98, 0x06, 0x7F]  // field 99, varint
        tensor += [0x91, 0x06] + [UInt8](repeating: 1, count: 8)  // field 98, fixed64
        tensor += [0x8A, 0x06, 0x02, 0xAA, 0xBB]  // field 97, 2 bytes
        tensor += [0x83, 0x06, 0x08, 0x05, 0x84, 0x06]  // field 96, group { 1: 5 }
        tensor += [0xFD, 0x05] + [UInt8](repeating: 2, count: 4)  // field 95, fixed32
        let tag: [UInt8] = [0x0A, 0x01, UInt8(ascii: "t")]
        let metadata: [UInt8] = [0x4A, 0x0B, 0x0A, 0x09, 0x0A, 0x07] + Array("scalars".utf8)
        let value: [UInt8] = tag + metadata + [0x42, UInt8(tensor.count)] + tensor
        let summary: [UInt8] = [0x0A, UInt8(value.count)] + value
        let event: [UInt8] = [0x10, 0x05, 0x2A, UInt8(summary.count)] + summary
        let decoded = try Self.decode(event)
        #expect(decoded.values == [Read(tag: "t", plugin: "scalars", tensorBits: 0.5.bitPattern)])
        // swift-protobuf reads the same bytes the same way.
        let reference = try Lossplot_Tfevents_Event(serializedBytes: event)
        #expect(reference.summary.value.first?.tensor.floatVal == [0.5])
    }

    @Test func brokenBytesAreErrorsWithOffsetsInsideTheRecord() throws {
        let cases: [([UInt8], String)] = [
            ([0x2A, 0x05, 0x0A], "a field declares 5 bytes but its message has 1 left"),
            ([0x10] + [UInt8](repeating: 0xFF, count: 11), "a varint is longer than ten bytes"),
            ([0x10, 0x80], "a varint runs past the end of its message"),
            ([0x09, 0x01, 0x02], "an 8-byte field runs past the end of its message"),
            ([0x00, 0x01], "field number 0 is out of range"),
            ([0x0E], "unknown wire type 6"),
            ([0x0C], "a group ends that never started"),
            ([0x0B, 0x10, 0x01], "group 1 never ends"),
            ([0x0B, 0x14], "group 1 ends as group 2"),
            (Array(repeating: 0x0B, count: 40), "groups nest deeper than 32"),
        ]
        for (bytes, message) in cases {
            do {
                _ = try Self.decode(bytes)
                Issue.record("no error for \(bytes)")
            } catch let error as ProtoWireError {
                #expect(error.message == message)
                #expect(error.offset >= 0 && error.offset <= bytes.count)
            }
        }
    }

    @Test func mutatedEventsNeverTrap() throws {
        var random = SplitMix64(state: 63)
        let valid = EventFileSamples.eventBytes(step: 70_000, [
            EventFileSamples.simple("train/loss", 0.25),
            EventFileSamples.tensor("acc", dtype: 19) { $0.halfVal = [0x3C00] },
        ])
        var refused = 0
        for _ in 0..<3_000 {
            var bytes = valid
            for _ in 0...random.below(3) {
                let i = Int(random.below(UInt64(bytes.count)))
                switch random.below(3) {
                case 0: bytes[i] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: i)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: i)
                }
                if bytes.isEmpty { bytes = [0] }
            }
            do { _ = try Self.decode(bytes) } catch { refused += 1 }
        }
        #expect(refused > 100)
    }
}
