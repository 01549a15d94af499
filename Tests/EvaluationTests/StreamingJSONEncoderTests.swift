import Evaluation
import Foundation
import Testing

/// The streaming encoder writes what `JSONEncoder` with sorted keys would, compactly, and refuses
/// keys it cannot write in order rather than writing them unsorted.
@Suite struct StreamingJSONEncoderTests {
    struct Inner: Encodable, Equatable {
        var label: String
        var rows: [[Double]]
    }

    struct Outer: Encodable {
        var alpha: Int
        var beta: [Inner]
        var empty: [Int]
        var maybe: String?
        var nested: [String: Bool]
        var text: String
    }

    func streamed(_ value: some Encodable) throws -> String {
        var text = ""
        try StreamingJSONEncoder { text += $0 }.encode(value)
        return text
    }

    func object(_ text: String) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test func writesWhatJSONEncoderWritesWithSortedKeys() throws {
        let value = Outer(alpha: 3, beta: [Inner(label: "a\"b\\c\n\u{1}é", rows: [[1, 2.5], [-0.0, 1e-300]])],
                          empty: [], maybe: nil, nested: ["only": true], text: "/")
        let text = try streamed(value)
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys]
        #expect(try object(text) == object(String(decoding: try reference.encode(value), as: UTF8.self)))
        #expect(text == #"{"alpha": 3, "beta": [{"label": "a\"b\\c\n\u0001é", "rows": [[1.0, 2.5], [-0.0, 1e-300]]}], "empty": [], "nested": {"only": true}, "text": "/"}"# + "\n")
    }

    @Test func aKeyOutOfOrderIsAnErrorNotUnsortedOutput() {
        struct Unsorted: Encodable {
            var zebra = 1
            var apple = 2
        }
        #expect(throws: EncodingError.self) { _ = try streamed(Unsorted()) }
    }

    @Test func numbersThatAreNotFiniteAreNull() throws {
        let text = try streamed([Double.nan, .infinity, -.infinity, 1])
        #expect(text == "[null, null, null, 1.0]\n")
        #expect(JSONText.number(.nan) == "null")
    }

    @Test func aValueThatEncodesNothingIsAnEmptyObject() throws {
        struct Nothing: Encodable { func encode(to encoder: Encoder) throws {} }
        struct Holder: Encodable { var a = Nothing(); var b = [Nothing()] }
        #expect(try streamed(Holder()) == #"{"a": {}, "b": [{}]}"# + "\n")
    }
}

extension StreamingJSONEncoderTests {
    @Test func numberArraysWrittenInOneCallReadAsJSONEncodersDo() throws {
        struct Holder: Encodable {
            var a: JSONNumbers
            var b: [JSONNumbers]
        }
        let values: [Double] = [1, -0.5, .nan, .leastNonzeroMagnitude]
        let holder = Holder(a: JSONNumbers(values[...]), b: [JSONNumbers(values[1..<3]), JSONNumbers([][...])])
        let text = try streamed(holder)
        #expect(text == #"{"a": [1.0, -0.5, null, 5e-324], "b": [[-0.5, null], []]}"# + "\n")
        let reference = JSONEncoder()
        reference.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoded = try #require(try JSONSerialization.jsonObject(with: reference.encode(holder)) as? [String: Any])
        #expect((decoded["a"] as? [Any])?.count == 4 && (decoded["b"] as? [[Any]])?.map(\.count) == [2, 0])
    }
}
