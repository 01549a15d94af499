/// A numeric input file (`.npy`, or CSV otherwise) as an n x k matrix of finite-or-not doubles,
/// with the means to name a row's location in messages.
public struct DataMatrix: @unchecked Sendable {
    /// The file as the user named it.
    public let path: String
    /// Number of rows (samples).
    public let rows: Int
    /// Values per row.
    public let columns: Int
    /// The values, row-major; valid only while this matrix is alive (hold it with `withExtendedLifetime`).
    public let values: UnsafeBufferPointer<Double>
    /// 1-based line of each row for CSV files; nil for `.npy`.
    public let lineNumbers: [Int]?
    /// Keeps the memory behind `values` alive.
    private let owner: AnyObject

    /// Loads `path`: a `.npy` file (memory-mapped when float64) or a CSV file whose cells must all be
    /// finite numbers (a non-numeric first line is a header).
    public init(contentsOfFile path: String) throws(DataFileError) {
        self.path = path
        if path.lowercased().hasSuffix(".npy") {
            let array = try NumpyArray(contentsOfFile: path)
            rows = array.rows
            columns = array.columns
            values = array.values
            lineNumbers = nil
            owner = array
        } else {
            let table = try CSVTable(contentsOfFile: path)
            let storage = DoubleStorage(try table.finiteValues())
            rows = table.rowCount
            columns = table.columnCount
            values = UnsafeBufferPointer(storage.buffer)
            lineNumbers = table.lineNumbers
            owner = storage
        }
    }

    /// A copy of the values, row-major.
    public var elements: [Double] { withExtendedLifetime(owner) { Array(values) } }

    /// Where row `i` (0-based) is: "file:line" for CSV, "file: row i+1" for `.npy`.
    public func location(ofRow i: Int) -> String {
        if let lineNumbers, i >= 0, i < lineNumbers.count { return "\(path):\(lineNumbers[i])" }
        return "\(path): row \(i + 1)"
    }
}
