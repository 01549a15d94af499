import RunLogs

/// Which baseline run each of this branch's runs is compared with.
///
/// The rule: runs are matched by name, which `RunLoader` makes the run's path under the folder
/// named (or the file's name without its extension), so `--runs runs/` and a baseline read the
/// same way from another root pair `runs/seed0` with the baseline's `seed0`. When both sides
/// hold exactly one run, those two are compared whatever their names (a training output folder
/// named for the branch, say). When a name occurs more than once on a side (the same run name
/// under two folders named), the k-th run of that name is matched with the baseline's k-th.
/// A run without a match is shown without a change; a baseline run without one is listed.
public struct RunPairing: Sendable, Equatable {
    /// For each run, by index, the index of its baseline run; nil when it has none.
    public let baselineIndex: [Int?]
    /// The baseline runs no run is matched with, in their order.
    public let unmatchedBaseline: [Int]

    public init(runs: [Run], baseline: [Run]) {
        self.init(runNames: runs.map(\.name), baselineNames: baseline.map(\.name))
    }

    /// The same rule on the runs' names alone (runs read back from a report's `runs.json`).
    public init(runNames runs: [String], baselineNames baseline: [String]) {
        if runs.count == 1 && baseline.count == 1 {
            baselineIndex = [0]
            unmatchedBaseline = []
            return
        }
        var byName: [String: [Int]] = [:]
        for (i, name) in baseline.enumerated() { byName[name, default: []].append(i) }
        var taken: [String: Int] = [:]
        var matched = Set<Int>()
        baselineIndex = runs.map { name in
            let k = taken[name, default: 0]
            taken[name] = k + 1
            guard let candidates = byName[name], k < candidates.count else { return nil }
            matched.insert(candidates[k])
            return candidates[k]
        }
        unmatchedBaseline = baseline.indices.filter { !matched.contains($0) }
    }

    /// How many runs have a baseline run.
    public var matchedCount: Int { baselineIndex.lazy.filter { $0 != nil }.count }
}
