import RunLogs

/// The summary as JSON: everything the Markdown shows, never cut, for scripts and for a later
/// step (a report, a comment bot). Keys are sorted by the encoder the caller uses; arrays are in
/// the runs' and metrics' order, so the same runs give the same bytes.
///
/// ```
/// {"runs": [{"name", "format", "paths", "params", "baselineRun"}],
///  "baseline": [{"name", "format", "paths", "params"}] | null,
///  "meanWindow": 5,
///  "metrics": [MetricComparison: {"name", "direction", "rows": [RunMetricComparison]}],
///  "metricsOnlyInBaseline": [...], "unmatchedBaselineRuns": [...], "unmatchedPatterns": [...],
///  "warnings": [ComparisonWarning], "gate": GateReport | null, "link": "https://…" | null}
/// ```
/// A NaN or infinite number is the string `"NaN"`, `"Infinity"` or `"-Infinity"`, as in
/// `lossplot runs`, so the output is always JSON.
public struct SummaryDocument: Sendable, Encodable {
    public let compared: ComparedRuns
    public let gate: GateReport?
    public let link: ArtifactLink?

    public init(_ compared: ComparedRuns, gate: GateReport? = nil, link: ArtifactLink? = nil) {
        self.compared = compared
        self.gate = gate
        self.link = link
    }

    /// A run as the document lists it.
    struct RunEntry: Encodable {
        let run: Run
        /// For this branch's runs: the matched baseline run's name (encoded as null when none).
        let baselineRun: String??

        private enum CodingKeys: String, CodingKey { case name, format, paths, params, baselineRun }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(run.name, forKey: .name)
            try c.encode(run.format, forKey: .format)
            try c.encode(run.paths, forKey: .paths)
            try c.encode(run.params, forKey: .params)
            if let baselineRun { try c.encode(baselineRun, forKey: .baselineRun) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: SummaryKey.self)
        try compared.encodeComparison(into: &c)
        try c.encode(gate, forKey: .gate)
        try c.encode(link, forKey: .link)
    }
}

/// The keys of `SummaryDocument` and of `ComparedRuns` (which has all but the gate and the link).
enum SummaryKey: String, CodingKey {
    case runs, baseline, meanWindow, metrics, metricsOnlyInBaseline, unmatchedBaselineRuns, unmatchedPatterns, warnings, gate, link
}

/// The comparison alone encodes as `SummaryDocument` without `gate` and `link`.
extension ComparedRuns: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: SummaryKey.self)
        try encodeComparison(into: &c)
    }

    func encodeComparison(into c: inout KeyedEncodingContainer<SummaryKey>) throws {
        let baselineRuns = baseline?.runs
        let entries = runs.runs.enumerated().map { i, run in
            SummaryDocument.RunEntry(run: run, baselineRun: .some(pairing.baselineIndex[i].flatMap { baselineRuns?[$0].name }))
        }
        try c.encode(entries, forKey: .runs)
        try c.encode(baselineRuns.map { $0.map { SummaryDocument.RunEntry(run: $0, baselineRun: nil) } }, forKey: .baseline)
        try c.encode(options.meanWindow, forKey: .meanWindow)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(metricsOnlyInBaseline, forKey: .metricsOnlyInBaseline)
        try c.encode(unmatchedBaselineRuns, forKey: .unmatchedBaselineRuns)
        try c.encode(unmatchedPatterns, forKey: .unmatchedPatterns)
        try c.encode(warnings, forKey: .warnings)
    }
}
