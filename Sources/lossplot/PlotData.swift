import LossPlotCharts
import DataFiles

/// A user's data file as named columns: a CSV with a header (names from it) or a `.npy` array
/// (columns named by index: "0", "1", ...).
struct PlotData {
    let path: String
    let names: [String]
    private let load: (Int) throws(DataFileError) -> [Double?]
    let rowCount: Int

    init(path: String) throws(CommandFailure) {
        self.path = path
        switch DataFileFormat(path: path) {
        case .npz:
            throw CommandFailure.usage("\(path): plot reads the columns of a .csv or .npy file; for a .npz archive, save the array with np.save")
        case .npy:
            let array: NumpyArray
            do { array = try NumpyArray(contentsOfFile: path) } catch { throw CommandFailure(error.description) }
            let columns = array.columns
            names = (0..<columns).map(String.init)
            rowCount = array.rows
            load = { j in (0..<array.rows).map { i -> Double? in array.values[i * columns + j] } }
        case .csv:
            let table: CSVTable
            do { table = try CSVTable(contentsOfFile: path) } catch { throw CommandFailure(error.description) }
            guard let header = table.columnNames else {
                throw CommandFailure("\(path): the first line must name the columns (a header such as epoch,loss,val_loss)")
            }
            guard table.rowCount > 0 else { throw CommandFailure("\(path): has a header but no data rows") }
            names = header
            rowCount = table.rowCount
            load = { j throws(DataFileError) in try table.column(j) }
        }
    }

    /// The values of the column called `name`, nil for blank cells.
    func column(_ name: String) throws(CommandFailure) -> ColumnPlot.Column {
        guard let j = names.firstIndex(of: name) else {
            throw CommandFailure(DataFileError.noColumn(name, among: names, path: path).description)
        }
        do {
            return ColumnPlot.Column(name: name, values: try load(j))
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The row numbers 0, 1, 2, ... as a column (x when none is named).
    var rowNumbers: ColumnPlot.Column {
        ColumnPlot.Column(name: "row", values: (0..<rowCount).map { Double($0) })
    }
}
