import LossFunctions

/// How an evaluation's result is written.
public enum EvaluationFormat: String, CaseIterable, Sendable {
    case text, json
}

/// What an evaluation computed, ready to be written: as text (`writeText(to:)`) or as JSON
/// (`Encodable`: `{"gradient": ..., "loss": "mse", "n": 4, "reduction": "mean", "value": 0.13}`,
/// keys in order; the gradient is a flat array for a one-column input, rows otherwise, and an
/// object by input for pairs and triplets).
public struct EvaluationResult: Sendable {
    public let loss: LossName
    public let reduction: Reduction
    /// Number of samples (rows of the first input).
    public let samples: Int
    public let outcome: LossOutcome
    /// The inputs the gradients are with respect to, in `outcome`'s order.
    public let differentiated: [InputSlot]
    /// Values per row of each differentiated input.
    public let gradientColumns: [Int]

    public init(loss: LossName, reduction: Reduction, samples: Int, outcome: LossOutcome,
                differentiated: [InputSlot], gradientColumns: [Int]) {
        self.loss = loss
        self.reduction = reduction
        self.samples = samples
        self.outcome = outcome
        self.differentiated = differentiated
        self.gradientColumns = gradientColumns
    }

    /// The result as text: a heading line with the value (or one line per sample for `.none`),
    /// then each gradient as rows of space-separated numbers; handed to `sink` in chunks.
    public func writeText(to sink: @escaping (String) -> Void) {
        var out = TextChunks(sink: sink)
        defer { out.flush() }
        out.write("\(loss.rawValue) (\(reduction.rawValue) over \(samples) samples): ")
        if let perSample = outcome.perSample {
            out.write("\n")
            for x in perSample { out.write(x.description); out.write("\n") }
        } else {
            out.write("\(outcome.value)\n")
        }
        guard outcome.hasGradients else { return }
        for (k, slot) in differentiated.enumerated() {
            out.write("gradient d/d\(slot.jsonKey):\n")
            let g = outcome.gradient(k), columns = gradientColumns[k]
            for (j, x) in g.enumerated() {
                out.write(x.description)
                out.write(j % columns == columns - 1 || j == g.count - 1 ? "\n" : " ")
            }
        }
    }

    /// The result as one line of JSON, handed to `sink` in chunks while it is encoded.
    public func writeJSON(to sink: @escaping (String) -> Void) throws {
        try StreamingJSONEncoder(sink: sink).encode(self)
    }
}

extension EvaluationResult: Encodable {
    // In ascending order, as the streaming encoder requires.
    enum CodingKeys: String, CodingKey {
        case gradient, loss, n, reduction, value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if outcome.hasGradients {
            if loss.inputKind == .predictions {
                try container.encode(Gradient(values: outcome.gradient(0), columns: gradientColumns[0]), forKey: .gradient)
            } else {
                try container.encode(GradientsByInput(result: self), forKey: .gradient)
            }
        }
        try container.encode(loss.rawValue, forKey: .loss)
        try container.encode(samples, forKey: .n)
        try container.encode(reduction.rawValue, forKey: .reduction)
        if let perSample = outcome.perSample {
            try container.encode(JSONNumbers(perSample[...]), forKey: .value)
        } else {
            try container.encode(outcome.value, forKey: .value)
        }
    }

    /// One input's gradient: flat for a one-column input, rows otherwise.
    struct Gradient: Encodable {
        let values: ArraySlice<Double>
        let columns: Int
        func encode(to encoder: Encoder) throws {
            guard columns > 1 else { return try JSONNumbers(values).encode(to: encoder) }
            var rows = encoder.unkeyedContainer()
            var i = values.startIndex
            while i < values.endIndex {
                try rows.encode(JSONNumbers(values[i..<min(i + columns, values.endIndex)]))
                i += columns
            }
        }
    }

    /// The gradients of pairs and triplets, keyed by input, keys in ascending order.
    struct GradientsByInput: Encodable {
        let result: EvaluationResult
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: AnyKey.self)
            let order = result.differentiated.indices.sorted { result.differentiated[$0].jsonKey < result.differentiated[$1].jsonKey }
            for k in order {
                try object.encode(Gradient(values: result.outcome.gradient(k), columns: result.gradientColumns[k]),
                                  forKey: AnyKey(result.differentiated[k].jsonKey))
            }
        }
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
