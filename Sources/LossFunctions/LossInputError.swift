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

/// A message whose mentions of inputs and parameters are kept apart from its text, so that the
/// caller names them: "has 2 values but \(input: .yTrue) has 3" reads "... but y_true has 3" by
/// default and "... but --y-true has 3" on the command line.
///
/// Written as a string literal; `\(input:)` and `\(parameter:)` mark the mentions, any other
/// interpolation is plain text as in a `String`.
public struct LossMessage: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// What a message mentions: an input, or a parameter by its Swift label (`fromLogits`).
    public enum Term: Sendable, Hashable {
        case input(LossInputError.Input)
        case parameter(String)

        /// The input's own name, or the parameter's label.
        public var name: String {
            switch self {
            case .input(let input): return input.rawValue
            case .parameter(let label): return label
            }
        }
    }

    /// A run of text or a mention.
    public enum Part: Sendable, Hashable {
        case text(String)
        case term(Term)
    }

    /// The message in order.
    public private(set) var parts: [Part]

    public init(_ parts: [Part]) {
        var interpolation = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        for part in parts { interpolation.append(part) }
        self.parts = interpolation.parts
    }

    public init(stringLiteral text: String) { parts = text.isEmpty ? [] : [.text(text)] }

    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// The text with each mention named by `name`.
    public func rendered(naming name: (Term) -> String) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .term(let term): out += name(term)
            }
        }
        return out
    }

    /// The text with mentions under their own names.
    public var description: String { rendered(naming: \.name) }

    /// `prefix` followed by the message.
    public static func + (prefix: LossMessage, message: LossMessage) -> LossMessage {
        LossMessage(prefix.parts + message.parts)
    }

    /// Builds a message from a literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { append(.text(literal)) }

        /// Any value as `String(describing:)` writes it, as in a `String` literal.
        public mutating func appendInterpolation<T>(_ value: T) { append(.text(String(describing: value))) }

        /// A mention of an input.
        public mutating func appendInterpolation(input: LossInputError.Input) { parts.append(.term(.input(input))) }

        /// A mention of a parameter, by its Swift label.
        public mutating func appendInterpolation(parameter label: String) { parts.append(.term(.parameter(label))) }

        /// Another message, mentions kept.
        public mutating func appendInterpolation(_ message: LossMessage) { message.parts.forEach { append($0) } }

        /// Appends a part, joining adjacent text, so that equal messages have equal parts.
        mutating func append(_ part: Part) {
            guard case .text(let text) = part else { return parts.append(part) }
            guard !text.isEmpty else { return }
            if case .text(let previous)? = parts.last {
                parts[parts.count - 1] = .text(previous + text)
            } else {
                parts.append(part)
            }
        }
    }
}
