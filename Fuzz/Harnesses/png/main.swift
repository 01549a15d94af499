import LossPlotCairo
import FuzzSupport
import OutputFiles

/// PNG decoding as `lossplot diff` does it (`PNGImage(decoding:)`), on the input as it is and on a
/// copy whose chunk checksums are made right (a mutation inside a chunk otherwise only ever
/// exercises libpng's checksum test). What decodes is then compared: against itself it has RMS 0;
/// against a copy with one pixel changed it gives a finite RMS and a diff image that encodes and
/// decodes back at the same size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(FuzzInput.bytes(data, size))
    check(bytes)
    let fixed = withFixedChunkChecksums(bytes)
    if fixed != bytes { check(fixed) }
    return 0
}

func check(_ bytes: [UInt8]) {
    guard let image = try? PNGImage(decoding: bytes) else { return }
    FuzzInput.require(image.width > 0 && image.height > 0 && image.rgba.count == image.width * image.height * 4,
                      "\(image.width)x\(image.height) with \(image.rgba.count) bytes")
    guard let same = try? ImageComparison(actual: image, expected: image) else {
        FuzzInput.require(false, "an image cannot be compared with itself")
        return
    }
    FuzzInput.require(same.rms == 0, "an image differs from itself by RMS \(same.rms)")
    var rgba = image.rgba
    rgba[0] ^= 0x80
    guard let changed = try? PNGImage(decoding: PNGImage(width: image.width, height: image.height, rgba: rgba).encoded()) else {
        FuzzInput.require(false, "a decoded \(image.width)x\(image.height) image does not encode and decode again")
        return
    }
    FuzzInput.require(changed.width == image.width && changed.height == image.height, "the re-encoded image changed size")
    guard let comparison = try? ImageComparison(actual: changed, expected: image) else {
        FuzzInput.require(false, "two images of one size cannot be compared")
        return
    }
    FuzzInput.require(comparison.rms.isFinite && comparison.rms >= 0, "RMS \(comparison.rms)")
    guard let diff = try? comparison.diffPNG() else {
        FuzzInput.require(false, "no diff image for a \(image.width)x\(image.height) image")
        return
    }
    let back = try? PNGImage(decoding: diff)
    FuzzInput.require(back?.width == image.width && back?.height == image.height, "the diff image does not decode at the image's size")
}

/// `png` with each whole chunk's CRC-32 (over its type and data) recomputed.
func withFixedChunkChecksums(_ png: [UInt8]) -> [UInt8] {
    var out = png
    var at = 8
    while at + 12 <= out.count {
        let length = out[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
        guard length <= out.count - at - 12 else { break }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in out[at + 4..<at + 8 + length] {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        crc ^= 0xFFFF_FFFF
        for k in 0..<4 { out[at + 8 + length + k] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * k)) }
        at += 12 + length
    }
    return out
}

/// The CRC-32 table of PNG (and zlib): polynomial 0xEDB88320, reflected.
let crcTable: [UInt32] = (0..<256).map { n in
    (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
}

FuzzDriver.run(fuzzPNG)
