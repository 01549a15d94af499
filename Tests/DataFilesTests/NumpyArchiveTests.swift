import DataFixtures
import Foundation
import TestSupport
import Testing
@testable import DataFiles

/// `.npz` archives as numpy writes them (np.savez, np.savez_compressed), each array compared with
/// what numpy's own np.load read back, and damaged archives refused in one message, never a hang.
@Suite struct NumpyArchiveTests {
    static let archives = ["preds.npz", "preds_compressed.npz", "positional.npz", "single.npz", "dtypes.npz"]

    @Test(arguments: archives)
    func everyArrayIsWhatNumpyReads(_ name: String) throws {
        let key = try #require(DataFixtures.answerKey?.npz[name], "answer key for \(name)")
        let archive = try NumpyArchive(contentsOfFile: try #require(DataFixtures.path(name)))
        #expect(Set(archive.arrayNames) == Set(key.keys))
        for (member, expected) in key {
            let array = try archive.array(named: member)
            #expect(array.shape == expected.shape, "\(name):\(member)")
            #expect(array.elements == expected.values, "\(name):\(member)")
            #expect(try archive.array(named: member + ".npy").elements == expected.values, "\(name):\(member).npy")
        }
    }

    @Test func aStoredFloat64ArrayAndItsDeflatedTwinAgree() throws {
        let stored = try NumpyArchive(contentsOfFile: try #require(DataFixtures.path("preds.npz")))
        let deflated = try NumpyArchive(contentsOfFile: try #require(DataFixtures.path("preds_compressed.npz")))
        for name in stored.arrayNames {
            #expect(try stored.array(named: name).elements == deflated.array(named: name).elements, "\(name)")
        }
    }

    @Test func anUnknownArrayIsNamedWithTheArraysThereAre() throws {
        let path = try #require(DataFixtures.path("preds.npz"))
        #expect(throws: DataFileError(path: path, #"has no array "ypred" (arrays: "y_true", "y_pred", "labels", "probs", "weights")"#)) {
            try NumpyArchive(contentsOfFile: path).array(named: "ypred")
        }
    }

    @Test func anObjectArrayIsRefusedAsNumpyRefusesIt() throws {
        let path = try #require(DataFixtures.path("objects.npz"))
        #expect(DataFixtures.answerKey?.refused["objects.npz"] == ["o"])
        #expect(throws: DataFileError.self) { try NumpyArchive(contentsOfFile: path).array(named: "o") }
    }

    // MARK: Damaged archives

    /// A copy of a fixture with `edit` applied to its bytes.
    func damaged(_ name: String, _ edit: (inout [UInt8]) -> Void) throws -> String {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try #require(DataFixtures.path(name)))))
        edit(&bytes)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-damaged-\(UUID()).npz").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Offsets of the central directory entries (signature PK\1\2).
    func directoryEntries(_ bytes: [UInt8]) -> [Int] {
        (0..<(bytes.count - 4)).filter { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 1 && bytes[$0 + 3] == 2 }
    }

    func put32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }

    func get32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    /// The first member's message, or nil when it reads.
    func firstMemberError(_ path: String) -> String? {
        do {
            let archive = try NumpyArchive(contentsOfFile: path)
            _ = try archive.array(named: archive.arrayNames[0])
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aDeflateStreamCutShortIsAnErrorNotAHang() throws {
        // The directory says the first member's stream is half as long as it is: the provider runs out.
        let path = try damaged("preds_compressed.npz") { bytes in
            let entry = directoryEntries(bytes)[0]
            put32(get32(bytes, entry + 20) / 2, at: entry + 20, in: &bytes)
        }
        let message = try #require(firstMemberError(path))
        #expect(Self.refusesDamage(message), "\(message)")
    }

    /// What a damaged member may be refused with: the stream's end, corruption, the size, the CRC.
    static func refusesDamage(_ message: String) -> Bool {
        ["ends before its last block", "corrupt", "inflates to", "CRC-32"].contains { message.contains($0) }
    }

    /// The case ZIPFoundation 0.9.20's own `Archive.extract` spins on forever (weichsel/ZIPFoundation#389;
    /// seen here: killed after 10 s at 100% CPU): a deflate stream whose last block is not final and
    /// that runs to the very end of the file, 16 KiB from its start (ZIPFoundation's chunk), so that
    /// its next read is empty. The archive is laid out directory first, so the member's data can end
    /// where the file does.
    @Test func aDeflateStreamRunningToTheEndOfTheFileIsAnErrorNotAHang() throws {
        let payload = [UInt8](repeating: 0x78, count: 16384 - 5 - 22)
        let name = Array("a.npy".utf8)
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let endRecordSize = 22
        // A stored block, not final (first byte 0), holding the payload and then the end record's
        // bytes, so that it ends exactly at the end of the file.
        let blockLength = payload.count + endRecordSize
        let streamHead: [UInt8] = [0x00] + le16(blockLength) + le16(~blockLength & 0xFFFF)
        let directorySize = 46 + name.count
        let localOffset = directorySize
        let dataOffset = localOffset + 30 + name.count
        let compressedSize = streamHead.count + blockLength
        let crc = Self.crc32(payload)
        let directory: [UInt8] = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
            + le32(UInt32(compressedSize)) + le32(UInt32(payload.count)) + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0)
            + le32(0) + le32(UInt32(localOffset)) + name
        let local: [UInt8] = le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(crc)
            + le32(UInt32(compressedSize)) + le32(UInt32(payload.count)) + le16(name.count) + le16(0) + name
        let end: [UInt8] = le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(directorySize)) + le32(0) + le16(0)
        let bytes = directory + local + streamHead + payload + end
        #expect(dataOffset + compressedSize == bytes.count)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-endless-\(UUID()).npz").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let message = try #require(firstMemberError(path))
        #expect(Self.refusesDamage(message), "\(message)")
    }

    /// CRC-32 (IEEE), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func aCorruptDeflateStreamIsRefused() throws {
        let path = try damaged("preds_compressed.npz") { bytes in
            let entry = directoryEntries(bytes)[0]
            let local = Int(get32(bytes, entry + 42))
            let data = local + 30 + Int(bytes[local + 26]) + Int(bytes[local + 28]) | Int(bytes[local + 29]) << 8
            for k in 0..<16 { bytes[data + 2 + k] ^= 0xA5 }
        }
        let message = try #require(firstMemberError(path))
        #expect(message.contains("corrupt") || message.contains("CRC-32") || message.contains("inflates to") || message.contains("ends before"), "\(message)")
    }

    @Test func aDeclaredSizeThatIsNotTheInflatedSizeIsRefusedWithoutAllocatingIt() throws {
        let larger = try damaged("preds_compressed.npz") { bytes in
            put32(0x7FFF_FFFF, at: directoryEntries(bytes)[0] + 24, in: &bytes)
        }
        #expect(firstMemberError(larger)?.hasPrefix("inflates to 224 bytes, not the 2147483647") == true, "\(firstMemberError(larger) ?? "")")
        let smaller = try damaged("preds_compressed.npz") { bytes in
            put32(100, at: directoryEntries(bytes)[0] + 24, in: &bytes)
        }
        #expect(firstMemberError(smaller) == "inflates to more than the 100 bytes the archive declares")
    }

    @Test func aStoredMemberWhoseBytesChangedFailsItsCRC() throws {
        let path = try damaged("preds.npz") { bytes in
            let entry = directoryEntries(bytes)[0]
            let local = Int(get32(bytes, entry + 42))
            bytes[local + 30 + Int(bytes[local + 26]) + Int(bytes[local + 28]) + 200] ^= 1
        }
        #expect(firstMemberError(path) == "the member's CRC-32 does not match its bytes (the archive is damaged)")
    }

    @Test func directoriesThatLieAreRefused() throws {
        let cases: [(String, (inout [UInt8]) -> Void)] = [
            ("no end of central directory record", { bytes in bytes = Array(bytes.dropLast(22)) }),
            ("outside the file", { bytes in
                let end = bytes.count - 22
                self.put32(0xFFFF_FF00, at: end + 16, in: &bytes)
            }),
            ("points outside the file", { bytes in
                self.put32(0xFFFF_FF00, at: self.directoryEntries(bytes)[0] + 42, in: &bytes)
            }),
            ("members in", { bytes in
                let end = bytes.count - 22
                bytes[end + 10] = 0xFE; bytes[end + 11] = 0xFF
            }),
            ("encrypted", { bytes in bytes[self.directoryEntries(bytes)[0] + 8] |= 1 }),
        ]
        for (says, edit) in cases {
            let path = try damaged("preds.npz", edit)
            let message = firstMemberError(path) ?? ""
            #expect(message.contains(says), "\(says): \(message)")
        }
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("lossplot-text-\(UUID()).npz").path
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: DataFileError(path: text, "not a readable .npz archive: too short for a ZIP archive")) { try NumpyArchive(contentsOfFile: text) }
    }
}

extension NumpyArchiveTests {
    @Test func theEightByteCRCIsTheBitwiseOne() {
        var generator = SplitMix64(state: 32)
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let fast = bytes.withUnsafeBytes { CRC32.checksum($0) }
            #expect(fast == Self.crc32(bytes), "length \(length)")
            // Continuing from a prefix's CRC gives the whole's.
            let split = length / 3
            let continued = bytes.withUnsafeBytes { b in
                CRC32.checksum(UnsafeRawBufferPointer(rebasing: b[split...]), continuing: CRC32.checksum(UnsafeRawBufferPointer(rebasing: b[..<split])))
            }
            #expect(continued == fast, "length \(length)")
        }
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
    }
}
