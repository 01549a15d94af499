import LossPlotCharts
import LossFunctions

/// The report's parameter explorers: Huber's δ, the quantile q, focal loss's γ and α, and the
/// contrastive and triplet margins. Each frame is one narrow chart (loss above, its gradient with
/// respect to the prediction below), drawn at phone width so one rendering serves every screen;
/// the guide's value is drawn in every frame, dashed grey, for comparison.
enum LossExplorers {
    static let scenarios: [Scenario] = [huber, quantile, focalGamma, focalAlpha, contrastive, triplet]

    /// The explored value's colour (Okabe–Ito blue, 5.1:1 on white) and the guide's (grey, 4.5:1).
    static let explored = Color(hex: 0x0072B2)
    static let guide = Color(hex: 0x767676)
    /// A second explored curve (Okabe–Ito vermillion, 4.0:1), where a frame shows two cases.
    static let second = Color(hex: 0xD55E00)

    /// One curve of a frame: its label, and loss and gradient at each x.
    struct Curve {
        var label: String
        var loss: [Double]
        var gradient: [Double]
        var color: Color
        var dash: LineDash = .solid
        var width = 2.0
    }

    static func frame(title: String, xLabel: String, gradientLabel: String, x: [Double], curves: [Curve],
                      yLimits: ClosedRange<Double>? = nil, description: String) -> Figure {
        var loss = FigureStyle.axes(title: title, xLabel: xLabel, yLabel: "L", titleSize: 11, labelSize: 10, legendSize: 10)
        var gradient = FigureStyle.axes(title: gradientLabel, xLabel: xLabel, yLabel: "∂L/∂ŷ", titleSize: 10, labelSize: 10, legendSize: nil)
        loss.tickFontSize = 10
        gradient.tickFontSize = 10
        for c in curves {
            loss.plot(LineSeries(x: x, y: c.loss, label: c.label, color: c.color, width: c.width, dash: c.dash))
            gradient.plot(LineSeries(x: x, y: c.gradient, label: c.label, color: c.color, width: c.width, dash: c.dash))
        }
        loss.yLimits = yLimits
        gradient.referenceLines.append(.horizontal(0, color: .black, width: 0.8, alpha: 0.4))
        return Figure(widthInches: 3.6, heightInches: 5.6, rows: 2, columns: 1, axes: [loss, gradient],
                      title: title, description: description)
    }

    static func text(_ en: String, _ uk: String, _ language: Language) -> String { LocalizedText(en: en, uk: uk)(language) }
    static func f(_ v: Double) -> String { ParameterExplorer.format(v) }

    /// An elementwise loss's curves against the residual r = y − ŷ (ŷ = 0, y = r).
    static func residualCurve<L: ElementwiseLoss>(_ loss: L, _ r: [Double], label: String, color: Color, dash: LineDash = .solid, width: Double = 2) -> Curve {
        Curve(label: label, loss: r.map { loss.term($0, 0) }, gradient: r.map { loss.termDerivative($0, 0) }, color: color, dash: dash, width: width)
    }

    static let huber = Scenario(
        id: "explore-huber", title: LocalizedText(en: "Explore Huber's δ", uk: "Дослідіть δ у Huber"),
        section: .regression, origin: .addition,
        explorer: ParameterExplorer(
            title: LocalizedText(en: "Huber loss: the switch point δ", uk: "Huber loss: точка переходу δ"), symbol: "δ",
            values: [0.5, 1, 1.5, 2, 3], guideValue: HuberFigure.delta) { language, delta in
            let r = linspace(-4, 4, 201)
            var curves = [residualCurve(HuberLoss(delta: delta), r, label: "δ = \(f(delta))", color: explored, width: 2.5)]
            if delta != HuberFigure.delta {
                curves.append(residualCurve(HuberLoss(delta: HuberFigure.delta), r, label: text("guide: δ = ", "посібник: δ = ", language) + f(HuberFigure.delta),
                                            color: guide, dash: .dashed, width: 1.5))
            }
            return frame(title: "Huber, δ = \(f(delta))", xLabel: text("residual r = y − ŷ", "залишок r = y − ŷ", language),
                         gradientLabel: text("gradient: −r inside ±δ, ∓δ outside", "градієнт: −r у межах ±δ, ∓δ поза ними", language),
                         x: r, curves: curves, yLimits: 0...8,
                         description: text("Huber loss with δ = \(f(delta)) against the residual from −4 to 4, and its gradient with respect to the prediction, which is capped at ±\(f(delta)).",
                                           "Huber loss з δ = \(f(delta)) залежно від залишку від −4 до 4 і її градієнт за передбаченням, обмежений ±\(f(delta)).", language))
        })

