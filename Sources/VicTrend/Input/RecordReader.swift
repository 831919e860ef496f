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
    /// What to add to a header's missing-column error (VT010): for a workbook, the sheet read and the
    /// workbook's visible sheets (the table may be on another); `nil` for a text file.
    var missingColumnHint: String? { get }
    /// What a missing-column error adds when the header has a single column (`ColumnMapping.oneColumnHint`
    /// for a text file: the delimiter may be wrong, or a title stands above the table).
    var oneColumnHint: String { get }
    /// Names the cells (0-based) of the data rows that hold numbers: the year and count columns. A
    /// workbook delivers such a cell styled as a date as the number stored (`2019`, `100`), not as the
    /// date Excel shows (`1905-07-11`, `1900-04-09`).
    func readNumbers(inCells cells: Set<Int>)
    /// The date Excel shows for cell `index` of the record (`2019-01-01`) when it is a number styled as
    /// a date delivered as its number (see `readNumbers`); `nil` otherwise.
    func shownDate(cell index: Int) -> String?
    /// Text of the file past the record being delivered that the reader holds unparsed, and its
    /// delimiter, given once for each stretch it reads (`mark` keeps track; the text is valid until
    /// the next record for which this gives nil): a hint for looking ahead (`KeyCellsAhead`), nil when
    /// the stretch is the one given last, or the reader has no text.
    func text(aheadSince mark: inout Int) -> (bytes: UnsafeRawBufferPointer, delimiter: UInt8)?
}

extension RecordReader {
    func text(aheadSince mark: inout Int) -> (bytes: UnsafeRawBufferPointer, delimiter: UInt8)? { nil }
    func isStoredNumber(cell index: Int) -> Bool { false }
    var missingColumnHint: String? { nil }
    var oneColumnHint: String { ColumnMapping.oneColumnHint }
    func readNumbers(inCells cells: Set<Int>) {}
    func shownDate(cell index: Int) -> String? { nil }
}

extension CSVReader: RecordReader {}
