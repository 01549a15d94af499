import LossPlotCharts

/// The two languages lossplot writes: the document's Ukrainian and English.
public enum Language: String, CaseIterable, Sendable {
    case en, uk
}

/// A piece of text in both languages.
public struct LocalizedText: Sendable, Equatable, Encodable {
    public var en: String
    public var uk: String
    public init(en: String, uk: String) { self.en = en; self.uk = uk }
    /// The same text in both languages: a symbol, a formula or a loss name the document keeps in Latin.
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
public struct PrintedTable: Sendable, Equatable, Encodable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    public init(title: String, columns: [String], rows: [[String]]) {
        self.title = title; self.columns = columns; self.rows = rows
    }
}

/// A linear model a scenario fitted: what a user comparing with scikit-learn's `coef_` and
/// `intercept_` looks at first.
public struct PrintedModel: Sendable, Equatable, Encodable {
    /// The scenario's label for it, e.g. "Ridge (MSE + L2)".
    public var name: String
    /// One weight per feature (`coef_`).
    public var coefficients: [Double]
    /// `intercept_`.
    public var intercept: Double
    public init(name: String, coefficients: [Double], intercept: Double) {
        self.name = name; self.coefficients = coefficients; self.intercept = intercept
    }
}

/// What a scenario prints: the lines as the document's code prints them, and the values, tables
/// and fitted models behind them for JSON and the report.
public struct PrintedResults: Sendable, Equatable {
    public var lines: [String]
    public var values: [PrintedValue]
    public var tables: [PrintedTable]
    /// The models the scenario fitted, in the order it prints them (empty when it fits none).
    public var models: [PrintedModel] = []
    /// Why the results could not be computed (then `lines` end with the message); nil on success.
    public var failure: String?
    public init(lines: [String], values: [PrintedValue] = [], tables: [PrintedTable] = [], failure: String? = nil) {
        self.lines = lines; self.values = values; self.tables = tables; self.failure = failure
    }

    /// The lines as printed, each ended by a newline.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    /// Runs `body` on an empty builder; an error it throws becomes `failure`, never a trap.
    public static func computing(_ body: (inout PrintedResultsBuilder) throws -> Void) -> PrintedResults {
        var builder = PrintedResultsBuilder()
        do {
            try body(&builder)
            return builder.results
        } catch {
            var failed = builder.results
            failed.failure = "\(error)"
            failed.lines.append("error: \(error)")
            return failed
        }
    }
}

/// Collects printed lines together with the values behind them, formatted as Python prints them.
public struct PrintedResultsBuilder: Sendable {
    public private(set) var results = PrintedResults(lines: [])

    public init() {}

    /// A line of plain text (`print("...")`).
    public mutating func text(_ line: String) { results.lines.append(line) }

    /// `print(f"{prefix}{value:.Nf}{suffix}")`, recording `value` under `name` (the prefix without
    /// its colon and padding when nil).
    public mutating func number(_ prefix: String, _ value: Double, decimals: Int, suffix: String = "", name: String? = nil) {
        results.lines.append(prefix + Python.fixed(value, decimals) + suffix)
        results.values.append(PrintedValue(name ?? Python.valueName(prefix), value, decimals: decimals))
    }

    /// `print(f"{prefix}{array}")` with numpy's array printing.
    public mutating func array(_ prefix: String, _ values: [Double], name: String? = nil) {
        results.lines.append(prefix + NumpyArrayFormat().string(values))
        results.values.append(PrintedValue(name ?? Python.valueName(prefix), array: values))
    }

    /// Several lines printed at once (a multi-line string), with the table they show.
    public mutating func table(_ text: String, _ table: PrintedTable) {
        results.lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        results.tables.append(table)
    }

    /// A value behind the printed text that no single line shows alone (for JSON and the report).
    public mutating func record(_ value: PrintedValue) { results.values.append(value) }

    /// A table behind the printed text.
    public mutating func record(_ table: PrintedTable) { results.tables.append(table) }

    /// A model the printed text reports on.
    public mutating func record(_ model: PrintedModel) { results.models.append(model) }

    /// Several lines printed at once, without a table behind them.
    public mutating func lines(_ text: String) {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        results.lines.append(contentsOf: parts)
    }
}

/// Where a scenario comes from: the document's own code, or an addition that draws what the
/// document describes without a plot.
public enum ScenarioOrigin: String, Sendable {
    case document, addition
}

/// One figure or printed result of the document (or one it describes without drawing).
public struct Scenario: Sendable {
    public var id: String
    public var title: LocalizedText
    public var section: DocumentSection
    /// The document's code block numbers this scenario reproduces, counted from 0 (empty for additions).
    public var codeBlocks: [Int]
    public var origin: ScenarioOrigin
    /// Builds the chart in a language; nil for a scenario that only prints.
    public var figure: (@Sendable (Language) -> Figure)?
    /// Computes what the scenario prints; nil for a figure-only scenario.
    public var results: (@Sendable () -> PrintedResults)?
    /// A parameter of a loss to explore, frame by frame; nil for the other scenarios.
    public var explorer: ParameterExplorer?

    public init(id: String, title: LocalizedText, section: DocumentSection, codeBlocks: [Int] = [],
                origin: ScenarioOrigin = .document,
                figure: (@Sendable (Language) -> Figure)? = nil, results: (@Sendable () -> PrintedResults)? = nil,
                explorer: ParameterExplorer? = nil) {
        self.id = id; self.title = title; self.section = section; self.codeBlocks = codeBlocks
        self.origin = origin; self.figure = figure; self.results = results; self.explorer = explorer
    }

    /// "figure", "printed", "figure+printed" or "explorer".
    public var kind: String {
        if explorer != nil { return "explorer" }
        switch (figure != nil, results != nil) {
        case (true, true): return "figure+printed"
        case (true, false): return "figure"
        default: return "printed"
        }
    }

    /// The document code block whose printed output `results` reproduces: the first of
    /// `codeBlocks` (nil for scenarios that print nothing or are additions).
    public var printedCodeBlock: Int? {
        results == nil ? nil : codeBlocks.first
    }
}
