/// A read-only, row-major `rows` x `columns` view of doubles owned elsewhere (a mapped file, an array).
///
/// A vector is a view with one column. The owner must outlive the view.
///
/// `@unchecked Sendable` because it holds a buffer pointer, which is never Sendable. It is safe:
/// the view only reads, its fields are `let`, and the losses it feeds never write through it.
public struct MatrixView: @unchecked Sendable {
    /// The elements, row after row.
    public let elements: UnsafeBufferPointer<Double>
    /// Number of samples.
    public let rows: Int
    /// Values per sample.
    public let columns: Int

    /// A view of `elements` as `rows` x `columns`; `elements.count` must equal `rows * columns`.
    public init(elements: UnsafeBufferPointer<Double>, rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 1 && rows * columns == elements.count,
                     "MatrixView: \(elements.count) elements are not \(rows) x \(columns)")
        self.elements = elements
        self.rows = rows
        self.columns = columns
    }

    /// A one-column view of a vector.
    public init(vector: UnsafeBufferPointer<Double>) {
        self.init(elements: vector, rows: vector.count, columns: 1)
    }

    /// Pointer to the first value of row `i`.
    @inlinable
    func row(_ i: Int) -> UnsafePointer<Double> {
        // Non-empty whenever a row is asked for (rows > 0).
        elements.baseAddress.unsafelyUnwrapped + i * columns
    }
}

/// Flattens nested rows into one row-major array, checking they all have the same length.
func flattenRows(_ rows: [[Double]], input: LossInputError.Input) throws(LossInputError) -> (values: [Double], columns: Int) {
    let columns = rows.first?.count ?? 1
    var values: [Double] = []
    values.reserveCapacity(rows.count * columns)
    for (i, row) in rows.enumerated() {
        guard row.count == columns, columns > 0 else {
            throw LossInputError(input, sample: i, "row has \(row.count) values, expected \(columns)")
        }
        values.append(contentsOf: row)
    }
    return (values, columns)
}
