#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Which metrics a user picks (a chart draws, a summary tabulates): shell glob patterns (`*`, `?`,
/// `[...]`, as `fnmatch` reads them; `*` also crosses `/`, so `*loss*` finds `train/loss`).
public struct MetricSelection: Sendable, Equatable {
    public let patterns: [String]

    /// Every metric when `patterns` is empty.
    public init(patterns: [String]) { self.patterns = patterns }

    /// The patterns of a comma-separated list, trimmed ("*loss*, val_*").
    public static func patterns(in list: String) -> [String] {
        list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Whether `pattern` matches the whole of `name`.
    public static func glob(_ pattern: String, matches name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }

    /// Every metric name of `runs`, in the order of first appearance (run by run, each run's
    /// metrics in its order): what `select(from:)` picks from.
    public static func metricNames(of runs: [Run]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for run in runs {
            for m in run.metrics where seen.insert(m.name).inserted { names.append(m.name) }
        }
        return names
    }

    /// The names picked: those matched by the first pattern (in the order given), then by the
    /// second, and so on; and the patterns that matched nothing.
    public func select(from names: [String]) -> (selected: [String], unmatched: [String]) {
        guard !patterns.isEmpty else { return (names, []) }
        var selected: [String] = [], taken = Set<String>(), unmatched: [String] = []
        for pattern in patterns {
            let hits = names.filter { Self.glob(pattern, matches: $0) }
            if hits.isEmpty { unmatched.append(pattern) }
            for name in hits where taken.insert(name).inserted { selected.append(name) }
        }
        return (selected, unmatched)
    }
}
