import Foundation

/// Files in the test target's `Fixtures/` resources.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) not found" }
    }

    static let directory = Bundle.module.bundleURL.appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(name: name) }
        return data
    }

    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// The document's printed output, copied from the shared seed.
    static func printedOutput() throws -> String { try text("printed-output.txt") }

    /// One `=== code block N ===` section of the printed output, without its header.
    static func printedBlock(_ n: Int) throws -> String {
        let text = try printedOutput()
        let header = "=== code block \(n) ===\n"
        guard let start = text.range(of: header) else { throw Missing(name: "code block \(n)") }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "=== code block ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }
}

/// `Fixtures/numpy_arrays.json`, written by `Fixtures/make_fixtures.py`.
struct NumpyArrayCases: Decodable {
    struct Case: Decodable {
        let name: String
        let values: [String]
        let printed: String
        var doubles: [Double] { values.compactMap(Double.init) }
    }
    let numpy: String
    let cases: [Case]

    static func load() throws -> NumpyArrayCases {
        try JSONDecoder().decode(NumpyArrayCases.self, from: Fixture.data("numpy_arrays.json"))
    }
}
