/// A numeric input as an n x k matrix of doubles, with the means to name a row's location in
/// messages: a `.npy` file, an array of a `.npz` archive, a CSV file whose cells are all numbers (a
/// non-numeric first line is a header), or one column of a CSV with a header (`DataReference`).
///
/// `@unchecked Sendable` because `values` is a pointer and `owner` any object. It is safe: every
/// field is a `let`, the values are only read, and the owner (a `MappedFile`, `DoubleStorage` or
/// `NumpyArray`, all immutable once built) keeps them alive as long as the matrix.
public struct DataMatrix: @unchecked Sendable {
    /// The data as the user named it: "p.npy", "preds.npz:y_pred", "preds.csv:target".
    public let path: String
    /// Number of rows (samples).
    public let rows: Int
    /// Values per row.
    public let columns: Int
    /// The values, row-major; valid only while this matrix is alive (hold it with `withExtendedLifetime`).
    public let values: UnsafeBufferPointer<Double>
    /// 1-based line of each row for CSV files; nil for `.npy` and `.npz`.
    public let lineNumbers: [Int]?
    /// The file and the part of it read.
    public let reference: DataReference
    /// Keeps the memory behind `values` alive.
    private let owner: AnyObject

    /// Loads a whole file: `.npy` (memory-mapped when float64), or CSV.
    public init(contentsOfFile path: String) throws(DataFileError) {
        try self.init(reference: DataReference(path: path))
    }

    /// Loads what `reference` names. An archive with one array may be named alone.
    public init(reference: DataReference) throws(DataFileError) {
        self.reference = reference
        path = reference.description
        switch (reference.format, reference.member) {
        case (.npy, nil):
            let array = try NumpyArray(contentsOfFile: reference.path)
            (rows, columns, values, lineNumbers, owner) = (array.rows, array.columns, array.values, nil, array)
        case (.npy, let member?):
            throw DataFileError(path: reference.path, "is a .npy file, one array: \(DataFileError.quoted(member)) after ':' names a column of a .csv or an array of a .npz")
        case (.npz, let member):
            let archive = try NumpyArchive(contentsOfFile: reference.path)
            let name: String
            if let member {
                name = member
            } else if archive.arrayNames.count == 1 {
                name = archive.arrayNames[0]
            } else {
                throw DataFileError(path: reference.path, "holds \(archive.arrayNames.count) arrays: name one as \(reference.path):NAME (arrays: \(DataFileError.list(archive.arrayNames, shown: 20)))")
            }
            let array = try archive.array(named: name)
            (rows, columns, values, lineNumbers, owner) = (array.rows, array.columns, array.values, nil, array)
        case (.csv, nil):
            let table = try CSVTable(contentsOfFile: reference.path)
            let storage = DoubleStorage(try table.finiteValues())
            (rows, columns, values, lineNumbers, owner) = (table.rowCount, table.columnCount, UnsafeBufferPointer(storage.buffer),
                                                           table.lineNumbers, storage)
        case (.csv, let column?):
            let table = try CSVTable(contentsOfFile: reference.path)
            let storage = DoubleStorage(try table.finiteColumn(named: column))
            (rows, columns, values, lineNumbers, owner) = (table.rowCount, 1, UnsafeBufferPointer(storage.buffer),
                                                           table.lineNumbers, storage)
        }
    }

    /// A copy of the values, row-major.
    public var elements: [Double] { withExtendedLifetime(owner) { Array(values) } }

    /// Where row `i` (0-based) is: "file:line" for CSV ("file:line: column "name"" for one column
    /// of it), "file: row i+1" for `.npy` and `.npz`.
    public func location(ofRow i: Int) -> String {
        guard let lineNumbers, i >= 0, i < lineNumbers.count else { return "\(path): row \(i + 1)" }
        let line = "\(reference.path):\(lineNumbers[i])"
        return reference.member.map { "\(line): column \(DataFileError.quoted($0))" } ?? line
    }
}
