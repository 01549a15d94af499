import LossPlotCharts
import LossFunctions

/// Beyond the document, which describes log-cosh as "a smoother MAE that acts like MSE for
/// small errors" without a plot: log-cosh beside MSE and Huber (δ = 1).
enum LogCoshFigure {
    static let scenario = Scenario(
        id: "log-cosh",
        title: LocalizedText(en: "Log-cosh beside MSE and Huber", uk: "Log-Cosh поруч із MSE і Huber"),
        section: .regression,
        origin: .addition,
        figure: { make($0) }
    )

    static func make(_ language: Language) -> Figure {
        let errors = linspace(-5, 5, 1000)
        var ax = FigureStyle.axes(language, title: LocalizedText(en: "Log-Cosh Loss: Smooth like MSE, Robust like MAE",
                                                                 uk: "Log-Cosh: гладка, як MSE, стійка, як MAE"),
                                  xLabel: FigureStyle.error)
        ax.plot(LineSeries(x: errors, y: lossCurve(MeanSquaredError(), errors: errors), label: "MSE", color: FigureStyle.palette[0].color, width: 2, dash: FigureStyle.palette[0].dash))
        ax.plot(LineSeries(x: errors, y: lossCurve(HuberLoss(delta: 1), errors: errors), label: "Huber (δ=1.0)",
                           color: FigureStyle.palette[1].color, width: 2, dash: FigureStyle.palette[1].dash))
        ax.plot(LineSeries(x: errors, y: lossCurve(LogCoshLoss(), errors: errors), label: "Log-Cosh",
                           color: FigureStyle.palette[3].color, width: 3))
        ax.yLimits = 0...5
        // Huber and log-cosh run within 0.2 of each other: each line named at its left end,
        // where the chart is empty.
        FigureStyle.labelLineEnds(&ax, atLeft: true)
        let small = LocalizedText(en: "small errors:\nlog cosh e ≈ e²/2", uk: "малі помилки:\nlog cosh e ≈ e²/2")
        let large = LocalizedText(en: "large errors:\nlog cosh e ≈ |e| − log 2", uk: "великі помилки:\nlog cosh e ≈ |e| − log 2")
        let near = 0.8, far = 4.0
        ax.annotate(FigureStyle.note(small(language), at: (near, LogCoshLoss().term(near, 0)), text: (2.4, 0.9),
                                     fill: .lavender, arrow: FigureStyle.palette[3].color))
        ax.annotate(FigureStyle.note(large(language), at: (far, LogCoshLoss().term(far, 0)), text: (2.2, 4.3),
                                     fill: .lavender, arrow: FigureStyle.palette[3].color))
        let description = LocalizedText(
            en: "Log-cosh (purple) beside MSE and Huber with δ = 1 (green): it follows e²/2 near zero like Huber, grows like |e| − log 2 for large errors, and is smooth everywhere.",
            uk: "Log-cosh (фіолетова) поруч із MSE і Huber з δ = 1 (зелена): біля нуля вона йде як e²/2, як і Huber, для великих помилок росте як |e| − log 2 і гладка всюди.")
        return FigureStyle.figure(12, 6, ax, description: description(language))
    }
}
