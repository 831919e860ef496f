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
}

extension CSVReader: RecordReader {}
