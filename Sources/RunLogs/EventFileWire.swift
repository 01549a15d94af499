/// Why protobuf bytes could not be read, with the byte offset (in the buffer read) of the trouble.
struct ProtoWireError: Error, Equatable {
    let offset: Int
    let message: String
}

/// A bounds-checked cursor over protobuf wire-format bytes: varints of at most ten bytes, every
/// length checked against what is left before it is used, unknown fields skipped, groups (the
/// only self-nesting part of the format) skipped to a bounded depth.
///
/// Offsets are positions in the whole buffer, so a field's bytes can be handed on as a range.
struct ProtoWireReader {
    /// A field's encoding, from the low three bits of its key.
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    /// The deepest nesting of groups skipped.
    static let maximumGroupDepth = 32

    let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int

    /// A reader of `range` of `buffer` (a message's bytes).
    init(_ buffer: UnsafeRawBufferPointer, range: Range<Int>) {
        self.buffer = buffer
        offset = max(0, min(range.lowerBound, buffer.count))
        end = max(offset, min(range.upperBound, buffer.count))
    }

    var isAtEnd: Bool { offset >= end }

    /// The next field's number and wire type.
    @inline(__always)
    mutating func field() throws(ProtoWireError) -> (number: UInt32, type: WireType) {
        let at = offset
        let key = try varint()
        guard key >= 8, key <= UInt64(UInt32.max) else { throw ProtoWireError(offset: at, message: "field number \(key >> 3) is out of range") }
        guard let type = WireType(rawValue: UInt8(key & 7)) else { throw ProtoWireError(offset: at, message: "unknown wire type \(key & 7)") }
        return (UInt32(key >> 3), type)
    }

    @inline(__always)
    mutating func varint() throws(ProtoWireError) -> UInt64 {
        if offset < end {
            let first = buffer[offset]
            if first < 0x80 {
                offset += 1
                return UInt64(first)
            }
        }
        return try longVarint()
    }

    private mutating func longVarint() throws(ProtoWireError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = offset
        while offset < end, shift < 64 {
            let byte = buffer[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw ProtoWireError(offset: start, message: shift >= 64 ? "a varint is longer than ten bytes" : "a varint runs past the end of its message")
    }

    mutating func fixed32() throws(ProtoWireError) -> UInt32 {
        guard end - offset >= 4 else { throw ProtoWireError(offset: offset, message: "a 4-byte field runs past the end of its message") }
        defer { offset += 4 }
        return buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }

    mutating func fixed64() throws(ProtoWireError) -> UInt64 {
        guard end - offset >= 8 else { throw ProtoWireError(offset: offset, message: "an 8-byte field runs past the end of its message") }
        defer { offset += 8 }
        return buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }

    /// A length-delimited field's bytes, as a range of the buffer.
    @inline(__always)
    mutating func lengthDelimited() throws(ProtoWireError) -> Range<Int> {
        let at = offset
        let length = try varint()
        guard length <= UInt64(end - offset) else {
            throw ProtoWireError(offset: at, message: "a field declares \(length) bytes but its message has \(end - offset) left")
        }
        let start = offset
        offset += Int(length)
        return start..<offset
    }

    /// A reader of a nested message's bytes.
    func reader(for range: Range<Int>) -> ProtoWireReader { ProtoWireReader(buffer, range: range) }

    /// Skips a field of `type` whose key was just read.
    mutating func skip(_ type: WireType, number: UInt32) throws(ProtoWireError) {
        try skip(type, number: number, depth: 0)
    }

    private mutating func skip(_ type: WireType, number: UInt32, depth: Int) throws(ProtoWireError) {
        switch type {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .fixed32: _ = try fixed32()
        case .lengthDelimited: _ = try lengthDelimited()
        case .endGroup: throw ProtoWireError(offset: offset, message: "a group ends that never started")
        case .startGroup:
            guard depth < Self.maximumGroupDepth else { throw ProtoWireError(offset: offset, message: "groups nest deeper than \(Self.maximumGroupDepth)") }
            while true {
                guard !isAtEnd else { throw ProtoWireError(offset: offset, message: "group \(number) never ends") }
                let inner = try field()
                if inner.type == .endGroup {
                    guard inner.number == number else { throw ProtoWireError(offset: offset, message: "group \(number) ends as group \(inner.number)") }
                    return
                }
                try skip(inner.type, number: inner.number, depth: depth + 1)
            }
        }
    }

    /// Calls `body` with each element of a repeated scalar field that may be packed (one
    /// length-delimited run) or not (one element per key). `element` reads one element.
    mutating func repeated<T>(
        _ type: WireType, as elementType: WireType, _ element: (inout ProtoWireReader) throws(ProtoWireError) -> T,
        _ body: (T) -> Void
    ) throws(ProtoWireError) {
        if type == elementType {
            body(try element(&self))
        } else if type == .lengthDelimited {
            var packed = reader(for: try lengthDelimited())
            while !packed.isAtEnd { body(try element(&packed)) }
        } else {
            throw ProtoWireError(offset: offset, message: "a repeated field has wire type \(type.rawValue)")
        }
    }
}
