import ArgumentParser
import RunComparison
import RunLogs

/// The options that say how this branch's runs are compared with a baseline's, one definition
/// for every command that compares them (`summary`, `report --runs`): the baseline's runs, the
/// metrics, which way each is better, the trailing mean, the gate's rules, the log format.
/// `--runs` is each command's own: `summary` requires it, `report` is the guide's without it.
struct ComparisonArguments: ParsableArguments {
    @Option(parsing: .upToNextOption, help: ArgumentHelp("The baseline's runs (the base branch's), to compare with.", valueName: "path"))
    var baseline: [String] = []

    @Option(help: ArgumentHelp("The metrics to tabulate, glob patterns, comma separated (default: all).", valueName: "pattern[,pattern...]"))
    var metric: String?

    @Option(help: ArgumentHelp("Metrics where larger is better, glob patterns, comma separated.", valueName: "pattern[,pattern...]"))
    var higherIsBetter: String?

    @Option(help: ArgumentHelp("Metrics where smaller is better, glob patterns, comma separated.", valueName: "pattern[,pattern...]"))
    var lowerIsBetter: String?

    @Option(help: ArgumentHelp("How many last points the statistics' trailing mean averages (JSON; default \(ComparisonOptions.defaultMeanWindow)).", valueName: "N"))
    var meanLast: Int?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("A rule that fails the gate when it holds (repeatable); see `lossplot summary --help`.", valueName: "rule"))
    var failOn: [String] = []

    @Option(help: ArgumentHelp("Read every file as this format instead of telling it from its name and contents.", valueName: "format"))
    var logFormat: LogFormat?

    /// The flags given, as typed: what a command that takes no runs refuses.
    var given: [String] {
        [("--baseline", !baseline.isEmpty), ("--metric", metric != nil), ("--higher-is-better", higherIsBetter != nil),
         ("--lower-is-better", lowerIsBetter != nil), ("--mean-last", meanLast != nil), ("--fail-on", !failOn.isEmpty),
         ("--log-format", logFormat != nil)].filter(\.1).map(\.0)
    }

    /// What the flags ask for, checked before any file is read: usage errors exit 64.
    func check() throws(CommandFailure) -> (options: ComparisonOptions, gate: Gate) {
        let gate: Gate
        do { gate = try Gate(parsing: failOn) } catch {
            throw .usage("--fail-on '\(error.rule)': \(error.description)")
        }
        let options = ComparisonOptions(
            metricPatterns: metric.map(MetricSelection.patterns) ?? [],
            higherIsBetter: higherIsBetter.map(MetricSelection.patterns) ?? [],
            lowerIsBetter: lowerIsBetter.map(MetricSelection.patterns) ?? [],
            meanWindow: meanLast ?? ComparisonOptions.defaultMeanWindow)
        do {
            try options.validate()
            try gate.check(hasBaseline: !baseline.isEmpty)
        } catch {
            throw CommandFailure(error)
        }
        return (options, gate)
    }

    /// Reads `runs` and the baseline's, compares them and evaluates the gate (nil without rules);
    /// the readers' warnings and patterns that matched nothing go to stderr.
    func compare(runs: [String], options: ComparisonOptions, gate: Gate) throws(CommandFailure) -> (ComparedRuns, GateReport?) {
        let runSet = try RunLogInput.load(runs, format: logFormat)
        let baselineSet = baseline.isEmpty ? nil : try RunLogInput.load(baseline, format: logFormat)
        let compared: ComparedRuns
        let report: GateReport?
        do {
            compared = try ComparedRuns(runs: runSet, baseline: baselineSet, options: options)
            report = gate.rules.isEmpty ? nil : try gate.evaluate(compared)
        } catch {
            throw CommandFailure(error)
        }
        RunLogInput.warn(compared.unmatchedPatterns.map { "--metric '\($0)' matches no metric" })
        return (compared, report)
    }

    /// After the output is written: each failing rule on its own stderr line and exit 1, when
    /// the gate failed.
    static func applyGate(_ report: GateReport?) throws(CommandFailure) {
        guard let report, !report.passed else { return }
        StandardOutput.flush()
        for failure in report.failures { StandardError.say("failed: " + failure.description) }
        throw CommandFailure("\(report.failures.count) of \(report.results.count) --fail-on rules failed")
    }
}