    /// The guide names quantile loss without a value: the explorer starts at the median, 0.5
    /// (half the absolute error), drawn in the other frames for reference.
    static let quantileGuide = 0.5
    static let quantile = Scenario(
        id: "explore-quantile", title: LocalizedText(en: "Explore the quantile q", uk: "Дослідіть квантиль q"),
        section: .regression, origin: .addition,
        explorer: ParameterExplorer(
            title: LocalizedText(en: "Quantile loss: the quantile q", uk: "Quantile loss: квантиль q"), symbol: "q",
            values: [0.1, 0.25, 0.5, 0.75, 0.9], guideValue: nil, startValue: quantileGuide) { language, q in
            let r = linspace(-4, 4, 201)
            var curves = [residualCurve(QuantileLoss(quantile: q), r, label: "q = \(f(q))", color: explored, width: 2.5)]
            if q != quantileGuide {
                curves.append(residualCurve(QuantileLoss(quantile: quantileGuide), r, label: "q = \(f(quantileGuide)) (½·MAE)", color: guide, dash: .dashed, width: 1.5))
            }
            return frame(title: "Quantile, q = \(f(q))", xLabel: text("residual r = y − ŷ", "залишок r = y − ŷ", language),
                         gradientLabel: text("gradient: −q above, 1 − q below", "градієнт: −q вище, 1 − q нижче", language),
                         x: r, curves: curves, yLimits: 0...4,
                         description: text("Pinball loss for q = \(f(q)): slope q for under-prediction (r > 0) and 1 − q for over-prediction, and its gradient with respect to the prediction, −q or 1 − q.",
                                           "Pinball loss для q = \(f(q)): нахил q для заниженого прогнозу (r > 0) і 1 − q для завищеного, та її градієнт за передбаченням, −q або 1 − q.", language))
        })

    static let focalGammaGuide = 2.0, focalAlphaGuide = 0.25
    /// Focal loss of a positive example (y = 1) against the predicted probability p.
    static func focalCurve(gamma: Double, alpha: Double, y: Double, _ p: [Double], label: String, color: Color, dash: LineDash = .solid, width: Double = 2) -> Curve {
        let loss = FocalLoss(gamma: gamma, alpha: alpha)
        return Curve(label: label, loss: p.map { loss.term(y, $0) }, gradient: p.map { loss.termDerivative(y, $0) }, color: color, dash: dash, width: width)
    }

    static let focalGamma = Scenario(
        id: "explore-focal-gamma", title: LocalizedText(en: "Explore focal loss's γ", uk: "Дослідіть γ у focal loss"),
        section: .advanced, origin: .addition,
        explorer: ParameterExplorer(
            title: LocalizedText(en: "Focal loss: the focusing parameter γ (α = 0.25)", uk: "Focal loss: параметр фокусування γ (α = 0.25)"), symbol: "γ",
            values: [0, 0.5, 1, 2, 5], guideValue: focalGammaGuide) { language, gamma in
            let p = linspace(0.02, 0.99, 200)
            var curves = [focalCurve(gamma: gamma, alpha: focalAlphaGuide, y: 1, p, label: "γ = \(f(gamma))", color: explored, width: 2.5)]
            if gamma != focalGammaGuide {
                curves.append(focalCurve(gamma: focalGammaGuide, alpha: focalAlphaGuide, y: 1, p, label: text("guide: γ = ", "посібник: γ = ", language) + f(focalGammaGuide),
                                         color: guide, dash: .dashed, width: 1.5))
            }
            return frame(title: "Focal, γ = \(f(gamma)), y = 1", xLabel: text("predicted probability p of the true class", "передбачена ймовірність p істинного класу", language),
                         gradientLabel: text("gradient with respect to p", "градієнт за p", language),
                         x: p, curves: curves, yLimits: 0...1,
                         description: text("Focal loss of a positive example with γ = \(f(gamma)) and α = 0.25 against the predicted probability from 0.02 to 0.99, and its gradient: the larger γ, the less a well-classified example (high p) counts.",
                                           "Focal loss позитивного прикладу з γ = \(f(gamma)) і α = 0.25 залежно від передбаченої ймовірності від 0.02 до 0.99 та її градієнт: що більше γ, то менше важить добре класифікований приклад (велике p).", language))
        })

