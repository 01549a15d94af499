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
    /// then each gradient as rows of space-separated numbers.
    public func writeText(to out: inout some TextOutputStream) {
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

    /// The result as one line of JSON, written while it is encoded.
    public func writeJSON(to out: inout some TextOutputStream) throws {
        let encoder = StreamingJSONEncoder(output: out)
        try encoder.encode(self)
        out = encoder.output
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
            try container.encode(Numbers(values: perSample[...]), forKey: .value)
        } else {
            try container.encode(outcome.value, forKey: .value)
        }
    }

    /// Numbers as a JSON array, element by element.
    struct Numbers: Encodable {
        let values: ArraySlice<Double>
        func encode(to encoder: Encoder) throws {
            var array = encoder.unkeyedContainer()
            for x in values { try array.encode(x) }
        }
    }

    /// One input's gradient: flat for a one-column input, rows otherwise.
    struct Gradient: Encodable {
        let values: ArraySlice<Double>
        let columns: Int
        func encode(to encoder: Encoder) throws {
            guard columns > 1 else { return try Numbers(values: values).encode(to: encoder) }
            var rows = encoder.unkeyedContainer()
            var i = values.startIndex
            while i < values.endIndex {
                var row = rows.nestedUnkeyedContainer()
                for x in values[i..<min(i + columns, values.endIndex)] { try row.encode(x) }
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
