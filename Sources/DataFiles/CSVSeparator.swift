/// The byte between a CSV file's fields: a comma, a semicolon (spreadsheets in comma-decimal
/// locales, Keras' `separator=";"`) or a tab (TSV).
public enum CSVSeparator: UInt8, Sendable, CaseIterable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    /// How the separator is named to users.
    public var name: String {
        switch self {
        case .comma: "','"
        case .semicolon: "';'"
        case .tab: "tab"
        }
    }

    /// The separator a header line uses: the candidate found most often outside quotes (a tie
    /// goes to comma, then semicolon, then tab); nil when the line holds none of them.
    public static func sniff<Line: Collection<UInt8>>(header line: Line) -> CSVSeparator? {
        var counts: [CSVSeparator: Int] = [:]
        var quoted = false
        for b in line {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r"), !quoted { break }
            if !quoted, let separator = CSVSeparator(rawValue: b) { counts[separator, default: 0] += 1 }
        }
        let best = allCases.max { (counts[$0] ?? 0, -$0.order) < (counts[$1] ?? 0, -$1.order) }
        return best.flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
