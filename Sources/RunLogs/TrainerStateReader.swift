/// Hugging Face Trainer's `trainer_state.json`: each `log_history` row holds metrics at its
/// `step` (the global step), with the row's `epoch` (fractional) beside them.
///
/// Training rows (`loss`, `grad_norm`, `learning_rate`), evaluation rows (`eval_*`) and the final
/// summary row (`train_runtime`, `train_loss`, ...) mix keys: every number in a row other than
/// `step` and `epoch` is a point of the metric it names. Python's bare `NaN`, `Infinity` and
/// `-Infinity` are read as values.
///
/// One output folder is one run. The Trainer writes a copy of the state into every
/// `checkpoint-N/` and, with `save_state()`, a final one in the folder itself; each copy's
/// history extends the one before, so the run is read from **one** file, its most complete
/// state: the largest `global_step`, a tie going to the file nearest the output folder (the final
/// state, which adds the summary row), then to the later checkpoint. `Run.paths` names that file.
///
/// Params are the Trainer settings the state records: `train_batch_size`, `num_train_epochs`,
/// `max_steps`, `logging_steps`, `eval_steps`, `save_steps`, and a hyperparameter search's
/// `trial_name` and `trial_params.*`; not its progress (`global_step`, `epoch`, `total_flos`,
/// `best_*`). `training_args.bin` is a pickle and is not read.
enum TrainerStateReader: LogReader {
    static let format = LogFormat.trainerState
    static let fileName = "trainer_state.json"
    static let paramKeys = ["train_batch_size", "num_train_epochs", "max_steps", "logging_steps", "eval_steps", "save_steps", "trial_name"]

    static func claims(pathComponents: [String], head: FileHead) -> Bool {
        pathComponents.last == fileName
    }

    /// Named directly, a renamed copy also counts when its first bytes hold the state's keys.
    static func recognizes(fileName name: String, head: FileHead) -> Bool {
        name == fileName || (name.lowercased().hasSuffix(".json") && head.text.hasPrefix("{") && head.text.contains("\"global_step\""))
    }

    /// The output folder: the file's own, or the one above its `checkpoint-N/`.
    static func runRootLength(of pathComponents: [String]) -> Int {
        let count = pathComponents.count
        if count >= 2, isCheckpointFolder(pathComponents[count - 2]) { return count - 2 }
        return count - 1
    }

    /// `checkpoint-` followed by digits, as the Trainer names its saves.
    static func isCheckpointFolder(_ name: String) -> Bool {
        name.hasPrefix("checkpoint-") && name.count > 11 && name.dropFirst(11).allSatisfy(\.isASCII) && name.dropFirst(11).allSatisfy(\.isNumber)
    }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        let path = try mostComplete(source)
        let bytes = try LogFileBytes.read(path)
        let state: JSONValue
        do { state = try JSONParser.parse(bytes) } catch {
            throw RunLogError(path: path, at: .line(error.line), "not valid JSON: \(error.message)")
        }
        guard case .array(let rows)? = state["log_history"] else {
            throw RunLogError(path: path, "has no log_history list (is it a Trainer's trainer_state.json?)")
        }
        var collector = MetricCollector()
        for (index, row) in rows.enumerated() {
            guard case .object(let fields) = row else {
                throw RunLogError(path: path, "log_history[\(index)] is not an object")
            }
            guard let raw = row["step"]?.number else {
                throw RunLogError(path: path, "log_history[\(index)] has no step")
            }
            guard let step = JSONLinesReader.wholeNumber(raw) else {
                throw RunLogError(path: path, "log_history[\(index)]: step \(raw) is not a whole number")
            }
            let epoch = row["epoch"]?.number
            for (key, value) in fields where key != "step" && key != "epoch" {
                guard let x = value.number else { continue }
                collector.append(MetricPoint(step: step, value: x, epoch: epoch), to: key)
            }
        }
        var params: [String: String] = [:]
        for key in paramKeys {
            if let value = state[key], let text = RunParams.text(value) { params[key] = text }
        }
        if case .object(let trial)? = state["trial_params"] {
            for (key, value) in trial {
                if let text = RunParams.text(value) { params["trial_params." + key] = text }
            }
        }
        return RunContents(metrics: collector.metrics, params: params, paths: [path])
    }

    /// The file the run is read from, by the rule above.
    static func mostComplete(_ source: RunSource) throws(RunLogError) -> String {
        guard source.files.count > 1 else {
            guard let only = source.files.first else { throw RunLogError(path: source.root, "holds no \(fileName)") }
            return only
        }
        func rank(_ path: String) -> (step: Int64, nearness: Int, checkpoint: Int64) {
            let components = path.split(separator: "/")
            let folder = components.count >= 2 ? String(components[components.count - 2]) : ""
            let checkpoint = isCheckpointFolder(folder) ? Int64(folder.dropFirst(11)) ?? 0 : 0
            return (globalStep(path) ?? -1, isCheckpointFolder(folder) ? 0 : 1, checkpoint)
        }
        let ranked = source.files.map { ($0, rank($0)) }
        return ranked.max { a, b in (a.1.step, a.1.nearness, a.1.checkpoint) < (b.1.step, b.1.nearness, b.1.checkpoint) }?.0 ?? source.files[0]
    }

    /// The state's `global_step`, from its first bytes (the Trainer writes keys sorted, so it
    /// comes before the long `log_history`), else from the whole file; nil when unreadable.
    static func globalStep(_ path: String) -> Int64? {
        let key = Array("\"global_step\"".utf8)
        let head = LogFileBytes.head(path, count: 4096)
        if let start = head.firstRange(of: key)?.upperBound {
            var i = start
            while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D || head[i] == UInt8(ascii: ":") { i += 1 }
            var j = i
            while j < head.count, head[j] >= 0x30, head[j] <= 0x39 { j += 1 }
            if j > i, j < head.count, let step = Int64(String(decoding: head[i..<j], as: UTF8.self)) { return step }
        }
        guard let bytes = try? LogFileBytes.read(path), let state = try? JSONParser.parse(bytes),
              let step = state["global_step"]?.number else { return nil }
        return JSONLinesReader.wholeNumber(step)
    }
}
