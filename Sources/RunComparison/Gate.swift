import RunLogs

/// The regression gate: rules (`GateRule`) checked against compared runs. A rule fails when its
/// condition holds for a run, when it cannot be read for one (the statistic is NaN, a minimum
/// has no finite value), or when no run at all could be checked (no run has the metric, no run
/// has a baseline run with it): a rule never passes by checking nothing. A run that has the
/// metric but no baseline to compare with is listed as not checked.
public struct Gate: Sendable, Equatable {
    public let rules: [GateRule]

    public init(rules: [GateRule]) { self.rules = rules }

    /// Reads each rule; the first that cannot be read throws.
    public init(parsing texts: [String]) throws(RuleSyntaxError) {
        var rules: [GateRule] = []
        for text in texts { rules.append(try GateRule(parsing: text)) }
        self.rules = rules
    }

    /// Refuses rules that compare with a baseline when none is given.
    public func check(hasBaseline: Bool) throws(ComparisonError) {
        guard !hasBaseline, let rule = rules.first(where: \.comparesWithBaseline) else { return }
        throw .usage("\(option: .rules) '\(rule.text)' compares with the baseline: name the baseline's runs with \(option: .baseline)")
    }

    /// Every rule's result, in order.
    public func evaluate(_ compared: ComparedRuns) throws(ComparisonError) -> GateReport {
        try check(hasBaseline: compared.baseline != nil)
        return GateReport(results: rules.map { rule in
            switch rule.condition {
            case .nonFinite: Self.nonFinite(rule, compared)
            case .metric(let condition): Self.metric(rule, condition, compared)
            }
        })
    }

    /// The bare `nonfinite`: one check per run, its NaN and infinite points in selected metrics.
    static func nonFinite(_ rule: GateRule, _ compared: ComparedRuns) -> RuleResult {
        var perRun: [Int: [(metric: String, points: MetricSummary.NonFinite)]] = [:]
        for metric in compared.metrics {
            for row in metric.rows where row.statistics.summary.nonFinite.count > 0 {
                perRun[row.runIndex, default: []].append((metric.name, row.statistics.summary.nonFinite))
            }
        }
        let checks = compared.runs.runs.enumerated().map { i, run in
            let found = perRun[i] ?? []
            let count = found.reduce(0) { $0 + $1.points.count }
            let listed = found.prefix(3).map { "\($0.metric) at step \($0.points.steps.first.map(String.init) ?? "?")" }
            let note = found.isEmpty ? nil : listed.joined(separator: ", ") + (found.count > 3 ? " and \(found.count - 3) more metrics" : "")
            return RuleCheck(run: run.name, outcome: count > 0 ? .failed : .passed, value: Double(count), note: note)
        }
        return RuleResult(rule: rule, checks: checks, reason: nil)
    }

    static func metric(_ rule: GateRule, _ condition: MetricCondition, _ compared: ComparedRuns) -> RuleResult {
        let baselineRuns = compared.baseline?.runs ?? []
        var checks: [RuleCheck] = []
        for (i, run) in compared.runs.runs.enumerated() {
            guard let metric = run.metric(named: condition.metric) else { continue }
            let value = condition.statistic.value(of: metric)
            var baselineRun: String?, baselineValue: Double?
            if case .baseline = condition.threshold {
                guard let b = compared.pairing.baselineIndex[i] else {
                    checks.append(RuleCheck(run: run.name, outcome: .notChecked, value: value, note: "no baseline run matches it"))
                    continue
                }
                baselineRun = baselineRuns[b].name
                guard let baseMetric = baselineRuns[b].metric(named: condition.metric) else {
                    checks.append(RuleCheck(run: run.name, outcome: .notChecked, value: value, baselineRun: baselineRun,
                                            note: "its baseline run has no \(condition.metric)"))
                    continue
                }
                baselineValue = condition.statistic.value(of: baseMetric)
                guard let base = baselineValue, !base.isNaN else {
                    checks.append(RuleCheck(run: run.name, outcome: .notChecked, value: value, baselineRun: baselineRun, baseline: baselineValue,
                                            note: "the baseline's \(condition.statistic) is \(baselineValue == nil ? "absent" : "NaN")"))
                    continue
                }
            }
            let limit = condition.threshold.limit(baseline: baselineValue)
            guard let value, !value.isNaN else {
                checks.append(RuleCheck(run: run.name, outcome: .failed, value: value, limit: limit, baselineRun: baselineRun, baseline: baselineValue,
                                        note: value != nil ? "the value is NaN" : metric.points.isEmpty ? "no points" : "no finite value"))
                continue
            }
            let holds = limit.map { condition.comparison.holds(value, $0) } ?? true
            checks.append(RuleCheck(run: run.name, outcome: holds ? .failed : .passed, value: value, limit: limit,
                                    baselineRun: baselineRun, baseline: baselineValue))
        }
        if checks.isEmpty {
            let names = MetricSelection.metricNames(of: compared.runs.runs)
            let list = names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : "")
            return RuleResult(rule: rule, checks: [], reason: "no run has a metric named '\(condition.metric)' (the runs hold: \(list))")
        }
        if !checks.contains(where: { $0.outcome != .notChecked }), let first = checks.first {
            let more = checks.count > 1 ? " and \(checks.count - 1) more" : ""
            return RuleResult(rule: rule, checks: checks, reason: "no run could be compared with the baseline (\(first.run): \(first.note ?? "")\(more))")
        }
        return RuleResult(rule: rule, checks: checks, reason: nil)
    }
}

