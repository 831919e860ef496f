/// What hands records to a `RowInterpreter`: a delimited text file (`CSVReader`) or a workbook's sheet
/// (`WorkbookReader`). Both give each record's place, in the file's own terms.
protocol RecordReader: AnyObject {
    /// The location of cell `index` (0-based) of the record being delivered.
    func location(ofCell index: Int) -> Location
    /// The location of the record being delivered, without a column.
    var recordLocation: Location { get }
    /// The line (a sheet's row) the record being delivered ends on.
    var recordEndLine: Int { get }
    /// Ends the read after the record being delivered.
    func stop()
    /// Whether cell `index` of the record is stored as a number (a workbook's number cell), not as text:
    /// such a cell has no thousands separator, so `--thousands-separator` does not apply to it.
    func isStoredNumber(cell index: Int) -> Bool
}

extension RecordReader {
    func isStoredNumber(cell index: Int) -> Bool { false }
}

extension CSVReader: RecordReader {}
