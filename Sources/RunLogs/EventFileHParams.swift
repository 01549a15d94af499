/// The hparams plugin's record of a run's hyperparameters: a summary value whose plugin is
/// "hparams" and whose content is `HParamsPluginData` holding `session_start_info` (field 3), a
/// map (field 1) from name to a `google.protobuf.Value` (null 1, number 2, string 3, bool 4).
/// torch's `add_hparams`, tensorboardX's and Keras' hparams callback write it.
enum EventFileHParams {
    /// The name and text of each hyperparameter in `range` of `buffer` (none when the content is
    /// not a session start). Structs and lists, which have no one-line text, are left out.
    static func sessionStart(_ buffer: UnsafeRawBufferPointer, range: Range<Int>) throws(ProtoWireError) -> [(String, String)] {
        var found: [(String, String)] = []
        var data = ProtoWireReader(buffer, range: range)
        while !data.isAtEnd {
            let (number, type) = try data.field()
            guard number == 3, type == .lengthDelimited else { try data.skip(type, number: number); continue }
            var start = data.reader(for: try data.lengthDelimited())
            while !start.isAtEnd {
                let (field, fieldType) = try start.field()
                guard field == 1, fieldType == .lengthDelimited else { try start.skip(fieldType, number: field); continue }
                var entry = start.reader(for: try start.lengthDelimited())
                var key = "", text: String?
                while !entry.isAtEnd {
                    let (inner, innerType) = try entry.field()
                    switch (inner, innerType) {
                    case (1, .lengthDelimited): key = string(buffer, try entry.lengthDelimited())
                    case (2, .lengthDelimited): text = try valueText(entry.reader(for: try entry.lengthDelimited()))
                    default: try entry.skip(innerType, number: inner)
                    }
                }
                if let text { found.append((key, text)) }
            }
        }
        return found
    }

    /// A `google.protobuf.Value`'s scalar as text: whole numbers without a fraction, other numbers
    /// in the shortest form that reads back the same.
    private static func valueText(_ reader: ProtoWireReader) throws(ProtoWireError) -> String? {
        var value = reader
        var text: String?
        while !value.isAtEnd {
            let (number, type) = try value.field()
            switch (number, type) {
            case (1, .varint): _ = try value.varint(); text = "null"
            case (2, .fixed64): text = numberText(Double(bitPattern: try value.fixed64()))
            case (3, .lengthDelimited): text = string(value.buffer, try value.lengthDelimited())
            case (4, .varint): text = try value.varint() != 0 ? "true" : "false"
            default: try value.skip(type, number: number); text = nil
            }
        }
        return text
    }

    static func numberText(_ x: Double) -> String {
        if x.isFinite, x.rounded() == x, abs(x) < 0x1p53 { return String(Int64(x)) }
        return "\(x)"
    }

    private static func string(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
}
