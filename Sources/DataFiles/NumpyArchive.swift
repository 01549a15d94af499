import Foundation
import ZIPFoundation

/// A `.npz` archive (`np.savez`, `np.savez_compressed`): `.npy` arrays stored or deflated in a ZIP
/// file, read as `numpy.load(path)[name]` reads one.
///
/// The archive is mapped, its directory read (`ZipDirectory`), and a member's bytes inflated by
/// ZIPFoundation with a provider that ends at the member's last byte, into memory that grows with
/// what is really there (never with what a header declares), no further than the declared size;
/// the CRC-32 is checked (`CRC32`). A stored member is read from the mapping.
public final class NumpyArchive: Sendable {
    /// The file as the user named it.
    public let path: String
    /// The arrays' names as numpy lists them (`NpzFile.files`): member names without ".npy".
    public let arrayNames: [String]
    private let file: MappedFile
    private let directory: ZipDirectory

    /// Opens an archive and reads its directory.
    public init(contentsOfFile path: String) throws(DataFileError) {
        self.path = path
        file = try MappedFile(path: path)
        directory = try ZipDirectory(bytes: file.bytes, path: path)
        arrayNames = directory.members.map { Self.arrayName($0.name) }
    }

    static func arrayName(_ member: String) -> String {
        member.hasSuffix(".npy") ? String(member.dropLast(4)) : member
    }

    /// The array called `name` (or `name.npy`), as numpy reads it; `reference` names it in
    /// messages ("preds.npz:y_pred"). As in numpy, the last member of a name counts.
    /// - Throws: `DataFileError` listing the arrays when there is none of that name.
    public func array(named name: String) throws(DataFileError) -> NumpyArray {
        guard let member = directory.members.last(where: { Self.arrayName($0.name) == name || $0.name == name }) else {
            throw DataFileError.noMember(name, among: arrayNames, path: path)
        }
        let reference = "\(path):\(name)"
        let bytes = try contents(of: member, reference: reference)
        return try NumpyArray(bytes: bytes.buffer, owner: bytes.owner, path: reference)
    }

    /// A member's bytes: in place when stored, inflated otherwise.
    private func contents(of member: ZipDirectory.Member, reference: String) throws(DataFileError) -> (buffer: UnsafeRawBufferPointer, owner: AnyObject) {
        let start = file.bytes.baseAddress.map { UnsafeRawPointer($0) + member.dataOffset }
        let stored = UnsafeRawBufferPointer(start: start, count: member.compressedSize)
        switch member.method {
        case 0:
            guard CRC32.checksum(stored) == member.crc32 else { throw DataFileError(path: reference, "the member's CRC-32 does not match its bytes (the archive is damaged)") }
            return (stored, file)
        case 8:
            let output = GrowingBytes(limit: member.uncompressedSize)
            do {
                // ZIPFoundation's own CRC is byte by byte: the one here is four times faster.
                _ = try Data.decompress(size: Int64(member.compressedSize), bufferSize: Self.chunkSize, skipCRC32: true,
                                          provider: { position, size in try Self.chunk(of: stored, at: position, size: size) },
                                          consumer: { try output.append($0) })
            } catch let error as DataFileError {
                throw DataFileError(path: reference, error.message)
            } catch {
                throw DataFileError(path: reference, "the member's deflate stream is corrupt")
            }
            guard output.count == member.uncompressedSize else {
                throw DataFileError(path: reference, "inflates to \(output.count) bytes, not the \(member.uncompressedSize) the archive declares")
            }
            guard CRC32.checksum(output.bytes) == member.crc32 else {
                throw DataFileError(path: reference, "the member's CRC-32 does not match its bytes (the archive is damaged)")
            }
            return (output.bytes, output)
        default:
            throw DataFileError(path: reference, "is compressed with method \(member.method); numpy writes stored (0) or deflated (8) members")
        }
    }

    static let chunkSize = 1 << 16

    /// The next `size` bytes of a member's deflate stream, zero-filled past its end so that a
    /// chunk is always as long as ZIPFoundation tells zlib it is; asked for more after the end,
    /// the stream was cut short.
    static func chunk(of stream: UnsafeRawBufferPointer, at position: Int64, size: Int) throws -> Data {
        guard position >= 0, position < Int64(stream.count), let base = stream.baseAddress else {
            throw DataFileError(path: "", "the member's deflate stream ends before its last block")
        }
        let from = Int(position), available = min(size, stream.count - from)
        var data = Data(count: size)
        data.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + from, count: available)) }
        return data
    }
}

/// Bytes appended chunk by chunk into 16-byte-aligned memory that doubles as it fills, never past
/// `limit`.
final class GrowingBytes {
    private var storage: UnsafeMutableRawPointer?
    private var capacity = 0
    private(set) var count = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    func append(_ chunk: Data) throws {
        guard chunk.count <= limit - count else {
            throw DataFileError(path: "", "inflates to more than the \(limit) bytes the archive declares")
        }
        if count + chunk.count > capacity {
            let grown = min(limit, max(count + chunk.count, max(capacity * 2, 1 << 16)))
            let next = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            if let storage {
                next.copyMemory(from: storage, byteCount: count)
                storage.deallocate()
            }
            storage = next
            capacity = grown
        }
        chunk.withUnsafeBytes { source in
            if let storage, let from = source.baseAddress { (storage + count).copyMemory(from: from, byteCount: source.count) }
        }
        count += chunk.count
    }

    deinit { storage?.deallocate() }
}
