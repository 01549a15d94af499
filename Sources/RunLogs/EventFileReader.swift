/// TensorBoard event files (`events.out.tfevents.*`), as torch's and tensorboardX's
/// `SummaryWriter`, TensorFlow and Keras write them.
///
/// Each folder holding event files is one run (TensorBoard's rule, which also makes each of
/// torch's `add_scalars` sub-writers its own run); its files are read in the order of their first
/// event's wall time (then by name), their points appended in that order. A metric is a tag's
/// scalars: `simple_value`s, and single-element tensors of the "scalars" plugin (float, double,
/// half, bfloat16), every value converted exactly to Double. Images, histograms, text, audio and
/// graphs are skipped; the hparams plugin's session start becomes the run's parameters.
enum EventFileReader: LogReader {
    static let format = LogFormat.tfevents

    /// The writers' names (`events.out.tfevents.*`: TensorFlow, torch, tensorboardX, Keras), and
    /// any other name holding "tfevents" (TensorBoard's own test) whose bytes begin as TFRecord
    /// does, so that a script or a note named after event files is not taken for one.
    static func claims(pathComponents: [String], head: FileHead) -> Bool {
        guard let name = pathComponents.last, name.contains("tfevents") else { return false }
        return name.hasPrefix("events.out.tfevents") || beginsAsTFRecord(head)
    }

    /// A file named directly is also an event file, whatever its name, when it begins as TFRecord does.
    static func recognizes(fileName: String, head: FileHead) -> Bool {
        claims(pathComponents: [fileName], head: head) || beginsAsTFRecord(head)
    }

    /// Whether the first bytes are a TFRecord length whose checksum matches.
    static func beginsAsTFRecord(_ head: FileHead) -> Bool {
        let bytes = head.bytes
        guard bytes.count >= TFRecordFraming.headerSize else { return false }
        return bytes.withUnsafeBytes { raw in
            CRC32C.masked(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<8])))
                == raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        }
    }

    /// The run is the folder the event file is in.
    static func runRootLength(of pathComponents: [String]) -> Int { pathComponents.count - 1 }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var run = RunState()
        let ordered = source.files
            .map { (path: $0, start: source.files.count > 1 ? firstWallTime($0) : nil) }
            .sorted { ($0.start ?? .infinity, $0.path) < ($1.start ?? .infinity, $1.path) }
        for file in ordered {
            try read(file.path, into: &run)
        }
        return RunContents(metrics: run.tags.metrics, params: run.params, warnings: run.warnings)
    }

    /// What reading a run's files gathers.
    struct RunState {
        /// The file being read.
        var path = ""
        var tags = EventFileTags()
        var params: [String: String] = [:]
        var warnings: [RunLogWarning] = []
    }

    /// Reads one event file's scalars into `run`.
    static func read(_ path: String, into run: inout RunState) throws(RunLogError) {
        var framing: [RunLogWarning] = []  // a cut last record, so it comes after the file's others
        defer { run.warnings += framing }
        run.path = path
        try TFRecordFraming.forEachRecord(inFile: path, warnings: &framing) { record throws(RunLogError) in
            do throws(ProtoWireError) {
                try collect(EventRecord(record.window, range: record.data), from: record, into: &run)
            } catch {
                // The error's offset is in the window: where it is in the file.
                let at = record.offset + TFRecordFraming.headerSize + (error.offset - record.data.lowerBound)
                throw RunLogError(path: path, at: .byteOffset(at), "not a TensorBoard Event (the record at byte \(record.offset)): \(error.message)")
            }
            return true
        }
    }

    /// Adds the scalars of one decoded event to `run`.
    private static func collect(
        _ event: EventRecord, from record: TFRecordFraming.Record, into run: inout RunState
    ) throws(ProtoWireError) {
        let buffer = record.window, progress = record.progress
        try event.forEachValue(buffer) { value throws(ProtoWireError) in
            let index = run.tags.index(of: value.tag, in: buffer)
            if let name = value.pluginName {
                run.tags.notePlugin(UnsafeRawBufferPointer(rebasing: buffer[name]), for: index)
            }
            switch value.kind {
            case .simple(let v):
                run.tags.append(MetricPoint(step: event.step, value: Double(v), wallTime: event.wallTime), to: index, progress: progress)
            case .tensor(let range) where run.tags.plugins[index] == .scalars:
                switch try ScalarTensor.value(buffer, range: range) {
                case .success(let v):
                    run.tags.append(MetricPoint(step: event.step, value: v, wallTime: event.wallTime), to: index, progress: progress)
                case .failure(let problem):
                    if run.tags.markWarned(index) {
                        run.warnings.append(RunLogWarning(path: run.path, at: .byteOffset(record.offset),
                            "the scalar '\(run.tags.names[index])' \(describe(problem)); its values like this were skipped"))
                    }
                }
            case .tensor, .none:
                break
            }
            if run.tags.plugins[index] == .hparams, let content = value.pluginContent {
                for (key, text) in try EventFileHParams.sessionStart(buffer, range: content) {
                    run.params[key] = text
                }
            }
        }
    }

    private static func describe(_ problem: ScalarTensor.Problem) -> String {
        switch problem {
        case .dtype(let dtype): "is a tensor of dtype \(dtype), not a floating-point number"
        case .notOneElement: "is a tensor of more than one element"
        case .contentSize(let size): "has \(size) bytes of tensor content, not one number's"
        }
    }

    /// The wall time of a file's first event (nil when it has none or cannot be read: the file is
    /// then read after the others, and its problem reported when it is).
    static func firstWallTime(_ path: String) -> Double? {
        var ignored: [RunLogWarning] = []
        var time: Double?
        try? TFRecordFraming.forEachRecord(inFile: path, windowSize: 4096, warnings: &ignored) { record throws(RunLogError) in
            time = (try? EventRecord(record.window, range: record.data))?.wallTime
            return false
        }
        return time.flatMap { $0.isFinite ? $0 : nil }
    }
}
