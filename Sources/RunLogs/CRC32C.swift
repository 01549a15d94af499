/// CRC-32C (Castagnoli: reflected polynomial 0x82F63B78), the checksum TFRecord framing uses,
/// computed sixteen bytes at a time (slicing-by-16), then eight, four and one.
enum CRC32C {
    /// The reflected Castagnoli polynomial.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// Sixteen 256-entry tables, one after another: entry `k * 256 + b` is the CRC of byte `b`
    /// followed by `k` zero bytes, so sixteen bytes are folded in with sixteen independent look-ups.
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 16 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1 }
            t[byte] = crc
        }
        for k in 1..<16 {
            for byte in 0..<256 {
                let previous = t[(k - 1) * 256 + byte]
                t[k * 256 + byte] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// The CRC-32C of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            guard let base = bytes.baseAddress else { return 0 }
            let count = bytes.count
            var crc: UInt32 = 0xFFFF_FFFF
            var i = 0
            /// The four bytes of `x` looked up in tables `k + 3` down to `k`.
            @inline(__always) func fold(_ x: UInt32, _ k: Int) -> UInt32 {
                t[(k + 3) &* 256 &+ Int(x & 0xFF)] ^ t[(k + 2) &* 256 &+ Int((x >> 8) & 0xFF)]
                    ^ t[(k + 1) &* 256 &+ Int((x >> 16) & 0xFF)] ^ t[k &* 256 &+ Int(x >> 24)]
            }
            while i &+ 16 <= count {
                let a = base.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                let b = base.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self).littleEndian
                crc = fold(UInt32(truncatingIfNeeded: a) ^ crc, 12) ^ fold(UInt32(truncatingIfNeeded: a >> 32), 8)
                    ^ fold(UInt32(truncatingIfNeeded: b), 4) ^ fold(UInt32(truncatingIfNeeded: b >> 32), 0)
                i &+= 16
            }
            if i &+ 8 <= count {
                let a = base.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                crc = fold(UInt32(truncatingIfNeeded: a) ^ crc, 4) ^ fold(UInt32(truncatingIfNeeded: a >> 32), 0)
                i &+= 8
            }
            if i &+ 4 <= count {
                crc = fold(base.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian ^ crc, 0)
                i &+= 4
            }
            while i < count {
                crc = (crc >> 8) ^ t[Int((crc ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)]
                i &+= 1
            }
            return ~crc
        }
    }

    /// The CRC-32C of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// TFRecord's masked form of a CRC (rotated right by 15 bits, plus a constant), stored so that
    /// a CRC of bytes that hold CRCs stays well spread.
    static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
