/// Keras' CSVLogger: a header `epoch,<metrics sorted>` and a row per epoch, the epoch (0-based)
/// as the x (`StepAxis.epoch`). `NA` is a metric not computed that epoch (`validation_freq`);
/// `nan` a value that was. The separator is the one the header uses (`,`, `;`, tab).
///
/// A log appended to by a second `fit` without `initial_epoch` starts again at epoch 0: the
/// points are kept as written (the repeated epochs stay in the data) and one warning names the
/// line of every restart; drawing continues the second part after the first.
///
/// A file is a Keras log when it reads as a table whose first column is `epoch` and that has no
/// `step` column (that is a Lightning or a generic table). A folder walk looks only at names
/// ending `.csv`, `.tsv`, `.log` or `.txt` (Keras' examples name it `training.log`); a file named
/// directly may have any name.
enum KerasCSVReader: LogReader {
    static let format = LogFormat.keras
    static let walkedExtensions = [".csv", ".tsv", ".log", ".txt"]

    static func claims(pathComponents: [String], head: FileHead) -> Bool {
        guard let name = pathComponents.last?.lowercased(), walkedExtensions.contains(where: name.hasSuffix) else { return false }
        return recognizes(fileName: name, head: head)
    }

    static func recognizes(fileName: String, head: FileHead) -> Bool {
        let names = CSVLog.headerNames(head)
        return names.first == "epoch" && !names.contains("step") && CSVLog.looksLikeTable(head)
    }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var contents = RunContents(metrics: [])
        for path in source.files {
            let log = try CSVLog(path: path)
            guard let epoch = log.column("epoch") else {
                throw RunLogError(path: path, at: .line(1), "has no epoch column (is it a Keras CSVLogger log?)")
            }
            contents.metrics += try log.metrics(x: epoch, axis: .epoch)
            var restarts: [(line: Int, from: Int64, to: Int64)] = []
            var previous: Int64? = nil
            for row in 0..<log.table.rowCount {
                let current = try log.step(row: row, column: epoch)
                if let previous, current < previous { restarts.append((log.table.lineNumbers[row], previous, current)) }
                previous = current
            }
            if let first = restarts.first {
                let lines = restarts.map { String($0.line) }.joined(separator: ", ")
                contents.warnings.append(RunLogWarning(path: path, at: .line(first.line),
                    "the epoch goes back (from \(first.from) to \(first.to)\(restarts.count > 1 ? "; restarts at lines \(lines)" : "")):"
                    + " a second fit appended without initial_epoch? The points are kept as written; plots continue each restart after the part before"))
            }
        }
        return contents
    }
}