    static let focalAlpha = Scenario(
        id: "explore-focal-alpha", title: LocalizedText(en: "Explore focal loss's α", uk: "Дослідіть α у focal loss"),
        section: .advanced, origin: .addition,
        explorer: ParameterExplorer(
            title: LocalizedText(en: "Focal loss: the class weight α (γ = 2)", uk: "Focal loss: вага класу α (γ = 2)"), symbol: "α",
            values: [0.1, 0.25, 0.5, 0.75, 0.9], guideValue: focalAlphaGuide) { language, alpha in
            let p = linspace(0.01, 0.99, 200)
            let curves = [
                focalCurve(gamma: focalGammaGuide, alpha: alpha, y: 1, p, label: text("positive (y = 1), weight α", "позитивний (y = 1), вага α", language), color: explored, width: 2.5),
                focalCurve(gamma: focalGammaGuide, alpha: alpha, y: 0, p, label: text("negative (y = 0), weight 1 − α", "негативний (y = 0), вага 1 − α", language), color: second, dash: .dashed, width: 2.5),
            ]
            return frame(title: "Focal, α = \(f(alpha)), γ = 2", xLabel: text("predicted probability p of class 1", "передбачена ймовірність p класу 1", language),
                         gradientLabel: text("gradient with respect to p", "градієнт за p", language),
                         x: p, curves: curves, yLimits: 0...2,
                         description: text("Focal loss with α = \(f(alpha)) and γ = 2 of a positive and a negative example against the predicted probability of class 1, and the gradients: α weighs the positive class, 1 − α the negative.",
                                           "Focal loss з α = \(f(alpha)) і γ = 2 позитивного й негативного прикладів залежно від передбаченої ймовірності класу 1 та градієнти: α — вага позитивного класу, 1 − α — негативного.", language))
        })

    static let contrastive = Scenario(
        id: "explore-contrastive", title: LocalizedText(en: "Explore the contrastive margin", uk: "Дослідіть margin у contrastive loss"),
        section: .advanced, origin: .addition,
        explorer: ParameterExplorer(
            title: LocalizedText(en: "Contrastive loss: the margin m", uk: "Contrastive loss: margin m"), symbol: "m",
            values: [0.5, 1, 2, 3], guideValue: ContrastiveExample.margin) { language, margin in
            let d = linspace(0.001, 4, 200)
            do {
                func curve(_ label: Double, _ m: Double) throws -> (loss: [Double], gradient: [Double]) {
                    // Per pair: the losses unreduced, the gradients of their sum (each pair's own).
                    let loss = ContrastiveLoss(margin: m)
                    let each = try loss.evaluate(x1: d.map { _ in [0] }, x2: d.map { [$0] }, labels: d.map { _ in label }, reduction: .none, gradient: false)
                    let sum = try loss.evaluate(x1: d.map { _ in [0] }, x2: d.map { [$0] }, labels: d.map { _ in label }, reduction: .sum, gradient: true)
                    return (each.perSample ?? [], sum.gradients?[1] ?? [])
                }
                let dissimilar = try curve(1, margin), guideCurve = try curve(1, ContrastiveExample.margin), similar = try curve(0, margin)
                var curves = [
                    Curve(label: text("dissimilar pair, m = ", "різна пара, m = ", language) + f(margin), loss: dissimilar.loss, gradient: dissimilar.gradient, color: explored, width: 2.5),
                    Curve(label: text("similar pair", "схожа пара", language), loss: similar.loss, gradient: similar.gradient, color: second, dash: .dashDot, width: 1.5),
                ]
                if margin != ContrastiveExample.margin {
                    curves.append(Curve(label: text("guide: m = ", "посібник: m = ", language) + f(ContrastiveExample.margin), loss: guideCurve.loss,
                                        gradient: guideCurve.gradient, color: guide, dash: .dashed, width: 1.5))
                }
                return frame(title: text("Contrastive, m = ", "Contrastive, m = ", language) + f(margin),
                             xLabel: text("distance D between embeddings", "відстань D між ембедингами", language),
                             gradientLabel: text("gradient with respect to D", "градієнт за D", language),
                             x: d, curves: curves, yLimits: 0...4.5,
                             description: text("Contrastive loss with margin \(f(margin)) against the distance D: a dissimilar pair costs ½·max(0, m − D)² and stops being pushed once D reaches m; a similar pair costs ½·D² at any distance.",
                                               "Contrastive loss з margin \(f(margin)) залежно від відстані D: різна пара коштує ½·max(0, m − D)² і перестає відштовхуватися, щойно D сягає m; схожа пара коштує ½·D² на будь-якій відстані.", language))
            } catch {
                return FigureStyle.failure("\(error)", width: 3.6, height: 5.6)
            }
        })

