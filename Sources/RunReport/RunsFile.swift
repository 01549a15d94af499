import Foundation
import RunComparison

/// `runs.json`, beside a report of runs' page and listed in its manifest: the comparison the
/// page shows in RunComparison's JSON form (`SummaryDocument`: the runs with their params, each
/// metric's statistics per run, the baseline's, the changes, the warnings, the gate), so that a
/// later step (`lossplot diff`, a script) reads numbers rather than HTML. Keys sorted, the same
/// runs give the same bytes.
public enum RunsFile {
    public static let fileName = "runs.json"
    /// The largest `runs.json` read back: 10^4 metrics of 100 runs take some 100 MB.
    public static let maxBytes = 256 << 20

    /// The file's bytes: pretty-printed, keys sorted, a final newline.
    public static func encoded(_ compared: ComparedRuns, gate: GateReport?) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(SummaryDocument(compared, gate: gate))) + [UInt8(ascii: "\n")]
    }

    /// What `diff` reads back: this branch's runs by name, and per metric each run's final value.
    public struct Contents: Sendable, Equatable, Decodable {
        public struct RunEntry: Sendable, Equatable, Decodable {
            public let name: String
        }

        public struct Metric: Sendable, Equatable, Decodable {
            public let name: String
            public let direction: MetricDirection
            public let rows: [Row]

            private enum CodingKeys: String, CodingKey { case name, direction, rows }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                name = try c.decode(String.self, forKey: .name)
                let word = try c.decode(String.self, forKey: .direction)
                guard let direction = MetricDirection(rawValue: word) else {
                    throw DecodingError.dataCorruptedError(forKey: .direction, in: c, debugDescription: "unknown direction \(word)")
                }
                self.direction = direction
                rows = try c.decode([Row].self, forKey: .rows)
            }
        }

        /// One run's final value of a metric (nil when it has no points).
        public struct Row: Sendable, Equatable, Decodable {
            public let run: String
            public let runIndex: Int
            public let final: Double?

            private enum CodingKeys: String, CodingKey { case run, runIndex, statistics }
            private enum StatisticsKeys: String, CodingKey { case summary }
            private enum SummaryKeys: String, CodingKey { case last }
            private enum PointKeys: String, CodingKey { case value }

            public static func == (a: Row, b: Row) -> Bool {
                a.run == b.run && a.runIndex == b.runIndex && (a.final == b.final || (a.final?.isNaN == true && b.final?.isNaN == true))
            }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                run = try c.decode(String.self, forKey: .run)
                runIndex = try c.decode(Int.self, forKey: .runIndex)
                let summary = try c.nestedContainer(keyedBy: StatisticsKeys.self, forKey: .statistics)
                    .nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
                if try summary.decodeNil(forKey: .last) {
                    final = nil
                } else {
                    let last = try summary.nestedContainer(keyedBy: PointKeys.self, forKey: .last)
                    final = try last.decodeLoggedValue(forKey: .value)
                }
            }
        }

        public let runs: [RunEntry]
        public let metrics: [Metric]
    }

    /// Reads `runs.json`'s bytes; the error says what is wrong after the file's name.
    public static func contents(decoding bytes: [UInt8]) throws(RunsFileError) -> Contents {
        do {
            return try JSONDecoder().decode(Contents.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw RunsFileError("\(Self.where(context))no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw RunsFileError("\(Self.where(context))a value of the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw RunsFileError("\(Self.where(context))a null value")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw RunsFileError("\(Self.where(context))\(context.debugDescription)")
        } catch {
            throw RunsFileError("not valid JSON")
        }
    }

    /// "metrics[3].rows[0]: " for an error inside the file, "" at the top level.
    static func `where`(_ context: DecodingError.Context) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let trimmed = parts.hasPrefix(".") ? String(parts.dropFirst()) : parts
        return trimmed.isEmpty ? "" : "\(trimmed): "
    }
}

/// Why a `runs.json` is not one lossplot wrote, said after the file's name.
public struct RunsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public init(_ problem: String) { self.problem = problem }
    public var description: String { "is not a report's \(RunsFile.fileName): \(problem)" }
}

extension KeyedDecodingContainer {
    /// A number as `encodeLoggedValue` writes it: a JSON number, or the string `"NaN"`,
    /// `"Infinity"` or `"-Infinity"`.
    func decodeLoggedValue(forKey key: Key) throws -> Double {
        if let number = try? decode(Double.self, forKey: key) { return number }
        switch try decode(String.self, forKey: key) {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case let other: throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "'\(other)' is not a number")
        }
    }
}
