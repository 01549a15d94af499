/// The parts of one TensorBoard `Event` record that lossplot reads, decoded straight from the
/// wire format (field numbers as in Sources/RunLogs/Proto/tfevents.proto, TensorFlow's own).
///
/// Byte ranges point into the buffer decoded, so a tag is compared with known tags without
/// building a string; decoding allocates nothing.
struct EventRecord {
    /// One `Summary.Value`: its tag, its plugin, and the scalar it may hold.
    struct Value {
        /// What the value holds, of what lossplot reads.
        enum Kind {
            case none
            /// A `simple_value` (float32).
            case simple(Float)
            /// A `tensor`: its bytes, decoded only if the tag's plugin is "scalars".
            case tensor(Range<Int>)
        }

        var tag: Range<Int> = 0..<0
        /// `metadata.plugin_data.plugin_name`, when the value carries metadata.
        var pluginName: Range<Int>?
        /// `metadata.plugin_data.content`.
        var pluginContent: Range<Int>?
        var kind = Kind.none
    }

    /// The record's bytes in the buffer.
    let range: Range<Int>
    /// Seconds since the Unix epoch (none when absent or not a finite number).
    var wallTime: Double?
    var step: Int64 = 0
    /// The first `summary` field's bytes (most events have one; a file's first holds its version).
    var summary: Range<Int>?
    /// Whether `summary` is written more than once (protobuf then merges the occurrences).
    var severalSummaries = false

    /// Decodes the event's own fields from `range` of `buffer` (its summary values are read by
    /// `forEachValue`, once the step and time they belong to are known whatever the field order).
    init(_ buffer: UnsafeRawBufferPointer, range: Range<Int>) throws(ProtoWireError) {
        self.range = range
        var event = ProtoWireReader(buffer, range: range)
        while !event.isAtEnd {
            let (number, type) = try event.field()
            switch (number, type) {
            case (1, .fixed64):
                let time = Double(bitPattern: try event.fixed64())
                wallTime = time.isFinite ? time : nil
            case (2, .varint): step = Int64(bitPattern: try event.varint())
            case (5, .lengthDelimited):
                let bytes = try event.lengthDelimited()
                if summary == nil { summary = bytes } else { severalSummaries = true }
            default: try event.skip(type, number: number)
            }
        }
    }

    /// Calls `body` with each `Summary.Value` of the event's summary (`summary` = 5, its
    /// `value` = 1; every occurrence of a summary written twice is read).
    @inline(__always)
    func forEachValue(_ buffer: UnsafeRawBufferPointer, _ body: (Value) throws(ProtoWireError) -> Void) throws(ProtoWireError) {
        guard let summary else { return }
        guard severalSummaries else {
            try Self.forEachValue(in: ProtoWireReader(buffer, range: summary), body)
            return
        }
        var event = ProtoWireReader(buffer, range: range)
        while !event.isAtEnd {
            let (number, type) = try event.field()
            if number == 5, type == .lengthDelimited {
                try Self.forEachValue(in: event.reader(for: try event.lengthDelimited()), body)
            } else {
                try event.skip(type, number: number)
            }
        }
    }

    @inline(__always)
    private static func forEachValue(in reader: ProtoWireReader, _ body: (Value) throws(ProtoWireError) -> Void) throws(ProtoWireError) {
        var summary = reader
        while !summary.isAtEnd {
            let (field, fieldType) = try summary.field()
            if field == 1, fieldType == .lengthDelimited {
                try body(try decodeValue(summary.reader(for: try summary.lengthDelimited())))
            } else {
                try summary.skip(fieldType, number: field)
            }
        }
    }

    /// `Summary.Value`: tag = 1, simple_value = 2, tensor = 8, metadata = 9 (the last of a
    /// repeated singular field wins, as protobuf says).
    private static func decodeValue(_ reader: ProtoWireReader) throws(ProtoWireError) -> Value {
        var value = Value()
        var fields = reader
        while !fields.isAtEnd {
            let (number, type) = try fields.field()
            switch (number, type) {
            case (1, .lengthDelimited): value.tag = try fields.lengthDelimited()
            case (2, .fixed32): value.kind = .simple(Float(bitPattern: try fields.fixed32()))
            case (8, .lengthDelimited): value.kind = .tensor(try fields.lengthDelimited())
            case (9, .lengthDelimited):
                (value.pluginName, value.pluginContent) = try decodeMetadata(fields.reader(for: try fields.lengthDelimited()))
            default: try fields.skip(type, number: number)
            }
        }
        return value
    }

    /// `SummaryMetadata.plugin_data` (1) -> `plugin_name` (1), `content` (2).
    private static func decodeMetadata(_ reader: ProtoWireReader) throws(ProtoWireError) -> (Range<Int>?, Range<Int>?) {
        var name: Range<Int>?, content: Range<Int>?
        var metadata = reader
        while !metadata.isAtEnd {
            let (number, type) = try metadata.field()
            guard number == 1, type == .lengthDelimited else {
                try metadata.skip(type, number: number)
                continue
            }
            var plugin = metadata.reader(for: try metadata.lengthDelimited())
            while !plugin.isAtEnd {
                let (inner, innerType) = try plugin.field()
                switch (inner, innerType) {
                case (1, .lengthDelimited): name = try plugin.lengthDelimited()
                case (2, .lengthDelimited): content = try plugin.lengthDelimited()
                default: try plugin.skip(innerType, number: inner)
                }
            }
        }
        return (name, content)
    }
}

