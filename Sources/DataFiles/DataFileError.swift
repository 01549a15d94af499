/// A problem with a user's data file: where (path and 1-based line, when known) and what.
///
/// A message never holds a file's bytes raw: whatever it echoes from the file (a cell, a column
/// name, a dtype) goes through `quoted(_:)`, so the message stays one line and writes no control
/// sequence to the terminal.
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let path: String
    /// 1-based line of the problem, when it has one.
    public let line: Int?
    /// What is wrong.
    public let message: String

    public init(path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// "path:line: message", or "path: message" without a line.
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }

    /// How many characters of a text `quoted(_:)` shows before cutting it with "…".
    public static let quotedLimit = 40

    /// `text` as a message shows it: in double quotes, with `\` and `"` escaped, line breaks, tabs
    /// and every other control, format or unassigned character as an escape (`\n`, `\r`, `\t`,
    /// `\u{1b}`, `\u{202e}`), and cut after `limit` characters with "…" inside the quotes.
    public static func quoted(_ text: some StringProtocol, limit: Int = quotedLimit) -> String {
        var out = "\""
        var shown = 0
        for scalar in text.unicodeScalars {
            if shown == limit { out += "…"; break }
            shown += 1
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                default:
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// "has no column "name" (columns: "a", "b", ...)": the names quoted, at most `shown` of them.
    public static func noColumn(_ name: String, among names: [String], path: String, shown: Int = 20) -> DataFileError {
        DataFileError(path: path, "has no column \(quoted(name)) (columns: \(list(names, shown: shown)))")
    }

    /// "has no array "name" (arrays: "a", "b", ...)", for a `.npz` archive.
    public static func noMember(_ name: String, among names: [String], path: String, shown: Int = 20) -> DataFileError {
        DataFileError(path: path, "has no array \(quoted(name)) (arrays: \(names.isEmpty ? "none" : list(names, shown: shown)))")
    }

    /// Names quoted and comma-separated, at most `shown` of them.
    static func list(_ names: [String], shown: Int) -> String {
        var list = names.prefix(shown).map { quoted($0) }.joined(separator: ", ")
        if names.count > shown { list += ", … (\(names.count) in all)" }
        return list
    }
}
