/// A message for a user whose mentions of things a caller names in its own terms (a loss's input,
/// an option) are kept apart from its text: the libraries say "has 2 values but \(term: y_true)
/// has 3", and the command line shows the term as its flag, "--y-true".
///
/// Written as a string literal: `\(term: x)` marks a mention, any other interpolation is plain text
/// as in a `String`. Each library has its own `Term` type and sugar for it (`\(input: .yTrue)`).
public struct Phrase<Term: Hashable & Sendable & CustomStringConvertible>: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringInterpolation {
    /// A run of text or a mention.
    public enum Part: Sendable, Hashable {
        case text(String)
        case term(Term)
    }

    /// The message in order; adjacent text is one part, so equal messages have equal parts.
    public private(set) var parts: [Part]

    public init(_ parts: [Part]) {
        var interpolation = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        for part in parts { interpolation.append(part) }
        self.parts = interpolation.parts
    }

    public init(stringLiteral text: String) { self.init([.text(text)]) }

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

    /// The text with each mention under its own name (the term's description).
    public var description: String { rendered(naming: \.description) }

    /// One message followed by another.
    public static func + (first: Phrase, second: Phrase) -> Phrase { Phrase(first.parts + second.parts) }

    /// Builds a message from a literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
        public private(set) var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { append(.text(literal)) }

        /// Any value as `String(describing:)` writes it, as in a `String` literal.
        public mutating func appendInterpolation<T>(_ value: T) { append(.text(String(describing: value))) }

        /// A mention.
        public mutating func appendInterpolation(term: Term) { append(.term(term)) }

        /// Another message, mentions kept.
        public mutating func appendInterpolation(_ phrase: Phrase) { phrase.parts.forEach { append($0) } }

        /// Appends a part, joining adjacent text.
        public mutating func append(_ part: Part) {
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
