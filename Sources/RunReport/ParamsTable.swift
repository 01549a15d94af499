import RunLogs

/// The runs' hyperparameters side by side: one column per run (this branch's, then the
/// baseline's), one row per parameter any of them logged. A row differs when its values are not
/// all the same, a run without the parameter counting as a value of its own; rows that differ
/// come first, each part sorted by key. Past `maximumRows` the rest are counted, not shown.
struct ParamsTable: Equatable {
    struct Column: Equatable {
        let run: String
        let isBaseline: Bool
    }

    struct Row: Equatable {
        let key: String
        let differs: Bool
        /// By column; nil where the run did not log it.
        let values: [String?]
    }

    static let maximumRows = 1_000

    let columns: [Column]
    let rows: [Row]
    /// Every parameter, and those that differ, shown or not.
    let total: Int
    let differing: Int

    init(runs: [Run], baseline: [Run]) {
        let all = runs.map { ($0, false) } + baseline.map { ($0, true) }
        columns = all.map { Column(run: $0.0.name, isBaseline: $0.1) }
        let keys = Set(all.flatMap { $0.0.params.keys }).sorted()
        var differ: [Row] = [], same: [Row] = []
        for key in keys {
            let values = all.map { $0.0.params[key] }
            let differs = values.contains { $0 != values.first ?? nil }
            let row = Row(key: key, differs: differs, values: values)
            if differs { differ.append(row) } else { same.append(row) }
        }
        total = keys.count
        differing = differ.count
        rows = Array((differ + same).prefix(Self.maximumRows))
    }
}
