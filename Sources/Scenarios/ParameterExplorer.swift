import LossPlotCharts

/// A loss's parameter to explore: a few values of it, the one the guide uses, and the chart of
/// the loss and its gradient at each value (a "frame"). The report shows the frames behind a row
/// of radio buttons, one checked at a time, switched by CSS alone.
public struct ParameterExplorer: Sendable {
    /// What is explored, for the radio group's legend: "Huber loss: δ".
    public var title: LocalizedText
    /// The parameter's symbol, for each button: "δ".
    public var symbol: String
    public var values: [Double]
    /// The value the guide uses (one of `values`), marked on its button and drawn in every frame;
    /// nil when the guide gives none.
    public var guideValue: Double?
    /// The value checked first: the guide's, else a reference value the frames draw instead.
    public var startValue: Double
    /// The chart of the loss and its gradient at a value, in a language.
    public var frame: @Sendable (Language, Double) -> Figure

    public init(title: LocalizedText, symbol: String, values: [Double], guideValue: Double?, startValue: Double? = nil,
                frame: @escaping @Sendable (Language, Double) -> Figure) {
        self.title = title; self.symbol = symbol; self.values = values; self.guideValue = guideValue
        self.startValue = startValue ?? guideValue ?? values.first ?? 0
        self.frame = frame
    }

    /// A value as the buttons and charts print it ("0.25", "2").
    public static func format(_ v: Double) -> String { Python.literal(v) }
}
