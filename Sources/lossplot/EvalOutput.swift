import DataFiles
import LossFunctions

/// Text and JSON renderings of a `lossplot eval` result, written piece by piece to a stream (a
/// gradient of 10^7 values is 200 MB of text: it goes out in buffered chunks, never held whole).
enum EvalOutput {
    static func gradientNames(_ request: EvalRequest) -> [String] {
        switch request.loss.inputKind {
        case .predictions: return ["y_pred"]
        case .pairs: return ["x1", "x2"]
        case .triplets: return ["anchor", "positive", "negative"]
        }
    }

    static func text(request: EvalRequest, outcome: LossOutcome, shapes: [DataMatrix], rows: Int, to out: inout some TextOutputStream) {
        out.write("\(request.loss.rawValue) (\(request.reduction.rawValue) over \(rows) samples): ")
        if let perSample = outcome.perSample {
            out.write("\n")
            for x in perSample { out.write(x.description); out.write("\n") }
        } else {
            out.write("\(outcome.value)\n")
        }
        guard outcome.hasGradients else { return }
        for (k, name) in gradientNames(request).enumerated() {
            out.write("gradient d/d\(name):\n")
            let g = outcome.gradient(k), columns = shapes[k].columns
            for (j, x) in g.enumerated() {
                out.write(x.description)
                out.write(j % columns == columns - 1 || j == g.count - 1 ? "\n" : " ")
            }
        }
    }

    static func json(request: EvalRequest, outcome: LossOutcome, shapes: [DataMatrix], rows: Int, to out: inout some TextOutputStream) {
        out.write("{\"loss\": \"\(request.loss.rawValue)\", \"reduction\": \"\(request.reduction.rawValue)\", \"n\": \(rows), \"value\": ")
        if let perSample = outcome.perSample {
            append(perSample[...], to: &out)
        } else {
            out.write(jsonNumber(outcome.value))
        }
        if outcome.hasGradients {
            out.write(", \"gradient\": ")
            let names = gradientNames(request)
            if request.loss.inputKind == .predictions {
                appendShaped(outcome.gradient(0), matrix: shapes[0], to: &out)
            } else {
                out.write("{")
                for (k, name) in names.enumerated() {
                    out.write((k > 0 ? ", " : "") + "\"\(name)\": ")
                    appendShaped(outcome.gradient(k), matrix: shapes[k], to: &out)
                }
                out.write("}")
            }
        }
        out.write("}\n")
    }

    /// A flat array for a vector input, nested rows for a matrix input.
    static func appendShaped(_ values: ArraySlice<Double>, matrix: DataMatrix, to out: inout some TextOutputStream) {
        guard matrix.columns > 1 else { return append(values, to: &out) }
        out.write("[")
        var i = values.startIndex
        while i < values.endIndex {
            if i > values.startIndex { out.write(", ") }
            append(values[i..<i + matrix.columns], to: &out)
            i += matrix.columns
        }
        out.write("]")
    }

    /// Numbers in shortest round-trip form.
    static func append(_ values: ArraySlice<Double>, to out: inout some TextOutputStream) {
        out.write("[")
        var first = true
        for x in values {
            if !first { out.write(", ") }
            first = false
            out.write(jsonNumber(x))
        }
        out.write("]")
    }

    /// A JSON number in shortest round-trip form. The losses refuse results that are not finite, so
    /// `null` never appears in practice; it stands in so that the output is JSON whatever happens
    /// (Swift would write `inf` and `nan`, which no JSON reader takes).
    static func jsonNumber(_ x: Double) -> String {
        x.isFinite ? x.description : "null"
    }
}
