/// JSON Lines logs: one object per line; its numbers are metrics at the line's step.
///
/// The step is the line's `step`, else `iter`, else `epoch` (the metrics then count epochs),
/// else the line's index among the objects. `epoch` beside a step is kept as the points' epoch,
/// `wall_time`/`timestamp` (seconds) as their wall time. Nested objects name their metrics with
/// `/` (`{"train": {"loss": 1}}` is `train/loss`). Strings, booleans and nulls are not metrics.
/// MMEngine's `vis_data/scalars.json` is such a file.
enum JSONLinesReader: LogReader {
    static let format = LogFormat.jsonl

    static let stepKeys = ["step", "iter", "epoch"]
    static let wallTimeKeys = ["wall_time", "walltime", "timestamp", "_timestamp"]

    static func claims(pathComponents: [String], head: FileHead) -> Bool {
        guard let name = pathComponents.last?.lowercased() else { return false }
        return name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || name == "scalars.json"
    }

    static func recognizes(fileName: String, head: FileHead) -> Bool {
        if claims(pathComponents: [fileName], head: head) { return true }
        // Any other name: a first line that is a JSON object, followed by another line.
        let text = head.text
        guard text.hasPrefix("{"), let end = text.firstIndex(of: "\n") else { return false }
        return (try? JSONValue.parse(Array(text[..<end].utf8))).map { if case .object = $0 { true } else { false } } ?? false
    }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var collector = MetricCollector()
        var warnings: [RunLogWarning] = []
        for path in source.files {
            try read(path, into: &collector, warnings: &warnings)
        }
        return RunContents(metrics: collector.metrics, warnings: warnings)
    }

    private static func read(_ path: String, into collector: inout MetricCollector, warnings: inout [RunLogWarning]) throws(RunLogError) {
        let bytes = try LogFileBytes.read(path)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        var objectIndex: Int64 = 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            var end = newline ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { start = next }
            let line = bytes[start..<end]
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            let value: JSONValue
            do { value = try JSONValue.parse(line) } catch {
                if newline == nil {
                    warnings.append(RunLogWarning(path: path, at: .line(lineNumber), "the last line is incomplete (a writer still running?); it was skipped"))
                    return
                }
                throw RunLogError(path: path, at: .line(lineNumber), "not a JSON object")
            }
            guard case .object(let fields) = value else {
                throw RunLogError(path: path, at: .line(lineNumber), "not a JSON object")
            }
            let stepKey = stepKeys.first { value[$0]?.number != nil }
            let step: Int64
            if let stepKey, let raw = value[stepKey]?.number {
                guard let whole = wholeNumber(raw) else {
                    throw RunLogError(path: path, at: .line(lineNumber), "\(stepKey) \(raw) is not a whole number")
                }
                step = whole
            } else {
                step = objectIndex
            }
            objectIndex += 1
            let axis: StepAxis = stepKey == "epoch" ? .epoch : .step
            let epoch = stepKey == "epoch" ? nil : value["epoch"]?.number
            let wall = wallTimeKeys.lazy.compactMap { value[$0]?.number }.first
            let skipped = Set([stepKey, "epoch"].compactMap { $0} + wallTimeKeys)
            for (key, field) in fields where !skipped.contains(key) {
                collect(field, named: key, at: MetricPoint(step: step, value: 0, wallTime: wall, epoch: epoch), axis: axis, into: &collector)
            }
        }
    }

    /// Adds the numbers in `field` (nested objects with `/` names) as points like `template`.
    private static func collect(_ field: JSONValue, named name: String, at template: MetricPoint, axis: StepAxis, into collector: inout MetricCollector) {
        switch field {
        case .number(let v):
            var point = template
            point.value = v
            collector.append(point, to: name, axis: axis)
        case .object(let pairs):
            for (key, inner) in pairs {
                collect(inner, named: name + "/" + key, at: template, axis: axis, into: &collector)
            }
        default:
            break
        }
    }

    /// `value` as an Int64 when it is a finite whole number within range.
    static func wholeNumber(_ value: Double) -> Int64? {
        guard value.isFinite, value.rounded() == value, abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }
}