    /// The anchor–positive distance the triplet frames hold fixed.
    static let tripletPositiveDistance = 1.0
    static let triplet = Scenario(
        id: "explore-triplet", title: LocalizedText(en: "Explore the triplet margin", uk: "Дослідіть margin у triplet loss"),
        section: .advanced, origin: .addition,
        explorer: ParameterExplorer(
            title: LocalizedText(en: "Triplet loss: the margin m (d(a, p) = 1)", uk: "Triplet loss: margin m (d(a, p) = 1)"), symbol: "m",
            values: [0.2, 0.5, 1, 2], guideValue: TripletExample.margin) { language, margin in
            let dn = linspace(0.001, 4, 200)
            do {
                func curve(_ m: Double) throws -> (loss: [Double], gradient: [Double]) {
                    let loss = TripletLoss(margin: m)
                    let anchor = dn.map { _ in [0.0] }, positive = dn.map { _ in [tripletPositiveDistance] }, negative = dn.map { [$0] }
                    let each = try loss.evaluate(anchor: anchor, positive: positive, negative: negative, reduction: .none, gradient: false)
                    let sum = try loss.evaluate(anchor: anchor, positive: positive, negative: negative, reduction: .sum, gradient: true)
                    return (each.perSample ?? [], sum.gradients?[2] ?? [])
                }
                let mine = try curve(margin), guideCurve = try curve(TripletExample.margin)
                var curves = [Curve(label: "m = \(f(margin))", loss: mine.loss, gradient: mine.gradient, color: explored, width: 2.5)]
                if margin != TripletExample.margin {
                    curves.append(Curve(label: text("guide: m = ", "посібник: m = ", language) + f(TripletExample.margin), loss: guideCurve.loss,
                                        gradient: guideCurve.gradient, color: guide, dash: .dashed, width: 1.5))
                }
                return frame(title: "Triplet, m = \(f(margin))",
                             xLabel: text("distance to the negative d(a, n)", "відстань до негативного d(a, n)", language),
                             gradientLabel: text("gradient with respect to the negative", "градієнт за негативним прикладом", language),
                             x: dn, curves: curves, yLimits: 0...3.5,
                             description: text("Triplet loss max(0, d(a, p) − d(a, n) + m) with margin \(f(margin)) and the positive at distance 1, against the distance to the negative: it is zero once the negative is m farther than the positive.",
                                               "Triplet loss max(0, d(a, p) − d(a, n) + m) з margin \(f(margin)) і позитивним прикладом на відстані 1 залежно від відстані до негативного: вона нульова, щойно негативний приклад далі за позитивний на m.", language))
            } catch {
                return FigureStyle.failure("\(error)", width: 3.6, height: 5.6)
            }
        })
}
