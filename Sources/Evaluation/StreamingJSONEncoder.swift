/// Writes an `Encodable` value as one line of JSON while it is being encoded, handing it to a sink
/// in chunks of about 64 KiB, so that a result of 10^7 numbers is never held whole (`JSONEncoder`
/// builds the whole document first).
///
/// The text is compact with a space after each `,` and `:` (`{"loss": "mse", "n": 4}`). Keys must
/// come in ascending order within each object, as `JSONEncoder`'s `.sortedKeys` writes them; a key
/// out of order is an `EncodingError`, so the output is sorted without being buffered. A number
/// that is not finite is written `null` (`JSONText.number`): the output is JSON whatever the values.
public final class StreamingJSONEncoder {
    /// Text not yet handed to the sink.
    private var output: TextChunks

    /// The containers open, outermost first; depth d is `frames[d - 1]`.
    private var frames: [Frame] = []
    /// The depth at which the value being encoded opens its container.
    private var valueDepth = 1
    /// Scalars written so far (to tell a value that wrote nothing).
    private var scalars = 0
    /// A key out of order found where the protocol gives no way to throw (a nested container).
    private var deferredError: EncodingError?

    private struct Frame {
        let isObject: Bool
        var count = 0
        var lastKey: String?
    }

    /// An encoder that hands its text to `sink`, chunk by chunk, in order.
    public init(sink: @escaping (String) -> Void) { output = TextChunks(sink: sink) }

    /// Writes `value`, then a newline. What was written before an error is already in the sink.
    public func encode<T: Encodable>(_ value: T) throws {
        frames.removeAll()
        deferredError = nil
        defer { output.flush() }
        try encodeValue(value, depth: 1)
        close(deeperThan: 0)
        if let deferredError { throw deferredError }
        output.write("\n")
    }

    // MARK: Writing

    /// Encodes a value whose container, if it opens one, is at `depth`.
    fileprivate func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        let saved = valueDepth, before = scalars
        valueDepth = depth
        defer { valueDepth = saved }
        try value.encode(to: self)
        if frames.count < depth && scalars == before { output.write("{}") }
    }

    /// Starts an element of the container at `depth`: closes deeper containers, writes the
    /// separator and the key.
    fileprivate func beginElement(depth: Int, key: String?) throws {
        close(deeperThan: depth)
        guard depth >= 1, depth <= frames.count else {
            throw EncodingError.invalidValue(key ?? "", .init(codingPath: [], debugDescription: "a container written to after it was closed"))
        }
        if frames[depth - 1].count > 0 { output.write(", ") }
        frames[depth - 1].count += 1
        guard let key else { return }
        if let last = frames[depth - 1].lastKey, !(last < key) {
            throw EncodingError.invalidValue(key, .init(codingPath: [], debugDescription: "key \"\(key)\" comes after \"\(last)\": keys must be encoded in ascending order"))
        }
        frames[depth - 1].lastKey = key
        output.write(JSONText.string(key))
        output.write(": ")
    }

    /// Opens a container at `depth` (or returns to the one the current value already opened there).
    fileprivate func open(object: Bool, depth: Int) {
        if frames.count >= depth {
            close(deeperThan: depth)
            return
        }
        output.write(object ? "{" : "[")
        frames.append(Frame(isObject: object))
    }

    private func close(deeperThan depth: Int) {
        while frames.count > depth {
            output.write(frames.removeLast().isObject ? "}" : "]")
        }
    }

    /// Writes `values` as a JSON array where the value being encoded stands: one call for what
    /// would be a container and a call per element (10^7 of them for a large gradient).
    fileprivate func writeNumbers(_ values: ArraySlice<Double>) {
        scalars += 1
        // Gathered in a local string: a write to the stored `output` per number costs an
        // exclusivity check each time.
        var text = "["
        var first = true
        for x in values {
            if !first { text += ", " }
            first = false
            text += JSONText.number(x)
            if text.utf8.count >= TextChunks.size {
                output.write(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        text += "]"
        output.write(text)
    }

    fileprivate func writeScalar(_ text: String) {
        scalars += 1
        output.write(text)
    }

    fileprivate func record(_ error: EncodingError) {
        if deferredError == nil { deferredError = error }
    }

    fileprivate func keyedContainer<Key: CodingKey>(depth: Int) -> KeyedEncodingContainer<Key> {
        open(object: true, depth: depth)
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, depth: depth))
    }

    fileprivate func unkeyedContainer(depth: Int) -> UnkeyedEncodingContainer {
        open(object: false, depth: depth)
        return UnkeyedContainer(encoder: self, depth: depth)
    }
}

