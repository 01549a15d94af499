import LossFunctions

/// Why an evaluation cannot run: the request itself is wrong (usage), or the data is (a file that
/// cannot be read, a value outside a loss's domain, shapes that differ). The message mentions
/// inputs and options as terms (`LossMessage`), for the caller to name; file locations are text.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whose fault it is.
    public enum Kind: Sendable, Equatable {
        /// The request: an option or input the loss does not take, a value out of range.
        case usage
        /// The data files.
        case data
    }

    public let kind: Kind
    public let message: LossMessage

    public init(_ kind: Kind, _ message: LossMessage) {
        self.kind = kind
        self.message = message
    }

    /// A usage error.
    public static func usage(_ message: LossMessage) -> EvaluationError { EvaluationError(.usage, message) }

    /// A data error.
    public static func data(_ message: LossMessage) -> EvaluationError { EvaluationError(.data, message) }

    /// The message with inputs and options under their own names.
    public var description: String { message.description }
}
