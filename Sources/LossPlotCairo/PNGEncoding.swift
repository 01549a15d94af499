import CCairo

/// Encodes pixels as PNG, favouring speed: each row Sub-filtered and deflated by zlib at a low
/// level as it is produced, without a copy of the whole image. Charts are mostly flat colour, so
/// this costs little in size against libpng's defaults and a fraction of the time. Opaque images
/// are written as RGB, others as RGBA. Same pixels, same bytes.
enum PNGEncoding {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Straight (not premultiplied) 8-bit pixels, `channels` (3 or 4) per pixel, rows packed.
    static func encode(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int) throws -> [UInt8] {
        guard let base = pixels.baseAddress, pixels.count == width * height * channels else {
            throw ChartEncodingError(description: "no pixels to write as PNG")
        }
        let rowBytes = width * channels
        return try encode(width: width, height: height, channels: channels) { y, row in
            row.update(from: base + y * rowBytes, count: rowBytes)
        }
    }

    /// A Cairo ARGB32 image surface (premultiplied, native-endian words) as PNG.
    static func encode(surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32, w > 0, h > 0,
              let data = cairo_image_surface_get_data(surface) else {
            throw ChartEncodingError(description: "cairo gave no ARGB32 image to write")
        }
        func words(_ y: Int) -> UnsafePointer<UInt32> {
            UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        }
        var opaque = true
        for y in 0..<h where opaque {
            let row = words(y)
            for x in 0..<w where row[x] >> 24 != 0xFF {
                opaque = false
                break
            }
        }
        if opaque {
            return try encode(width: w, height: h, channels: 3) { y, out in
                let row = words(y)
                for x in 0..<w {
                    let v = row[x]
                    out[3 * x] = UInt8(truncatingIfNeeded: v >> 16)
                    out[3 * x + 1] = UInt8(truncatingIfNeeded: v >> 8)
                    out[3 * x + 2] = UInt8(truncatingIfNeeded: v)
                }
            }
        }
        return try encode(width: w, height: h, channels: 4) { y, out in
            let row = words(y)
            for x in 0..<w {
                let v = row[x], a = v >> 24
                func straight(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                out[4 * x] = straight((v >> 16) & 0xFF)
                out[4 * x + 1] = straight((v >> 8) & 0xFF)
                out[4 * x + 2] = straight(v & 0xFF)
                out[4 * x + 3] = UInt8(truncatingIfNeeded: a)
            }
        }
    }

    /// The PNG of an image whose raw rows `fillRow(y, buffer)` writes, `channels` bytes a pixel.
    static func encode(width: Int, height: Int, channels: Int, fillRow: (Int, UnsafeMutablePointer<UInt8>) -> Void) throws -> [UInt8] {
        guard width > 0, height > 0, width < 1 << 24, height < 1 << 24, channels == 3 || channels == 4 else {
            throw ChartEncodingError(description: "a \(width)x\(height) image cannot be written as PNG")
        }
        var png = signature
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), into: &header)
        appendBigEndian(UInt32(height), into: &header)
        header += [8, channels == 4 ? 6 : 2, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflateRows(width: width, height: height, channels: channels, fillRow: fillRow), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// The zlib stream of all rows, each prefixed by filter type 1 (Sub).
    static func deflateRows(width: Int, height: Int, channels: Int, fillRow: (Int, UnsafeMutablePointer<UInt8>) -> Void) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 2, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ChartEncodingError(description: "zlib could not start compressing")
        }
        defer { deflateEnd(&stream) }
        let rowBytes = width * channels
        let raw = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes)
        let filtered = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes + 1)
        defer { raw.deallocate(); filtered.deallocate() }
        var out: [UInt8] = []
        out.reserveCapacity(rowBytes * height / 8)
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
        defer { chunk.deallocate() }

        func run(_ flush: Int32) throws {
            while true {
                stream.next_out = chunk
                stream.avail_out = 1 << 16
                let status = deflate(&stream, flush)
                guard status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END else {
                    throw ChartEncodingError(description: "zlib could not compress the image")
                }
                out.append(contentsOf: UnsafeBufferPointer(start: chunk, count: (1 << 16) - Int(stream.avail_out)))
                if status == Z_STREAM_END || (flush != Z_FINISH && stream.avail_in == 0 && stream.avail_out > 0) { return }
            }
        }
        for y in 0..<height {
            fillRow(y, raw)
            subFilter(raw, into: filtered, count: rowBytes, channels: channels)
            stream.next_in = filtered
            stream.avail_in = UInt32(rowBytes + 1)
            try run(Z_NO_FLUSH)
        }
        stream.next_in = nil
        stream.avail_in = 0
        try run(Z_FINISH)
        return out
    }

    /// PNG's Sub filter: type byte 1, then each byte minus the byte one pixel to its left,
    /// sixteen bytes at a time.
    @inline(__always)
    static func subFilter(_ raw: UnsafeMutablePointer<UInt8>, into filtered: UnsafeMutablePointer<UInt8>, count: Int, channels: Int) {
        filtered[0] = 1
        for i in 0..<min(channels, count) { filtered[1 + i] = raw[i] }
        var i = channels
        let source = UnsafeRawPointer(raw), target = UnsafeMutableRawPointer(filtered + 1)
        while i + 16 <= count {
            let here = source.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let left = source.loadUnaligned(fromByteOffset: i - channels, as: SIMD16<UInt8>.self)
            target.storeBytes(of: here &- left, toByteOffset: i, as: SIMD16<UInt8>.self)
            i += 16
        }
        while i < count { filtered[1 + i] = raw[i] &- raw[i - channels]; i += 1 }
    }

    static func appendBigEndian(_ v: UInt32, into bytes: inout [UInt8]) {
        bytes += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// Length, type, data and the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        let n = UInt32(data.count)
        png += [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        png += typeBytes
        png += data
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        let c = UInt32(truncatingIfNeeded: crc)
        png += [UInt8(c >> 24), UInt8((c >> 16) & 0xFF), UInt8((c >> 8) & 0xFF), UInt8(c & 0xFF)]
    }
}
