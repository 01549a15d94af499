/// A table of numbers the diff page shows beside the charts: for two reports of runs, the final
/// values that moved (`RunReport`'s `RunsDiff` makes it). Every cell is text the page escapes.
public struct DiffTable: Sendable, Equatable {
    /// One row: "fail" (needs a look) or "ok", and its cells, one per column.
    public struct Row: Sendable, Equatable {
        public var kind: String
        public var cells: [String]

        public init(kind: String, cells: [String]) {
            self.kind = kind
            self.cells = cells
        }
    }

    public var title: String
    /// One line under the title.
    public var summary: String
    public var columns: [String]
    public var rows: [Row]

    public init(title: String, summary: String, columns: [String], rows: [Row]) {
        self.title = title; self.summary = summary; self.columns = columns; self.rows = rows
    }
}
