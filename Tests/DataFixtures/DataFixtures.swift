import Foundation

/// The files numpy and pandas wrote (Tests/DataFixtures/make_fixtures.py), and the answer key
/// their own readers gave back.
public enum DataFixtures {
    /// The path of a fixture file, e.g. "preds.npz".
    public static func path(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Files")?.path
    }

    /// The answer key: per file, each column or array as float64 values read back by pandas and
    /// numpy (with shape and dtype for arrays).
    public static let answerKey: AnswerKey? = {
        guard let path = path("answer_key.json"), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(AnswerKey.self, from: data)
    }()

    public struct AnswerKey: Decodable, Sendable {
        public let csv: [String: CSVFile]
        public let npz: [String: [String: NumpyMember]]
        /// Per archive, the arrays numpy refuses to read (object arrays need allow_pickle).
        public let refused: [String: [String]]
    }

    public struct CSVFile: Decodable, Sendable {
        public let header: [String]
        public let rows: Int
        public let columns: [String: [Double]]
        public let index: [Int]
        public let blank: Cell
        public let text: Cell
    }

    /// A column and the 1-based line of a cell in it.
    public struct Cell: Decodable, Sendable {
        public let column: String
        public let line: Int
    }

    public struct NumpyMember: Decodable, Sendable {
        public let shape: [Int]
        public let dtype: String
        public let values: [Double]
    }
}
