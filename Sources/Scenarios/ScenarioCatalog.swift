/// Every scenario lossplot knows, in the document's order.
public enum ScenarioCatalog {
    public static let all: [Scenario] = [
        MSEvsMAEFigure.scenario,
    ]

    public static var ids: [String] { all.map(\.id) }

    public static func scenario(id: String) -> Scenario? { all.first { $0.id == id } }
}
