/// Any CSV or TSV table with a header that a user names directly (a folder walk never reads
/// every CSV it meets: only the loggers' own files).
///
/// The separator is the one the header uses (`,` `;` tab); missing and non-finite cells follow
/// `CSVLog`'s rule (blank and `NA` are missing, `nan` and `inf` are values). The x is the column
/// `step`, else `epoch` (the metrics then count epochs), else `iter`, else the row index; an
/// `epoch` column beside `step` or `iter` is each point's epoch, `wall_time` or `walltime` its wall
/// time in seconds. Every other column holding numbers is a metric; a column of words is not.
enum CSVLogReader: LogReader {
    static let format = LogFormat.csv
    static let xColumns = ["step", "epoch", "iter"]
    static let wallColumns = ["wall_time", "walltime"]

    static func claims(pathComponents: [String], head: FileHead) -> Bool { false }

    /// A `.csv` or `.tsv` file, or any file whose first bytes read as a table (`CSVLog.looksLikeTable`).
    static func recognizes(fileName: String, head: FileHead) -> Bool {
        let name = fileName.lowercased()
        return name.hasSuffix(".csv") || name.hasSuffix(".tsv") || CSVLog.looksLikeTable(head)
    }

    static func read(_ source: RunSource) throws(RunLogError) -> RunContents {
        var contents = RunContents(metrics: [])
        for path in source.files {
            let log = try CSVLog(path: path)
            let xName = xColumns.first { log.column($0) != nil }
            let x = xName.flatMap(log.column)
            let epoch = xName == "epoch" ? nil : log.column("epoch")
            let wall = wallColumns.lazy.compactMap(log.column).first
            contents.metrics += try log.metrics(x: x, axis: xName == "epoch" ? .epoch : .step, epoch: epoch, wall: wall)
        }
        return contents
    }
}
