import Yams

/// Hyperparameters as text, flattened the one way every reader does it.
///
/// Nested keys are joined with `.` (`optimizer.name`), list items by index (`betas.0`). YAML
/// scalars keep the text as written (`1e-3` stays `1e-3`); nulls are left out. JSON numbers that
/// are whole and below 10^16 are written without a decimal point (`4`, not `4.0`), others in
/// their shortest exact form (`5e-05`); booleans as `true`/`false`.
enum RunParams {
    /// The most params one run keeps: a YAML file's aliases can make a small file a huge tree.
    static let maximumCount = 10_000

    /// A JSON number as a param.
    static func text(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e16 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON scalar as a param; nil for nulls, arrays and objects.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .number(let x): text(x)
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// The flattened params of a YAML file (Lightning's `hparams.yaml`, DVCLive's `params.yaml`).
    static func fromYAML(_ path: String) throws(RunLogError) -> [String: String] {
        var params: [String: String] = [:]
        if let root = try document(path) { flatten(root, prefix: "", into: &params) }
        return params
    }

    /// A YAML file's root node (nil for an empty file); a syntax error names its line.
    static func document(_ path: String) throws(RunLogError) -> Node? {
        let bytes = try LogFileBytes.read(path)
        do {
            return try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self))
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw RunLogError(path: path, at: .line(mark.line), "not valid YAML: \(problem)")
            default:
                throw RunLogError(path: path, "not valid YAML")
            }
        } catch {
            throw RunLogError(path: path, "not valid YAML")
        }
    }

    /// Adds `node`'s scalars under `prefix`, up to `maximumCount` params.
    static func flatten(_ node: Node, prefix: String, into params: inout [String: String]) {
        guard params.count < maximumCount else { return }
        func joined(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
        switch node {
        case .scalar(let scalar):
            if node.tag != Tag(.null) { params[prefix] = scalar.string }
        case .mapping(let mapping):
            for (key, value) in mapping {
                flatten(value, prefix: joined(key.scalar?.string ?? "\(key)"), into: &params)
            }
        case .sequence(let sequence):
            for (index, value) in sequence.enumerated() {
                flatten(value, prefix: joined(String(index)), into: &params)
            }
        case .alias:
            break  // the composer resolves aliases; an unresolved one holds nothing to show
        }
    }
}
