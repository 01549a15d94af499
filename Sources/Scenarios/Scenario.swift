import Charts

/// The two languages lossplot writes: the document's Ukrainian and English.
public enum Language: String, CaseIterable, Sendable {
    case en, uk
}

/// A piece of text in both languages.
public struct LocalizedText: Sendable, Equatable {
    public var en: String
    public var uk: String
    public init(en: String, uk: String) { self.en = en; self.uk = uk }
    /// The same text in both languages (chart text the document wrote in English).
    public init(_ both: String) { en = both; uk = both }
    public func callAsFunction(_ language: Language) -> String { language == .en ? en : uk }
}

/// The parts of the document a scenario belongs to, in the document's order.
public enum DocumentSection: String, CaseIterable, Sendable {
    case regression, classification, advanced, practice, regressionComparison = "regression-comparison"

    public var title: LocalizedText {
        switch self {
        case .regression: return LocalizedText(en: "Regression losses", uk: "Функції втрат для регресії")
        case .classification: return LocalizedText(en: "Classification losses", uk: "Функції втрат для класифікації")
        case .advanced: return LocalizedText(en: "Advanced losses", uk: "Просунуті функції втрат")
        case .practice: return LocalizedText(en: "Practical advice", uk: "Практичні поради")
        case .regressionComparison: return LocalizedText(en: "Comparing losses on a regression", uk: "Порівняння функцій втрат на регресії")
        }
    }
}

/// A named number a scenario prints, with the precision the document prints it at.
public struct PrintedValue: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    /// Digits after the point as the document's format string has them (nil: numpy's array print).
    public var decimals: Int?
    public init(_ name: String, _ value: Double, decimals: Int? = 4) {
        self.name = name; self.values = [value]; self.decimals = decimals
    }
    public init(_ name: String, array: [Double]) {
        self.name = name; self.values = array; self.decimals = nil
    }
}

/// A table a scenario prints: column headers and rows of cells.
public struct PrintedTable: Sendable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    public init(title: String, columns: [String], rows: [[String]]) {
        self.title = title; self.columns = columns; self.rows = rows
    }
}

/// What a scenario prints: the lines as the document's code prints them, and the values and
/// tables behind them for JSON and the report.
public struct PrintedResults: Sendable, Equatable {
    public var lines: [String]
    public var values: [PrintedValue]
    public var tables: [PrintedTable]
    public init(lines: [String], values: [PrintedValue] = [], tables: [PrintedTable] = []) {
        self.lines = lines; self.values = values; self.tables = tables
    }
}

/// One figure or printed result of the document (or one it describes without drawing).
public struct Scenario: Sendable {
    public var id: String
    public var title: LocalizedText
    public var section: DocumentSection
    /// The document's code block numbers this scenario reproduces (empty for additions).
    public var codeBlocks: [Int]
    /// Builds the chart in a language; nil for a scenario that only prints.
    public var figure: (@Sendable (Language) -> Figure)?
    /// Computes what the scenario prints; nil for a figure-only scenario.
    public var results: (@Sendable () -> PrintedResults)?

    public init(id: String, title: LocalizedText, section: DocumentSection, codeBlocks: [Int] = [],
                figure: (@Sendable (Language) -> Figure)? = nil, results: (@Sendable () -> PrintedResults)? = nil) {
        self.id = id; self.title = title; self.section = section; self.codeBlocks = codeBlocks
        self.figure = figure; self.results = results
    }

    /// "figure", "printed" or "figure+printed".
    public var kind: String {
        switch (figure != nil, results != nil) {
        case (true, true): return "figure+printed"
        case (true, false): return "figure"
        default: return "printed"
        }
    }
}
