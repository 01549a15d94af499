/// What a cell that holds no value looks like: blank, or a word pandas reads as missing.
///
/// pandas' default `na_values` less its NaN spellings (`nan`, `NaN`, `-nan`, `1.#QNAN`...): those
/// are numbers by `NumberSyntax`, values a logger wrote (a loss that diverged), while `NA`, `null`
/// or a blank cell say that nothing was written (Keras' `NA` for an epoch without validation,
/// R's `NA`, pandas' blank `to_csv` cells).
public enum MissingValue {
    public static let spellings: Set<String> = ["NA", "N/A", "n/a", "NULL", "null", "None", "<NA>", "#N/A", "#N/A N/A", "#NA"]

    /// Whether `cell` holds no value: blank, or text that is one of `spellings` (spaces and tabs
    /// around it aside).
    public static func isMissing(_ cell: CSVTable.Cell) -> Bool {
        switch cell {
        case .blank: return true
        case .number: return false
        case .text(let s):
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
            guard s.utf8.count <= 64, let first = s.firstIndex(where: { !isSpace($0) }),
                  let last = s.lastIndex(where: { !isSpace($0) }) else { return false }
            return spellings.contains(String(s[first...last]))
        }
    }
}
