import Foundation

/// A TrueType font's legacy 'kern' table (format 0 pairs), which matplotlib's FT2Font applies
/// between glyphs: the adjustment, in font units, for each (left, right) glyph pair.
struct KerningTable: Sendable {
    let unitsPerEm: Double
    private let pairs: [UInt32: Int16]

    /// Kerning in pixels between two glyphs at `pixelsPerEm`, rounded to 1/64 pixel as FreeType's
    /// 26.6 fixed point.
    func kerning(_ left: UInt32, _ right: UInt32, pixelsPerEm: Double) -> Double {
        guard left <= 0xFFFF, right <= 0xFFFF, let units = pairs[left << 16 | right] else { return 0 }
        return (Double(units) * pixelsPerEm / unitsPerEm * 64).rounded() / 64
    }

    /// Reads the table from a TrueType file's bytes; nil when it has none or is malformed.
    init?(font bytes: [UInt8]) {
        func u16(_ o: Int) -> Int? { o >= 0 && o + 2 <= bytes.count ? Int(bytes[o]) << 8 | Int(bytes[o + 1]) : nil }
        func u32(_ o: Int) -> Int? { guard let a = u16(o), let b = u16(o + 2) else { return nil }; return a << 16 | b }
        guard let tableCount = u16(4) else { return nil }
        var tables: [String: Int] = [:]
        for i in 0..<tableCount {
            let record = 12 + 16 * i
            guard record + 16 <= bytes.count, let offset = u32(record + 8) else { return nil }
            tables[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = offset
        }
        guard let head = tables["head"], let upem = u16(head + 18), upem > 0,
              let kern = tables["kern"], u16(kern) == 0, let subtables = u16(kern + 2) else { return nil }
        var pairs: [UInt32: Int16] = [:]
        var sub = kern + 4
        for _ in 0..<subtables {
            guard let length = u16(sub + 2), let coverage = u16(sub + 4), length >= 6 else { return nil }
            // Format 0, horizontal, not cross-stream or minimum values.
            if coverage >> 8 == 0, coverage & 0x7 == 1, let count = u16(sub + 6) {
                for p in 0..<count {
                    let o = sub + 14 + 6 * p
                    guard let left = u16(o), let right = u16(o + 2), let value = u16(o + 4) else { return nil }
                    pairs[UInt32(left) << 16 | UInt32(right)] = Int16(truncatingIfNeeded: value)
                }
            }
            sub += length
        }
        self.unitsPerEm = Double(upem)
        self.pairs = pairs
    }

    /// Where DejaVu Sans's files are found on common systems (fontconfig picks the same files).
    static let searchDirectories = [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu",
        "/usr/share/fonts/dejavu-sans-fonts", "/usr/local/share/fonts", "/opt/homebrew/share/fonts",
    ]

    /// The kerning of DejaVu Sans (regular and bold), read once; nil for a face not found.
    static let dejaVu: (regular: KerningTable?, bold: KerningTable?) = {
        func load(_ name: String) -> KerningTable? {
            for dir in searchDirectories {
                if let data = FileManager.default.contents(atPath: "\(dir)/\(name)") { return KerningTable(font: [UInt8](data)) }
            }
            return nil
        }
        return (load("DejaVuSans.ttf"), load("DejaVuSans-Bold.ttf"))
    }()
}