extension StreamingJSONEncoder: NumberArrayEncoder {
    public func encodeNumbers(_ values: ArraySlice<Double>) { writeNumbers(values) }
}

/// An encoder that writes an array of numbers in one call; `JSONNumbers` uses it when it can.
public protocol NumberArrayEncoder {
    /// Writes `values` as an array where the value being encoded stands.
    func encodeNumbers(_ values: ArraySlice<Double>)
}

/// Numbers encoded as an array: in one call to a `NumberArrayEncoder`, element by element to any
/// other encoder.
public struct JSONNumbers: Encodable, Sendable {
    public let values: ArraySlice<Double>

    public init(_ values: ArraySlice<Double>) { self.values = values }

    public func encode(to encoder: Encoder) throws {
        if let fast = encoder as? NumberArrayEncoder { return fast.encodeNumbers(values) }
        var array = encoder.unkeyedContainer()
        for x in values { try array.encode(x) }
    }
}

extension StreamingJSONEncoder: Encoder {
    public var codingPath: [CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        keyedContainer(depth: valueDepth)
    }

    public func unkeyedContainer() -> UnkeyedEncodingContainer { unkeyedContainer(depth: valueDepth) }

    public func singleValueContainer() -> SingleValueEncodingContainer { ScalarContainer(encoder: self, depth: valueDepth) }
}

/// JSON text for scalars, as `StreamingJSONEncoder` writes them.
public enum JSONText {
    /// A number in shortest round-trip form; `null` for NaN and infinities, which JSON has no
    /// form for (Swift would write `nan` and `inf`, which no JSON reader takes).
    public static func number(_ x: Double) -> String { x.isFinite ? x.description : "null" }

    /// A string in quotes, with `"`, `\` and control characters escaped.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamingJSONEncoder
    let depth: Int
    var codingPath: [CodingKey] { [] }

    private func write(_ text: String, _ key: Key) throws {
        try encoder.beginElement(depth: depth, key: key.stringValue)
        encoder.writeScalar(text)
    }