/// A `TensorProto` read as one number: its dtype, whether its shape holds exactly one element, and
/// that element from `float_val`/`double_val`/`half_val` or little-endian `tensor_content`.
enum ScalarTensor {
    /// TensorFlow's `DataType` numbers of the floating-point types a scalar summary holds.
    static let float: UInt64 = 1, double: UInt64 = 2, bfloat16: UInt64 = 14, half: UInt64 = 19

    /// Why a tensor is not one readable number.
    enum Problem: Error, Equatable {
        case dtype(UInt64)
        case notOneElement
        case contentSize(Int)
    }

    /// The tensor's one value, converted exactly to Double. A tensor with no values at all is
    /// zero, as TensorFlow reads it.
    static func value(_ buffer: UnsafeRawBufferPointer, range: Range<Int>) throws(ProtoWireError) -> Result<Double, Problem> {
        var dtype: UInt64 = 0
        var oneElement = true
        var content: Range<Int>?
        var firstFloat: UInt32?, firstDouble: UInt64?, firstHalf: UInt16?
        var fields = ProtoWireReader(buffer, range: range)
        while !fields.isAtEnd {
            let (number, type) = try fields.field()
            switch (number, type) {
            case (1, .varint): dtype = try fields.varint()
            case (2, .lengthDelimited): oneElement = try hasOneElement(fields.reader(for: try fields.lengthDelimited()))
            case (4, .lengthDelimited): content = try fields.lengthDelimited()
            case (5, .fixed32), (5, .lengthDelimited):
                try fields.repeated(type, as: .fixed32, { (r: inout ProtoWireReader) throws(ProtoWireError) in try r.fixed32() }) { bits in
                    if firstFloat == nil { firstFloat = bits }
                }
            case (6, .fixed64), (6, .lengthDelimited):
                try fields.repeated(type, as: .fixed64, { (r: inout ProtoWireReader) throws(ProtoWireError) in try r.fixed64() }) { bits in
                    if firstDouble == nil { firstDouble = bits }
                }
            case (13, .varint), (13, .lengthDelimited):
                // half_val: int32s holding the 16 bits of a half or a bfloat16 (told by dtype).
                try fields.repeated(type, as: .varint, { (r: inout ProtoWireReader) throws(ProtoWireError) in try r.varint() }) { bits in
                    if firstHalf == nil { firstHalf = UInt16(truncatingIfNeeded: bits) }
                }
            default: try fields.skip(type, number: number)
            }
        }
        guard oneElement else { return .failure(.notOneElement) }
        let size: Int
        switch dtype {
        case float: size = 4
        case double: size = 8
        case half, bfloat16: size = 2
        default: return .failure(.dtype(dtype))
        }
        if let content, !content.isEmpty {
            guard content.count == size else { return .failure(.contentSize(content.count)) }
            let at = content.lowerBound
            switch size {
            case 4: firstFloat = buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian
            case 8: firstDouble = buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian
            default: firstHalf = buffer.loadUnaligned(fromByteOffset: at, as: UInt16.self).littleEndian
            }
        }
        switch dtype {
        case float: return .success(firstFloat.map { Double(Float(bitPattern: $0)) } ?? 0)
        case double: return .success(firstDouble.map { Double(bitPattern: $0) } ?? 0)
        case half: return .success(firstHalf.map(half) ?? 0)
        default: return .success(firstHalf.map(bfloat16) ?? 0)
        }
    }

    /// A `TensorShapeProto` (dim = 2, each `Dim.size` = 1) describes one element when every
    /// dimension has size 1 (rank 0 included) and the rank is known.
    private static func hasOneElement(_ reader: ProtoWireReader) throws(ProtoWireError) -> Bool {
        var one = true
        var shape = reader
        while !shape.isAtEnd {
            let (number, type) = try shape.field()
            switch (number, type) {
            case (2, .lengthDelimited):
                var dim = shape.reader(for: try shape.lengthDelimited())
                var size: UInt64 = 0
                while !dim.isAtEnd {
                    let (inner, innerType) = try dim.field()
                    if inner == 1, innerType == .varint { size = try dim.varint() } else { try dim.skip(innerType, number: inner) }
                }
                if size != 1 { one = false }
            case (3, .varint): if try shape.varint() != 0 { one = false }
            default: try shape.skip(type, number: number)
            }
        }
        return one
    }

    /// An IEEE half's bits as the Double of the same value.
    static func half(_ bits: UInt16) -> Double {
        let negative = bits & 0x8000 != 0
        let exponent = Int((bits >> 10) & 0x1F), fraction = Double(bits & 0x3FF)
        let magnitude: Double
        switch exponent {
        case 0: magnitude = fraction * 0x1p-24
        case 31: magnitude = fraction == 0 ? .infinity : .nan
        default: magnitude = (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
        return negative ? -magnitude : magnitude
    }

    /// A bfloat16's bits (the high half of a float32) as the Double of the same value.
    static func bfloat16(_ bits: UInt16) -> Double { Double(Float(bitPattern: UInt32(bits) << 16)) }
}
