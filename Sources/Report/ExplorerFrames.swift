import LossPlotCharts
import Scenarios

/// An explorer's frames as scenarios of their own, so they are drawn, shared between the
/// languages and listed in the manifest as every chart is: frame `k` of explorer `ID` is the
/// chart `ID-k` (`charts/explore-huber-0.svg`), titled with its value ("δ = 0.5").
enum ExplorerFrames {
    static func scenarios(_ scenarios: [Scenario]) -> [Scenario] {
        scenarios.flatMap { s -> [Scenario] in
            guard let explorer = s.explorer else { return [] }
            return explorer.values.enumerated().map { k, value in
                Scenario(id: frameID(s.id, k), title: LocalizedText("\(explorer.symbol) = \(ParameterExplorer.format(value))"),
                         section: s.section, origin: s.origin, figure: { language in explorer.frame(language, value) })
            }
        }
    }

    static func frameID(_ explorer: String, _ k: Int) -> String { "\(explorer)-\(k)" }
}
