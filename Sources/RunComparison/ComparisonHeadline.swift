/// What was compared with what, the sentences a job summary and a report of runs open with:
/// "Run version_1 against baseline run version_0.", "3 runs against 2 baseline runs, matched by
/// name: 2 matched.", the baseline runs and runs left without a match, the metrics only the
/// baseline has. Names read from logs are parts of their own, for each form to escape its way.
public struct ComparisonHeadline: Sendable, Equatable {
    /// A piece of a sentence: fixed text, or a name from the logs.
    public enum Part: Sendable, Equatable {
        case text(String)
        case name(String)
    }

    public let sentences: [[Part]]

    /// The most names a sentence lists; the rest are counted.
    public static let listLimit = 20

    public init(_ compared: ComparedRuns) {
        let runs = compared.runs.runs
        guard let baseline = compared.baseline else {
            sentences = [[.text("\(Self.plural(runs.count, "run")), no baseline.")]]
            return
        }
        var sentences: [[Part]]
        if runs.count == 1 && baseline.runs.count == 1 {
            sentences = [[.text("Run "), .name(runs[0].name), .text(" against baseline run "), .name(baseline.runs[0].name), .text(".")]]
        } else {
            sentences = [[.text("\(Self.plural(runs.count, "run")) against \(Self.plural(baseline.runs.count, "baseline run")), matched by name: \(compared.pairing.matchedCount) matched.")]]
        }
        func list(_ lead: String, _ names: [String]) {
            guard !names.isEmpty else { return }
            var parts: [Part] = [.text(lead)]
            for (i, name) in names.prefix(Self.listLimit).enumerated() {
                if i > 0 { parts.append(.text(", ")) }
                parts.append(.name(name))
            }
            if names.count > Self.listLimit { parts.append(.text(", … (\(names.count - Self.listLimit) more)")) }
            parts.append(.text("."))
            sentences.append(parts)
        }
        list("Baseline runs without a match: ", compared.unmatchedBaselineRuns)
        list("Runs without a baseline run: ", compared.pairing.baselineIndex.enumerated().filter { $0.element == nil }.map { runs[$0.offset].name })
        list("Metrics only in the baseline: ", compared.metricsOnlyInBaseline)
        self.sentences = sentences
    }

    /// Each sentence with its fixed text through `text` and its names through `name`.
    public func rendered(text: (String) -> String = { $0 }, name: (String) -> String) -> [String] {
        sentences.map { parts in
            parts.map { part in
                switch part {
                case .text(let t): text(t)
                case .name(let n): name(n)
                }
            }.joined()
        }
    }

    static func plural(_ n: Int, _ noun: String) -> String { "\(NumberText.grouped(n)) \(noun)\(n == 1 ? "" : "s")" }
}
