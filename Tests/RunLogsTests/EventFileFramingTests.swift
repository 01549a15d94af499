import Foundation
import Testing
import TestSupport
@testable import RunLogs

/// CRC-32C against published vectors and a bit-at-a-time reference; TFRecord framing's refusals.
@Suite struct EventFileFramingTests {
    /// The CRC one bit at a time, straight from the polynomial.
    static func bitwiseCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    @Test func crc32cMatchesPublishedVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
        // RFC 3720 (iSCSI), B.4.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
    }

    @Test func slicingByEightAgreesWithTheBitwiseCRCAtEveryLengthAndAlignment() {
        var random = SplitMix64(state: 32)
        let data = (0..<300).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        for start in 0..<9 {
            for length in stride(from: 0, through: 290, by: 7) where start + length <= data.count {
                let slice = Array(data[start..<start + length])
                let fast = data.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<start + length])) }
                #expect(fast == Self.bitwiseCRC(slice), "start \(start), length \(length)")
            }
        }
    }

    /// Reads `bytes` as one event file, returning its run and the warnings.
    static func load(_ bytes: [UInt8], in folder: TemporaryFolder, name: String = "events.out.tfevents.1.test") throws -> (String, RunSet) {
        let path = try folder.write(bytes, to: name)
        return (path, try RunLoader.load([path]))
    }

    @Test func aDataChecksumThatFailsIsAnErrorAtItsRecord() throws {
        let folder = try TemporaryFolder()
        let records = EventFileSamples.lossRecords(count: 3)
        var bytes = records.flatMap { $0 }
        let second = records[0].count
        bytes[second + 12 + 2] ^= 0x10
        let path = try folder.write(bytes, to: "events.out.tfevents.1.crc")
        #expect(throws: RunLogError(path: path, at: .byteOffset(second), "the record's data fails its CRC-32C check (the file is corrupt)")) {
            try RunLoader.load([path])
        }
    }

    @Test func aLengthChecksumThatFailsIsAnError() throws {
        let folder = try TemporaryFolder()
        let records = EventFileSamples.lossRecords(count: 3)
        var bytes = records.flatMap { $0 }
        let third = records[0].count + records[1].count
        bytes[third + 9] ^= 0x01
        let path = try folder.write(bytes, to: "events.out.tfevents.1.len")
        #expect(throws: RunLogError(path: path, at: .byteOffset(third), "the record's length fails its CRC-32C check (the file is corrupt)")) {
            try RunLoader.load([path])
        }
    }

    @Test func aTruncatedLastRecordIsSkippedWithAWarning() throws {
        let folder = try TemporaryFolder()
        let records = EventFileSamples.lossRecords(count: 4)
        let whole = records.flatMap { $0 }
        let last = whole.count - records[3].count
        // Cut inside the last record's data, and inside its header.
        for cut in [whole.count - 3, last + 5] {
            let (path, set) = try Self.load(Array(whole[..<cut]), in: folder, name: "events.out.tfevents.cut\(cut)")
            #expect(set.runs.first?.metric(named: "loss")?.points.map(\.step) == [0, 1])
            #expect(set.warnings == [RunLogWarning(path: path, at: .byteOffset(last), "the last record is incomplete (a writer still running?); it was skipped")])
        }
    }

    @Test func aHugeDeclaredLengthIsRefusedWithoutAllocating() throws {
        let folder = try TemporaryFolder()
        let good = EventFileSamples.lossRecords(count: 1)[0]
        // A length of 2^63 whose own checksum is right: only the size gives it away.
        var huge = withUnsafeBytes(of: (UInt64(1) << 63).littleEndian) { Array($0) }
        huge += withUnsafeBytes(of: CRC32C.masked(CRC32C.checksum(huge)).littleEndian) { Array($0) }
        huge += [UInt8](repeating: 0, count: 40)
        let path = try folder.write(good + huge, to: "events.out.tfevents.1.huge")
        #expect(throws: RunLogError(path: path, at: .byteOffset(good.count), "a record declares 9223372036854775808 bytes, but only 40 follow its header")) {
            try RunLoader.load([path])
        }
    }

    @Test func recordsAcrossReadWindowsAndLongerThanOneAreReadWhole() throws {
        let folder = try TemporaryFolder()
        // 30,000 small records (several windows, so records straddle their edges), one record of
        // 1.5 windows in the middle (an unknown field of 400 KB, as a graph_def is), and a cut end.
        var file: [UInt8] = []
        for step in 0..<30_000 {
            if step == 15_000 {
                let big = [UInt8](repeating: 7, count: TFRecordFraming.windowSize * 3 / 2)
                var length: [UInt8] = []
                var n = big.count
                while n >= 0x80 { length.append(UInt8(n & 0x7F) | 0x80); n >>= 7 }
                length.append(UInt8(n))
                file += TFRecordFraming.frame([0x22] + length + big)  // graph_def = 4
            }
            file += EventFileSamples.record(step: Int64(step), wallTime: 1e9 + Double(step), [EventFileSamples.simple("loss", Float(step))])
        }
        let cut = file.count - 5
        let (path, set) = try Self.load(Array(file[..<cut]), in: folder)
        let points = try #require(set.runs.first?.metric(named: "loss")?.points)
        #expect(points.count == 29_999)
        #expect(points.enumerated().allSatisfy { $0.element.step == Int64($0.offset) && $0.element.value == Double($0.offset) })
        let lastRecord = file.count - EventFileSamples.record(step: 29_999, wallTime: 1e9 + 29_999, [EventFileSamples.simple("loss", 29_999)]).count
        #expect(set.warnings == [RunLogWarning(path: path, at: .byteOffset(lastRecord), "the last record is incomplete (a writer still running?); it was skipped")])
    }

    @Test func anEmptyEventFileIsARunWithNoMetrics() throws {
        let folder = try TemporaryFolder()
        let (_, set) = try Self.load([], in: folder)
        #expect(set.runs.count == 1)
        #expect(set.runs.first?.format == .tfevents)
        #expect(set.runs.first?.metrics == [])
        #expect(set.warnings == [])
    }

    @Test func garbageIsNotAnEventFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(Array("step,loss\n1,0.5\n2,0.25\n".utf8), to: "events.out.tfevents.1.csv")
        #expect(throws: RunLogError(path: path, at: .byteOffset(0), "not a TFRecord event file (the first record's length fails its CRC-32C check)")) {
            try RunLoader.load([path])
        }
    }

    @Test func aRecordThatIsNotAnEventNamesWhereItBreaks() throws {
        let folder = try TemporaryFolder()
        let good = EventFileSamples.lossRecords(count: 1)[0]
        // Field 5 (summary) declaring 100 bytes when 2 follow.
        let bad = TFRecordFraming.frame([0x2A, 100, 0x0A, 0x00])
        let path = try folder.write(good + bad, to: "events.out.tfevents.1.bad")
        #expect(throws: RunLogError(path: path, at: .byteOffset(good.count + 13),
                                    "not a TensorBoard Event (the record at byte \(good.count)): a field declares 100 bytes but its message has 2 left")) {
            try RunLoader.load([path])
        }
    }
}
