import LossFunctions

/// A parameter a loss takes, by its Swift label (as messages mention it: `LossTerm.parameter`).
public enum LossParameter: String, CaseIterable, Sendable {
    case delta, quantile, alpha, gamma, lambda, margin, epsilon, fromLogits

    /// The values allowed and how a message states the rule; nil for the `fromLogits` switch.
    var rule: (accepts: @Sendable (Double) -> Bool, says: String)? {
        switch self {
        case .delta, .margin: return ({ $0 > 0 }, "positive")
        case .quantile: return ({ $0 > 0 && $0 < 1 }, "in (0, 1)")
        case .alpha: return ({ $0 >= 0 && $0 <= 1 }, "in [0, 1]")
        case .gamma, .lambda: return ({ $0 >= 0 }, "non-negative")
        case .epsilon: return ({ $0 > 0 && $0 < 0.5 }, "in (0, 0.5)")
        case .fromLogits: return nil
        }
    }
}

/// Options of an evaluation beyond the loss's parameters, by their Swift labels (as messages
/// mention them).
public enum EvaluationOption {
    /// Balanced class weights.
    public static let classWeight = "classWeight"
}

/// A loss's parameters for one evaluation; nil means the loss's default.
public struct LossOptions: Sendable, Equatable {
    public var delta: Double?
    public var quantile: Double?
    public var alpha: Double?
    public var gamma: Double?
    public var lambda: Double?
    public var margin: Double?
    public var epsilon: Double?
    public var fromLogits = false

    public init(delta: Double? = nil, quantile: Double? = nil, alpha: Double? = nil, gamma: Double? = nil,
                lambda: Double? = nil, margin: Double? = nil, epsilon: Double? = nil, fromLogits: Bool = false) {
        self.delta = delta
        self.quantile = quantile
        self.alpha = alpha
        self.gamma = gamma
        self.lambda = lambda
        self.margin = margin
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    /// The value given for a numeric parameter (nil for `fromLogits`).
    public func value(of parameter: LossParameter) -> Double? {
        switch parameter {
        case .delta: return delta
        case .quantile: return quantile
        case .alpha: return alpha
        case .gamma: return gamma
        case .lambda: return lambda
        case .margin: return margin
        case .epsilon: return epsilon
        case .fromLogits: return nil
        }
    }

    /// Refuses parameters the loss does not take and values outside their ranges (usage errors),
    /// the first problem in the order of `LossParameter.allCases`.
    public func validate(for loss: LossName) throws(EvaluationError) {
        for parameter in LossParameter.allCases {
            let given = parameter == .fromLogits ? fromLogits : value(of: parameter) != nil
            if given && !loss.parameters.contains(parameter) {
                throw .usage("\(parameter: parameter.rawValue): does not apply to \(loss.rawValue)")
            }
            if let value = value(of: parameter), !value.isFinite {
                throw .usage("\(parameter: parameter.rawValue): \(value) is not a finite number")
            }
        }
        for parameter in LossParameter.allCases {
            guard let value = value(of: parameter), let rule = parameter.rule, !rule.accepts(value) else { continue }
            throw .usage("\(parameter: parameter.rawValue): \(value) must be \(rule.says)")
        }
    }
}
