/// Why a batch of inputs cannot be evaluated: which input, which sample (0-based), and what is wrong.
///
/// The command-line layer turns `input` and `sample` into a file name and line number.
public struct LossInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The argument an offending value came from.
    public enum Input: String, Sendable, Equatable {
        case yTrue = "y-true", yPred = "y-pred", weights
        case x1, x2, labels, anchor, positive, negative
    }

    /// The input holding the bad value (nil when the problem is not tied to one input).
    public let input: Input?
    /// 0-based sample (row) index of the bad value, when there is one.
    public let sample: Int?
    /// What is wrong, without the location.
    public let message: String

    public init(_ input: Input?, sample: Int?, _ message: String) {
        self.input = input
        self.sample = sample
        self.message = message
    }

    public var description: String {
        var location = ""
        if let input { location += "--\(input.rawValue)" }
        if let sample { location += (location.isEmpty ? "" : " ") + "sample \(sample)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
