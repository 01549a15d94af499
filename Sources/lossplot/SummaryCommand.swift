import ArgumentParser
import Foundation
import RunComparison
import RunLogs

/// What `summary` writes.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    /// GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` or a pull-request comment.
    case md
    case json
}

/// `lossplot summary --runs PATH... [--baseline PATH...]`: the job summary of this branch's runs
/// against the baseline's, and the regression gate (`--fail-on`).
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "A job summary of training runs against a baseline's (GitHub Markdown or JSON), and a regression gate.",
        discussion: """
            Per metric a table of each run's final, min and max (with their steps), NaN/Inf count, and with \
            --baseline the baseline run's final and the change, absolute and relative, marked better or worse \
            by the metric's name (loss, error, mse, mae, perplexity, ... lower; acc, f1, auc, precision, \
            recall, ... higher; otherwise not judged; --higher-is-better and --lower-is-better override). \
            Then the readers' warnings and NaN/Inf points, and the gate's results. Runs are matched with \
            baseline runs by name (the path under the folder named, as runs and plot name them); when each \
            side holds one run, those two are compared whatever their names.
            Rules (--fail-on, repeatable; a rule that holds fails the gate):
              METRIC.STAT OP VALUE   STAT: final, min, max, mean_last_N (mean of the last N points), \
            nonfinite (count); OP: < <= > >= == !=; VALUE: a number, baseline, baseline * FACTOR, \
            baseline + DELTA or baseline - DELTA (the run's baseline run's same statistic)
              nonfinite              any NaN or Inf in a selected metric of any run
            A metric name with spaces or < > = ! goes in double quotes: '"val loss".final > 1'. A rule fails \
            on a NaN value, and when no run could be checked (no run has the metric, or none has a baseline \
            run with it); runs without a baseline run are listed as not checked. A rule naming a metric is \
            checked whether or not --metric selects it.
            Exit status: 0 when every rule passes, 1 when one fails (each failing rule on its own stderr line; \
            the summary is still written), 64 for a bad rule or option.
            The summary never exceeds --max-chars (bytes of UTF-8, as GitHub counts its 1 MiB limit): rows \
            are left out from the end, whole, with a note; the gate's results always stay. The link line is \
            --artifact-url, else in GitHub Actions $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID \
            (the run's page, which lists its artifacts); --artifact-url '' leaves it out.
            Example: lossplot summary --runs runs/ --baseline base/runs/ --fail-on 'val_loss.final > baseline * 1.02' \
            --fail-on nonfinite >> "$GITHUB_STEP_SUMMARY"
            """
    )

    @Option(parsing: .upToNextOption, help: ArgumentHelp("This branch's runs: log files or folders.", valueName: "path"))
    var runs: [String]

    @OptionGroup var comparison: ComparisonArguments

    @Option(help: "md (GitHub Markdown) or json.")
    var format: SummaryFormat = .md

    @Option(help: ArgumentHelp("The longest the Markdown may be, in bytes (default 1000000).", valueName: "N"))
    var maxChars: Int?

    @Option(name: .customLong("artifact-url"), help: ArgumentHelp("The link line's URL (http or https); '' for none.", valueName: "url"))
    var artifactURL: String?

    /// What the flags ask for, checked before anything is read.
    struct Request {
        let options: ComparisonOptions
        let gate: Gate
        let link: ArtifactLink?
        let maxCharacters: Int
    }

    /// Usage errors (exit 64), before any file is read.
    func check() throws(CommandFailure) -> Request {
        guard !runs.isEmpty else { throw .usage("name this branch's runs with --runs PATH...") }
        let (options, gate) = try comparison.check()
        if maxChars != nil && format == .json { throw .usage("--max-chars applies to --format md (the JSON is never cut)") }
        let maxCharacters = maxChars ?? SummaryMarkdown.defaultMaxCharacters
        guard maxCharacters > 0 else { throw .usage("--max-chars must be positive, got \(maxCharacters)") }
        return Request(options: options, gate: gate, link: try link(), maxCharacters: maxCharacters)
    }

    /// `--artifact-url`, else the GitHub Actions run's page, else none.
    func link() throws(CommandFailure) -> ArtifactLink? {
        guard let artifactURL else { return ArtifactLink.workflowRun(environment: ProcessInfo.processInfo.environment) }
        guard !artifactURL.isEmpty else { return nil }
        do { return try ArtifactLink(url: artifactURL) } catch { throw CommandFailure(error) }
    }

    func run() throws(CommandFailure) {
        let request = try check()
        let (compared, report) = try comparison.compare(runs: runs, options: request.options, gate: request.gate)
        switch format {
        case .md:
            do {
                let markdown = SummaryMarkdown(maxCharacters: request.maxCharacters, link: request.link)
                StandardOutput.write(try markdown.render(compared, gate: report, naming: FlagNames.flag).text)
            } catch {
                throw CommandFailure(error)
            }
        case .json:
            try printJSON(SummaryDocument(compared, gate: report, link: request.link))
        }
        try ComparisonArguments.applyGate(report)
    }
}

extension FlagNames {
    /// A comparison's, the gate's or the summary's option as `summary` spells it.
    static func flag(_ option: ComparisonOption) -> String {
        switch option {
        case .metricPatterns: "--metric"
        case .higherIsBetter: "--higher-is-better"
        case .lowerIsBetter: "--lower-is-better"
        case .meanWindow: "--mean-last"
        case .baseline: "--baseline"
        case .rules: "--fail-on"
        case .maxCharacters: "--max-chars"
        case .artifactLink: "--artifact-url"
        case .jsonForm: "--format json"
        }
    }
}

extension CommandFailure {
    /// A comparison's failure, options named as flags.
    init(_ error: ComparisonError) {
        self.init(error.message.rendered(naming: FlagNames.flag), status: error.kind == .usage ? .usage : .failure)
    }
}
