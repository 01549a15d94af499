/// The JSON forms of scenarios and what they print, as `lossplot list` and `lossplot run` write
/// them (keys sorted by the encoder; a non-finite number is the encoder's to write as text).

/// `{"id", "title": {"en", "uk"}, "section", "kind", "origin", "codeBlocks"}`.
extension Scenario: Encodable {
    enum CodingKeys: String, CodingKey {
        case codeBlocks, id, kind, origin, section, title
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(codeBlocks, forKey: .codeBlocks)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(origin.rawValue, forKey: .origin)
        try container.encode(section.rawValue, forKey: .section)
        try container.encode(title, forKey: .title)
    }
}

/// `{"name", "value", "decimals"}` for a number printed at a precision, `{"name", "values"}` for
/// an array (and `"decimals"` when the array has one).
extension PrintedValue: Encodable {
    enum CodingKeys: String, CodingKey {
        case decimals, name, value, values
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(decimals, forKey: .decimals)
        try container.encode(name, forKey: .name)
        if values.count == 1, decimals != nil {
            try container.encode(values[0], forKey: .value)
        } else {
            try container.encode(values, forKey: .values)
        }
    }
}

/// One scenario's printed results: `{"id", "title", "codeBlock", "lines", "values", "tables",
/// "models", "failure"}`, `codeBlock` for a scenario of the document's code, `models` when it fits
/// any, `failure` when it failed.
public struct ScenarioPrintout: Encodable, Sendable {
    public let scenario: Scenario
    public let results: PrintedResults

    public init(_ scenario: Scenario, _ results: PrintedResults) {
        self.scenario = scenario
        self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case codeBlock, failure, id, lines, models, tables, title, values
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(scenario.printedCodeBlock, forKey: .codeBlock)
        try container.encodeIfPresent(results.failure, forKey: .failure)
        try container.encode(scenario.id, forKey: .id)
        try container.encode(results.lines, forKey: .lines)
        if !results.models.isEmpty { try container.encode(results.models, forKey: .models) }
        try container.encode(results.tables, forKey: .tables)
        try container.encode(scenario.title, forKey: .title)
        try container.encode(results.values, forKey: .values)
    }
}

/// One block of the transcript: `{"codeBlock", "scenarios"}` with the printout of the scenario
/// that prints it, or `"lines": []` for a block that prints nothing.
extension DocumentTranscript.Block: Encodable {
    enum CodingKeys: String, CodingKey {
        case codeBlock, lines, scenarios
    }

    public func encode(to encoder: Encoder) throws {
        if let scenario, let results {
            try ScenarioPrintout(scenario, results).encode(to: encoder)
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ScenarioCatalog.all.filter { $0.codeBlocks.contains(number) }.map(\.id), forKey: .scenarios)
        // The printout has the block's number (its scenario's first code block) and the lines.
        guard scenario == nil || results == nil else { return }
        try container.encode(number, forKey: .codeBlock)
        try container.encode([String](), forKey: .lines)
    }
}