/// The gate's outcome: each rule's result, in order.
///
/// Encodes as `{"passed", "rules": [RuleResult]}`.
public struct GateReport: Sendable, Equatable, Encodable {
    public let results: [RuleResult]

    public init(results: [RuleResult]) { self.results = results }

    /// Whether every rule passed.
    public var passed: Bool { results.allSatisfy(\.passed) }
    public var failures: [RuleResult] { results.filter { !$0.passed } }

    private enum CodingKeys: String, CodingKey { case passed, rules }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed)
        try c.encode(results, forKey: .rules)
    }
}

/// One rule's outcome: each run's check, and why it failed when no check could tell.
///
/// Encodes as `{"rule", "passed", "reason", "checks": [RuleCheck]}`.
public struct RuleResult: Sendable, Equatable, Encodable {
    public let rule: GateRule
    public let checks: [RuleCheck]
    /// Why the rule failed without a failing check (no run has the metric; none could be compared).
    public let reason: String?

    public init(rule: GateRule, checks: [RuleCheck], reason: String?) {
        self.rule = rule
        self.checks = checks
        self.reason = reason
    }

    /// No check failed, and one at least was made.
    public var passed: Bool {
        reason == nil && !checks.contains { $0.outcome == .failed } && checks.contains { $0.outcome == .passed }
    }

    /// The most checks `seen` lists.
    static let listedChecks = 3

    /// What the rule saw, on one line, unescaped: the failing checks (else the passing ones), at
    /// most three, and how many runs were not checked; or the reason.
    public var seen: String {
        if let reason { return reason }
        let failing = checks.filter { $0.outcome == .failed }
        let shown = failing.isEmpty ? checks.filter { $0.outcome == .passed } : failing
        var text = shown.prefix(Self.listedChecks).map(\.description).joined(separator: "; ")
        if shown.count > Self.listedChecks { text += "; and \(shown.count - Self.listedChecks) more runs" }
        let unchecked = checks.filter { $0.outcome == .notChecked }
        if let first = unchecked.first {
            text += "; \(unchecked.count) \(unchecked.count == 1 ? "run" : "runs") not checked (\(first.run): \(first.note ?? ""))"
        }
        return text
    }

    /// `val_loss.final > baseline * 1.02: seed0: 0.68 (baseline 0.2328, limit 0.2374)`, unescaped.
    public var description: String { "\(rule.text): \(seen)" }

    private enum CodingKeys: String, CodingKey { case rule, passed, reason, checks }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(passed, forKey: .passed)
        try c.encode(reason, forKey: .reason)
        try c.encode(checks, forKey: .checks)
    }
}

/// A rule checked on one run.
///
/// Encodes as `{"run", "outcome", "value", "limit", "baselineRun", "baseline", "note"}`, every key
/// present (`null` when absent), non-finite numbers as `MetricSummary` writes them.
public struct RuleCheck: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// What the check found.
    public enum Outcome: String, Sendable, Equatable, Encodable {
        /// The condition does not hold.
        case passed
        /// The condition holds, or the value cannot be compared (NaN, no finite value).
        case failed
        /// No baseline to compare with.
        case notChecked
    }

    public let run: String
    public let outcome: Outcome
    /// The statistic of the run's metric (for the bare `nonfinite`, its count of such points).
    public let value: Double?
    /// What it was compared with.
    public let limit: Double?
    /// The baseline run and its statistic, for rules against the baseline.
    public let baselineRun: String?
    public let baseline: Double?
    /// Why it failed or was not checked, when the numbers do not say.
    public let note: String?

    public init(run: String, outcome: Outcome, value: Double?, limit: Double? = nil, baselineRun: String? = nil,
                baseline: Double? = nil, note: String? = nil) {
        self.run = run
        self.outcome = outcome
        self.value = value
        self.limit = limit
        self.baselineRun = baselineRun
        self.baseline = baseline
        self.note = note
    }

    /// `seed0: 0.68 (baseline 0.2328, limit 0.2374)`, `seed0: NaN (the value is NaN)`, unescaped;
    /// the limit is left out when it is the baseline's value itself.
    public var description: String {
        var text = "\(run): \(value.map(NumberText.short) ?? "none")"
        var details: [String] = []
        if let baseline { details.append("baseline \(NumberText.short(baseline))") }
        if let limit, limit != baseline { details.append("limit \(NumberText.short(limit))") }
        if let note { details.append(note) }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        return text
    }

    private enum CodingKeys: String, CodingKey { case run, outcome, value, limit, baselineRun, baseline, note }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encode(outcome, forKey: .outcome)
        try c.encodeLoggedValue(value, forKey: .value)
        try c.encodeLoggedValue(limit, forKey: .limit)
        try c.encode(baselineRun, forKey: .baselineRun)
        try c.encodeLoggedValue(baseline, forKey: .baseline)
        try c.encode(note, forKey: .note)
    }
}
