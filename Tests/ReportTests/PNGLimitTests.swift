import LossPlotCairo
import Foundation
@testable import Report
import Scenarios
import Testing
import OutputFiles

/// Issue 12, item 9: a PNG is refused before it is decoded when it declares too many pixels,
/// and any corrupt PNG is one line, never a trap.
@Suite struct PNGLimitTests {
    /// A PNG with a valid signature and IHDR declaring `width` x `height`, then `rest`.
    static func png(width: UInt32, height: UInt32, rest: [UInt8] = []) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr = Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + be(crc32(ihdr)) + rest
    }

    /// PNG's CRC-32 (the zlib one), bit by bit: small and plainly right.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A stored (uncompressed) IDAT chunk holding the first rows of an RGB image, and IEND: the
    /// image data ends early, as in a file cut short.
    static func truncatedBody(rowBytes: Int, rows: Int) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let raw = [UInt8](repeating: 0, count: (rowBytes + 1) * rows)
        let length = UInt16(raw.count)
        let zlib: [UInt8] = [0x78, 0x01, 0x00, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + raw
        let idat = Array("IDAT".utf8) + zlib, iend = Array("IEND".utf8)
        return be(UInt32(zlib.count)) + idat + be(crc32(idat)) + be(0) + iend + be(crc32(iend))
    }

    @Test func diffRefusesAPNGThatDeclaresTooManyPixelsBeforeDecodingIt() throws {
        let dir = try ArtifactFixture.temporaryFolder("diff-bomb")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ArtifactFixture.copy(to: dir, as: "a"), b = try ArtifactFixture.copy(to: dir, as: "b")
        let ids = ArtifactFixture.chartIds
        // 20000 x 20000 (Cairo would allocate 1.6 GB for it), 14000 x 14000 and 40000 x 10.
        let bombs = [Self.png(width: 20000, height: 20000, rest: Self.truncatedBody(rowBytes: 60000, rows: 1)),
                     Self.png(width: 14000, height: 14000), Self.png(width: 40000, height: 10)]
        for (id, bytes) in zip(ids, bombs) {
            try ArtifactFixture.write(bytes, b + "/charts/\(id).png")
            try ArtifactFixture.relist(b, "charts/\(id).png", bytes)
        }
        let started = Date()
        let diff = try ReportDiff(baseline: a, new: b, pngCodec: CairoPNGCodec())
        #expect(Date().timeIntervalSince(started) < 5)
        let reasons = ids.map { id in diff.charts.first { $0.id == id }?.outcome }
        #expect(reasons[0] == .unreadable(reason: "\(b)/charts/\(ids[0]).png: PNG of 20000x20000 pixels (400000000): over the limit of 178956970 pixels"))
        #expect(reasons[1] == .unreadable(reason: "\(b)/charts/\(ids[1]).png: PNG of 14000x14000 pixels (196000000): over the limit of 178956970 pixels"))
        #expect(reasons[2] == .unreadable(reason: "\(b)/charts/\(ids[2]).png: PNG of 40000x10 pixels: over 32767 pixels a side, the most Cairo decodes"))
    }

    /// Found by `make fuzz`: a 115-byte PNG whose tRNS chunk declared 1.2 GB made libpng allocate
    /// it before reading; the chunk lengths are checked against the file first.
    @Test func aChunkLongerThanTheFileIsRefusedBeforeLibpngAllocatesIt() throws {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let huge = Self.png(width: 2, height: 2, rest: be(0x4564_9190) + Array("tRNS".utf8) + [0, 0, 1, 0])
        #expect(throws: PNGDecodingError.self) { try PNGImage.size(of: huge) }
        do { _ = try PNGImage(decoding: huge) } catch {
            #expect("\(error)" == "corrupt PNG: chunk tRNS at byte 33 declares 1164218768 bytes, past the end of the file")
        }
        // A valid image still decodes.
        let valid = try PNGImage(width: 3, height: 2, rgba: [UInt8](repeating: 200, count: 24)).encoded()
        #expect(try PNGImage(decoding: valid).width == 3)
    }

    @Test func everyCorruptPNGIsOneLineNeverATrap() throws {
        let valid = try PNGImage(width: 3, height: 2, rgba: [UInt8](repeating: 200, count: 24)).encoded()
        var badCRC = valid
        badCRC[29] ^= 0xFF
        var zeroWidth = Self.png(width: 0, height: 5)
        zeroWidth += Self.truncatedBody(rowBytes: 0, rows: 1)
        var flipped = valid
        flipped[flipped.count - 20] ^= 0x5A
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "not a PNG (no PNG signature)"),
            ("text", Array("not a png at all, just some text".utf8), "not a PNG (no PNG signature)"),
            ("signature only", Array(valid.prefix(8)), "corrupt PNG: it ends inside its header"),
            ("cut in IHDR", Array(valid.prefix(20)), "corrupt PNG: it ends inside its header"),
            ("IHDR CRC", badCRC, "corrupt PNG: its IHDR chunk fails its CRC"),
            ("zero width", zeroWidth, "corrupt PNG: it declares 0x5 pixels"),
            ("negative height", Self.png(width: 5, height: 0x8000_0000), "corrupt PNG: it declares 5x2147483648 pixels"),
            ("no image data", Array(valid.prefix(33)), "corrupt PNG: "),
            ("cut in the data", Self.png(width: 100, height: 100, rest: Self.truncatedBody(rowBytes: 300, rows: 3)), "corrupt PNG: "),
            ("damaged data", flipped, "corrupt PNG: "),
        ]
        for (name, bytes, message) in cases {
            do {
                let image = try PNGImage(decoding: bytes)
                Issue.record("\(name): decoded as \(image.width)x\(image.height)")
            } catch let error as PNGDecodingError {
                #expect(error.description.hasPrefix(message), "\(name): \(error)")
                #expect(!error.description.contains("\n"), "\(name)")
            }
        }
        #expect(try PNGImage(decoding: valid).rgba == [UInt8](repeating: 200, count: 24))
    }
}