    mutating func encodeNil(forKey key: Key) throws { try write("null", key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try write(value ? "true" : "false", key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try write(JSONText.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try write(JSONText.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try write(JSONText.number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try write(value.description, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try write(value.description, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.beginElement(depth: depth, key: key.stringValue)
        try encoder.encodeValue(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        do { try encoder.beginElement(depth: depth, key: key.stringValue) } catch let error as EncodingError { encoder.record(error) } catch {}
        return encoder.keyedContainer(depth: depth + 1)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        do { try encoder.beginElement(depth: depth, key: key.stringValue) } catch let error as EncodingError { encoder.record(error) } catch {}
        return encoder.unkeyedContainer(depth: depth + 1)
    }

    mutating func superEncoder() -> Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named key: String) -> Encoder {
        do { try encoder.beginElement(depth: depth, key: key) } catch let error as EncodingError { encoder.record(error) } catch {}
        return NestedEncoder(encoder: encoder, depth: depth + 1)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamingJSONEncoder
    let depth: Int
    private(set) var count = 0
    var codingPath: [CodingKey] { [] }

    init(encoder: StreamingJSONEncoder, depth: Int) {
        self.encoder = encoder
        self.depth = depth
    }

    private mutating func write(_ text: String) throws {
        try encoder.beginElement(depth: depth, key: nil)
        encoder.writeScalar(text)
        count += 1
    }

    mutating func encodeNil() throws { try write("null") }
    mutating func encode(_ value: Bool) throws { try write(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { try write(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { try write(JSONText.number(value)) }
    mutating func encode(_ value: Float) throws { try write(JSONText.number(Double(value))) }
    mutating func encode(_ value: Int) throws { try write(value.description) }
    mutating func encode(_ value: Int8) throws { try write(value.description) }
    mutating func encode(_ value: Int16) throws { try write(value.description) }
    mutating func encode(_ value: Int32) throws { try write(value.description) }
    mutating func encode(_ value: Int64) throws { try write(value.description) }
    mutating func encode(_ value: UInt) throws { try write(value.description) }
    mutating func encode(_ value: UInt8) throws { try write(value.description) }
    mutating func encode(_ value: UInt16) throws { try write(value.description) }
    mutating func encode(_ value: UInt32) throws { try write(value.description) }
    mutating func encode(_ value: UInt64) throws { try write(value.description) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.beginElement(depth: depth, key: nil)
        count += 1
        try encoder.encodeValue(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        do { try encoder.beginElement(depth: depth, key: nil) } catch let error as EncodingError { encoder.record(error) } catch {}
        count += 1
        return encoder.keyedContainer(depth: depth + 1)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        do { try encoder.beginElement(depth: depth, key: nil) } catch let error as EncodingError { encoder.record(error) } catch {}
        count += 1
        return encoder.unkeyedContainer(depth: depth + 1)
    }

    mutating func superEncoder() -> Encoder {
        do { try encoder.beginElement(depth: depth, key: nil) } catch let error as EncodingError { encoder.record(error) } catch {}
        count += 1
        return NestedEncoder(encoder: encoder, depth: depth + 1)
    }
}

/// A value's single scalar, written where the value stands.
private struct ScalarContainer: SingleValueEncodingContainer {
    let encoder: StreamingJSONEncoder
    /// Where a container of the value, if it opens one, stands.
    let depth: Int
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { encoder.writeScalar("null") }
    mutating func encode(_ value: Bool) throws { encoder.writeScalar(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.writeScalar(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.writeScalar(JSONText.number(value)) }
    mutating func encode(_ value: Float) throws { encoder.writeScalar(JSONText.number(Double(value))) }
    mutating func encode(_ value: Int) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: Int8) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: Int16) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: Int32) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: Int64) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: UInt) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: UInt8) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: UInt16) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: UInt32) throws { encoder.writeScalar(value.description) }
    mutating func encode(_ value: UInt64) throws { encoder.writeScalar(value.description) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value stands where this container's value does: its container, if any, opens here.
        try encoder.encodeValue(value, depth: depth)
    }
}

/// The encoder a `superEncoder()` hands out: containers it opens stand at a fixed depth.
private struct NestedEncoder: Encoder {
    let encoder: StreamingJSONEncoder
    let depth: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { encoder.keyedContainer(depth: depth) }
    func unkeyedContainer() -> UnkeyedEncodingContainer { encoder.unkeyedContainer(depth: depth) }
    func singleValueContainer() -> SingleValueEncodingContainer { ScalarContainer(encoder: encoder, depth: depth) }
}

/// Text gathered into chunks of about 64 KiB before it goes to a sink: the sink (standard output,
/// behind a lock) is called once a chunk, not once a number.
struct TextChunks {
    static let size = 1 << 16
    private var pending = ""
    let sink: (String) -> Void

    init(sink: @escaping (String) -> Void) { self.sink = sink }

    mutating func write(_ text: String) {
        pending += text
        if pending.utf8.count >= Self.size { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
