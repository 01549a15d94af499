import LossPlotCharts
import RunLogs

/// Who each run is drawn as, in what order and colour: its own curve, or its group's (a group
/// stands where its first member does). The colours follow this order, so a run has the same
/// colour in every panel.
struct RunIdentities {
    /// A curve's identity: a run's name, or a group's key.
    struct Identity: Hashable {
        let key: String
        let isGroup: Bool
    }

    /// Each run's identity, by the run's index.
    private(set) var identity: [Identity] = []
    /// Every identity, in the order of its first run.
    private(set) var order: [Identity] = []
    private var members: [Identity: [String]] = [:]
    private var colors: [Identity: Color] = [:]
    /// Runs a grouping pattern did not match (drawn on their own).
    private(set) var warnings: [RunPlotMessage] = []

    init(runs: [Run], grouping: RunGrouping?) {
        var ungrouped: [String] = []
        for run in runs {
            let id: Identity
            if let grouping, let key = grouping.key(for: run.name) {
                id = Identity(key: key, isGroup: true)
            } else {
                if grouping != nil { ungrouped.append(run.name) }
                id = Identity(key: run.name, isGroup: false)
            }
            identity.append(id)
            if members[id] == nil { order.append(id) }
            members[id, default: []].append(run.name)
        }
        colors = Dictionary(uniqueKeysWithValues: zip(order, RunColors.palette(count: order.count)))
        if let grouping, !ungrouped.isEmpty {
            let some = ungrouped.prefix(3).joined(separator: ", ") + (ungrouped.count > 3 ? ", …" : "")
            warnings.append("\(option: .groupPattern) '\(grouping.pattern)' matches no part of \(ungrouped.count) run name(s) (\(some)); they are drawn on their own")
        }
    }

    /// How many runs it stands for.
    func size(of id: Identity) -> Int { members[id]?.count ?? 0 }

    /// The legend's name: the run's, or the group's key and its size.
    func label(_ id: Identity) -> String {
        guard id.isGroup else { return id.key }
        let n = size(of: id)
        return "\(id.key) (\(n) run\(n == 1 ? "" : "s"))"
    }

    func color(_ id: Identity) -> Color { colors[id] ?? .black }
}
