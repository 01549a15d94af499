/// Why a Regression routine refused its input.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An argument outside its documented domain (counts, fractions, seeds, penalties).
    case invalidArgument(String)
    /// Shapes that do not fit together (rows vs targets, columns vs coefficients).
    case dimensionMismatch(String)
    /// NaN or infinity in the input.
    case nonFiniteInput(String)
    /// A linear system without a unique solution (collinear or constant columns).
    case singularSystem(String)
    /// `predict` called before `fit`.
    case notFitted

    public var description: String {
        switch self {
        case .invalidArgument(let why): return "invalid argument: \(why)"
        case .dimensionMismatch(let why): return "dimension mismatch: \(why)"
        case .nonFiniteInput(let why): return "non-finite input: \(why)"
        case .singularSystem(let why): return "singular system: \(why)"
        case .notFitted: return "the model has not been fitted"
        }
    }
}
