import DataFiles
import LossFunctions

/// Text and JSON renderings of a `lossplot eval` result.
enum EvalOutput {
    static func gradientNames(_ request: EvalRequest) -> [String] {
        switch request.loss.inputKind {
        case .predictions: return ["y_pred"]
        case .pairs: return ["x1", "x2"]
        case .triplets: return ["anchor", "positive", "negative"]
        }
    }

    static func text(request: EvalRequest, outcome: LossOutcome, shapes: [DataMatrix], rows: Int) -> String {
        var out = "\(request.loss.rawValue) (\(request.reduction.rawValue) over \(rows) samples): "
        if let perSample = outcome.perSample {
            out += "\n"
            for x in perSample { out += "\(x)\n" }
        } else {
            out += "\(outcome.value)\n"
        }
        guard outcome.hasGradients else { return out }
        for (k, name) in gradientNames(request).enumerated() {
            out += "gradient d/d\(name):\n"
            let g = outcome.gradient(k), columns = shapes[k].columns
            var i = g.startIndex
            while i < g.endIndex {
                out += g[i..<min(i + columns, g.endIndex)].map { "\($0)" }.joined(separator: " ") + "\n"
                i += columns
            }
        }
        return out
    }

    static func json(request: EvalRequest, outcome: LossOutcome, shapes: [DataMatrix], rows: Int) -> String {
        var out = "{\"loss\": \"\(request.loss.rawValue)\", \"reduction\": \"\(request.reduction.rawValue)\", \"n\": \(rows), \"value\": "
        if let perSample = outcome.perSample {
            append(perSample[...], to: &out)
        } else {
            out += "\(outcome.value)"
        }
        if outcome.hasGradients {
            out += ", \"gradient\": "
            let names = gradientNames(request)
            if request.loss.inputKind == .predictions {
                appendShaped(outcome.gradient(0), matrix: shapes[0], to: &out)
            } else {
                out += "{"
                for (k, name) in names.enumerated() {
                    out += (k > 0 ? ", " : "") + "\"\(name)\": "
                    appendShaped(outcome.gradient(k), matrix: shapes[k], to: &out)
                }
                out += "}"
            }
        }
        out += "}\n"
        return out
    }

    /// A flat array for a vector input, nested rows for a matrix input.
    static func appendShaped(_ values: ArraySlice<Double>, matrix: DataMatrix, to out: inout String) {
        guard matrix.columns > 1 else { return append(values, to: &out) }
        out += "["
        var i = values.startIndex
        while i < values.endIndex {
            if i > values.startIndex { out += ", " }
            append(values[i..<i + matrix.columns], to: &out)
            i += matrix.columns
        }
        out += "]"
    }

    /// Numbers in shortest round-trip form (the library guarantees they are finite).
    static func append(_ values: ArraySlice<Double>, to out: inout String) {
        out += "["
        var first = true
        for x in values {
            if !first { out += ", " }
            first = false
            out += x.description
        }
        out += "]"
    }
}
