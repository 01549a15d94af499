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

    private enum CodingKeys: String, CodingKey {
        case runs, baseline, meanWindow, metrics, metricsOnlyInBaseline, unmatchedBaselineRuns, unmatchedPatterns, warnings, gate, link
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let baselineRuns = compared.baseline?.runs
        let runs = compared.runs.runs.enumerated().map { i, run in
            RunEntry(run: run, baselineRun: .some(compared.pairing.baselineIndex[i].flatMap { baselineRuns?[$0].name }))
        }
        try c.encode(runs, forKey: .runs)
        try c.encode(baselineRuns.map { $0.map { RunEntry(run: $0, baselineRun: nil) } }, forKey: .baseline)
        try c.encode(compared.options.meanWindow, forKey: .meanWindow)
        try c.encode(compared.metrics, forKey: .metrics)
        try c.encode(compared.metricsOnlyInBaseline, forKey: .metricsOnlyInBaseline)
        try c.encode(compared.unmatchedBaselineRuns, forKey: .unmatchedBaselineRuns)
        try c.encode(compared.unmatchedPatterns, forKey: .unmatchedPatterns)
        try c.encode(compared.warnings, forKey: .warnings)
        try c.encode(gate, forKey: .gate)
        try c.encode(link, forKey: .link)
    }
}
