import Phrasing
/// Why a batch of inputs cannot be evaluated: which input, which sample (0-based), and what is wrong.
///
/// The losses know their inputs and parameters, not how a caller spells them: a caller turns
/// `input` and `sample` into a file name and line number, and names the inputs and parameters a
/// message mentions in its own terms (`LossMessage.rendered(naming:)`; the command line as flags).
public struct LossInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input of a loss, by the name the loss's formula gives it.
    public enum Input: String, Sendable, Equatable, CaseIterable {
        case yTrue = "y_true", yPred = "y_pred", weights
        case x1, x2, labels, anchor, positive, negative
    }

    /// The input holding the bad value (nil when the problem is not tied to one input).
    public let input: Input?
    /// 0-based sample (row) index of the bad value, when there is one.
    public let sample: Int?
    /// What is wrong, without the location.
    public let message: LossMessage

    public init(_ input: Input?, sample: Int?, _ message: LossMessage) {
        self.input = input
        self.sample = sample
        self.message = message
    }

    /// "y_pred sample 3: message", inputs and parameters under their own names.
    public var description: String {
        var location = ""
        if let input { location += input.rawValue }
        if let sample { location += (location.isEmpty ? "" : " ") + "sample \(sample)" }
        return location.isEmpty ? message.description : "\(location): \(message)"
    }
}

/// What a loss's message mentions: an input, or a parameter by its Swift label (`fromLogits`).
public enum LossTerm: Sendable, Hashable, CustomStringConvertible {
    case input(LossInputError.Input)
    case parameter(String)

    /// The input's own name (`y_true`), or the parameter's label.
    public var description: String {
        switch self {
        case .input(let input): return input.rawValue
        case .parameter(let label): return label
        }
    }
}

/// A message about a loss's inputs or parameters, with the names left to the caller:
/// "has 2 values but \(input: .yTrue) has 3" reads "... but y_true has 3" by default and
/// "... but --y-true has 3" on the command line.
public typealias LossMessage = Phrase<LossTerm>

extension Phrase.StringInterpolation where Term == LossTerm {
    /// A mention of an input.
    public mutating func appendInterpolation(input: LossInputError.Input) { append(.term(.input(input))) }

    /// A mention of a parameter, by its Swift label.
    public mutating func appendInterpolation(parameter label: String) { append(.term(.parameter(label))) }
}
