/// The members of a ZIP archive held in memory, as its central directory lists them: name,
/// compression, sizes, CRC-32 and where the stored bytes are. Every offset and length is checked
/// against the archive's size before it is used; ZIP64 fields are read; encrypted members and
/// archives split over several disks are refused.
///
/// ZIPFoundation's `Archive` reads the same directory but keeps where a member's bytes start to
/// itself, and on Linux its inflate loop spins forever on a member whose deflate stream is cut
/// short (weichsel/ZIPFoundation#389, open against 0.9.20): so the directory is read here and the
/// bytes are handed to ZIPFoundation's inflate with a provider that stops at the member's end
/// (`NumpyArchive`).
struct ZipDirectory {
    /// One member.
    struct Member {
        /// The name as stored (UTF-8; ASCII for numpy's archives).
        let name: String
        /// 0 stored, 8 deflated.
        let method: UInt16
        let crc32: UInt32
        /// Bytes of the member's data in the archive.
        let compressedSize: Int
        /// Bytes once inflated, as the directory declares.
        let uncompressedSize: Int
        /// Where the data starts in the archive.
        let dataOffset: Int
    }

    /// The members in the directory's order.
    let members: [Member]

    /// The ZIP format's limit on the comment after the end record, which bounds where it is.
    static let maximumCommentLength = 0xFFFF

    init(bytes: UnsafeRawBufferPointer, path: String) throws(DataFileError) {
        func fail(_ message: String) -> DataFileError { DataFileError(path: path, "not a readable .npz archive: \(message)") }
        let reader = ByteReader(bytes: bytes)
        // The end of central directory record: the last signature within a comment's reach of the end.
        guard bytes.count >= 22 else { throw fail(bytes.isEmpty ? "file is empty" : "too short for a ZIP archive") }
        var end: Int?
        var candidate = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - Self.maximumCommentLength)
        while candidate >= lowest {
            if reader.u32(candidate) == 0x0605_4B50 { end = candidate; break }
            candidate -= 1
        }
        guard let end else { throw fail("no end of central directory record (is it a ZIP file?)") }
        guard reader.u16(end + 4) == 0, reader.u16(end + 6) == 0 else { throw fail("it is split over several disks") }
        var count = Int(reader.u16(end + 10)), directorySize = Int(reader.u32(end + 12)), directoryOffset = Int(reader.u32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            let locator = end - 20
            guard locator >= 0, reader.u32(locator) == 0x0706_4B50, let record = reader.offset(reader.u64(locator + 8)),
                  record + 56 <= locator, reader.u32(record) == 0x0606_4B50 else { throw fail("a ZIP64 end record is missing or out of place") }
            guard let c = reader.offset(reader.u64(record + 32)), let s = reader.offset(reader.u64(record + 40)),
                  let o = reader.offset(reader.u64(record + 48)) else { throw fail("ZIP64 sizes out of range") }
            (count, directorySize, directoryOffset) = (c, s, o)
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else { throw fail("the central directory lies outside the file") }
        // Each entry is at least 46 bytes: a count beyond that is a lie, caught before anything is reserved.
        guard count <= directorySize / 46 else { throw fail("the directory lists \(count) members in \(directorySize) bytes") }
        var members: [Member] = []
        members.reserveCapacity(count)
        var at = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for index in 0..<count {
            guard at + 46 <= directoryEnd, reader.u32(at) == 0x0201_4B50 else { throw fail("central directory entry \(index + 1) is malformed") }
            let flags = reader.u16(at + 8), method = reader.u16(at + 10)
            let nameLength = Int(reader.u16(at + 28)), extraLength = Int(reader.u16(at + 30)), commentLength = Int(reader.u16(at + 32))
            let entryEnd = at + 46 + nameLength + extraLength + commentLength
            guard entryEnd <= directoryEnd else { throw fail("central directory entry \(index + 1) runs past the directory") }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(at + 46)..<(at + 46 + nameLength)]), as: UTF8.self)
            guard flags & 1 == 0 else { throw fail("member \(DataFileError.quoted(name)) is encrypted") }
            let crc = reader.u32(at + 16)
            var compressed = UInt64(reader.u32(at + 20)), uncompressed = UInt64(reader.u32(at + 24))
            var localOffset = UInt64(reader.u32(at + 42))
            guard reader.u16(at + 34) == 0 || reader.u16(at + 34) == 0xFFFF else { throw fail("member \(DataFileError.quoted(name)) is on another disk") }
            // The ZIP64 extra field holds, in this order, each field whose 32-bit form is all ones.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = reader.u16(extra), size = Int(reader.u16(extra + 2))
                guard extra + 4 + size <= extraEnd else { throw fail("member \(DataFileError.quoted(name)) has a malformed extra field") }
                if id == 0x0001 {
                    var field = extra + 4
                    func next() throws(DataFileError) -> UInt64 {
                        guard field + 8 <= extra + 4 + size else { throw fail("member \(DataFileError.quoted(name)) has a short ZIP64 field") }
                        defer { field += 8 }
                        return reader.u64(field)
                    }
                    if uncompressed == 0xFFFF_FFFF { uncompressed = try next() }
                    if compressed == 0xFFFF_FFFF { compressed = try next() }
                    if localOffset == 0xFFFF_FFFF { localOffset = try next() }
                }
                extra += 4 + size
            }
            guard let compressedSize = reader.offset(compressed), let uncompressedSize = reader.offset(uncompressed, limit: Int.max),
                  let local = reader.offset(localOffset), local <= bytes.count - 30, reader.u32(local) == 0x0403_4B50 else {
                throw fail("member \(DataFileError.quoted(name)) points outside the file")
            }
            let dataOffset = local + 30 + Int(reader.u16(local + 26)) + Int(reader.u16(local + 28))
            guard dataOffset <= bytes.count, compressedSize <= bytes.count - dataOffset else {
                throw fail("the data of member \(DataFileError.quoted(name)) runs past the end of the file")
            }
            if method == 0 { guard compressedSize == uncompressedSize else { throw fail("stored member \(DataFileError.quoted(name)) has two sizes") } }
            members.append(Member(name: name, method: method, crc32: crc, compressedSize: compressedSize,
                                  uncompressedSize: uncompressedSize, dataOffset: dataOffset))
            at = entryEnd
        }
        self.members = members
    }
}

/// Little-endian fields read from bytes, at offsets the caller has checked.
private struct ByteReader {
    let bytes: UnsafeRawBufferPointer

    func u16(_ at: Int) -> UInt16 { at >= 0 && at + 2 <= bytes.count ? UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)) : 0 }
    func u32(_ at: Int) -> UInt32 { at >= 0 && at + 4 <= bytes.count ? UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)) : 0 }
    func u64(_ at: Int) -> UInt64 { at >= 0 && at + 8 <= bytes.count ? UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) : 0 }

    /// A 64-bit offset or size as an `Int`, nil when it exceeds `limit` (the archive's size by default).
    func offset(_ value: UInt64, limit: Int? = nil) -> Int? {
        let bound = UInt64(limit ?? bytes.count)
        return value <= bound ? Int(value) : nil
    }
}
