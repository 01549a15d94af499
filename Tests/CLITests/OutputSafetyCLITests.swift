import Foundation
import SafeText
import Testing

/// The two pieces every echo and every file name go through, checked directly.
@Suite struct SafeTextTests {
    @Test func everyByteStringSurvivesTheTripThroughText() {
        var samples: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for a in 0x80...0xFF { for b in stride(from: 0, through: 0xFF, by: 7) { samples.append([UInt8(a), UInt8(b)]) } }
        // The UTF-8 of the escape block itself, overlongs, surrogates and past U+10FFFF.
        samples += [[0xF4, 0x8F, 0xB6, 0x80], [0xF4, 0x8F, 0xB7, 0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
                    [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], Array("café 😀".utf8)]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            samples.append(bytes.filter { $0 != 0 })
        }
        for bytes in samples {
            #expect(FileSystemPath.bytes(FileSystemPath.string(fromBytes: bytes)) == bytes, "\(bytes)")
        }
    }

    @Test func validUTF8IsItsOwnText() {
        for text in ["plain.csv", "café/ünïcode.npy", "😀 log.csv", "日本語.csv"] {
            #expect(FileSystemPath.string(fromBytes: Array(text.utf8)) == text)
            #expect(FileSystemPath.isText(text))
        }
        #expect(!FileSystemPath.isText(FileSystemPath.string(fromBytes: [0x61, 0xFF])))
    }

    @Test func aPathHoldingANulNamesNoFile() {
        #expect(FileSystemPath.cString("a\u{0}b") == [0])
        #expect(FileSystemPath.cString("ab") == [0x61, 0x62, 0])
    }

    @Test func escapesWhatIsNotVisibleTextAndNothingElse() {
        let cases: [(String, String)] = [
            ("a\nb\rc\td", "a\\nb\\rc\\td"), ("\u{1B}[31m", "\\x1B[31m"), ("\u{0}\u{7F}", "\\x00\\x7F"),
            ("\u{85}\u{9B}", "\\u{0085}\\u{009B}"), ("\u{202E}\u{2066}\u{200B}\u{FEFF}", "\\u{202E}\\u{2066}\\u{200B}\\u{FEFF}"),
            ("\u{2028}\u{2029}", "\\u{2028}\\u{2029}"), (String(String.UnicodeScalarView([0xFFFF, 0xFDD0].compactMap(Unicode.Scalar.init))), "\\u{FFFF}\\u{FDD0}"), ("C:\\x", "C:\\\\x"),
            ("café – 日本 😀 ±1e-3 'q' \"q\"", "café – 日本 😀 ±1e-3 'q' \"q\""),
            (FileSystemPath.string(fromBytes: [0x61, 0xE9, 0x62]), "a\\xE9b"),
        ]
        for (text, shown) in cases { #expect(DisplayText.escaped(text) == shown, "\(text.unicodeScalars.map(\.value))") }
    }
}
