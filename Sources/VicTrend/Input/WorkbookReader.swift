/// Reads one sheet of an `.xlsx` workbook and hands each row to a handler as a record, as `CSVReader`
/// does for text: the row's cells from column A to its last cell with a value, or to the header's last
/// cell with a value when that is further right; its row number as the record's line, so every
/// diagnostic is located by sheet and cell (`figures.xlsx:Sheet1!B7`). Excel writes no empty cell (a
/// cell's `r` reference skips it), so a cell missing from the file, in the middle or at the end of a
/// row, is an empty cell, exactly as if written empty: a wide table's missing year is a gap, a long
/// table's missing count the error an empty count cell gets.
///
/// Cells are read as Excel stores them: numbers as written in the file (`14000`; `1.4E4` is written out
/// as `14000`; a formula's cached value, so `=A1*1.1` gives what Excel showed, and a value such as
/// `14000.000000000002` is refused by the count's own check, never rounded), shared and inline strings,
/// `TRUE`/`FALSE`, errors as Excel shows them (`#N/A`). A number styled as a date is a date: in the header
/// row it is read as its year (a wide table's `01/01/2019` column is 2019), elsewhere as `2019-01-01`;
/// a header's whole number 1900–2100 is itself the year, whatever its style (`2019` styled as a date).
/// The cells named by `readNumbers` (the year and count columns) are delivered as the number stored even
/// when styled as a date (`shownDate` gives the date Excel shows, for messages).
/// Rows above `headerLine` (a title) are not delivered; rows with no value at all are not records, so a
/// blank row is a gap in the row numbers, as a blank line is in a text file.
///
/// Bounds (a workbook is hostile input): each part's uncompressed size (the sheet 256 MiB, shared strings
/// 256 MiB, any other part 16 MiB), 5 million shared strings, 1 MiB a string, cells up to column 10,000
/// (`NTP`), 2 million cells with a value, rows up to Excel's 1,048,576 and in increasing order.
final class WorkbookReader {
    struct Options {
        /// The sheet to read, or `nil` for the first visible one (a hidden sheet is read only by name).
        var sheet: String?
        /// The row the table's header is on (`--header-line`).
        var headerLine = 1
        /// Limits (see the type's documentation); smaller values are for tests.
        var maxSheetBytes = 256 << 20
        var maxSharedStringBytes = 256 << 20
        var maxPartBytes = 16 << 20
        var maxSharedStrings = 5_000_000
        var maxCellBytes = 1 << 20
        var maxColumns = 10_000
        /// Most cells with a value in the sheet: a table of yearly counts per country (250 countries ×
        /// 50 years, a few columns each) has tens of thousands; millions are no such table, and each
        /// becomes an observation held in memory.
        var maxCells = 2_000_000
    }

    /// The path, as the user gave it (used in every location).
    let path: String
    /// The sheet read (known once reading has started).
    private(set) var sheetName = ""
    /// The names of the workbook's visible sheets, in tab order (known once reading has started).
    private(set) var visibleSheets: [String] = []
    private let options: Options
    private var row = 0
    private var stopRequested = false
    /// For each cell of the record being delivered, whether the workbook stores it as a number (a
    /// number has no thousands separator: `--thousands-separator` applies to text cells only).
    private var numberCells: [Bool] = []
    /// The cells (0-based) delivered as the number stored even when styled as a date (`readNumbers`).
    private var numberColumns: Set<Int> = []
    /// For the record being delivered, the date Excel shows for each such cell styled as a date.
    private var shownDates: [Int: String] = [:]
    /// The same, for the row being read.
    private var rowDates: [Int: String] = [:]
    private var sink = CellSink(maxCells: 1 << 14)

    init(path: String, options: Options = Options()) {
        self.path = path
        self.options = options
    }

    deinit {
        sink.free()
    }

    /// The code of a file that starts with `bytes`: a zip archive (`.xlsx`) or an old binary workbook
    /// (`.xls`, an OLE compound file), or `nil` for text.
    enum Kind {
        case xlsx, xls
    }

    static func kind(_ bytes: some Collection<UInt8>) -> Kind? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        return nil
    }

    /// The refusal of an old binary workbook (`.xls`), or of a password-protected workbook (`encrypted`:
    /// Excel stores it in the same compound-file container).
    static func binaryWorkbook(_ path: String, encrypted: Bool = false) -> Diagnostic {
        Diagnostic(
            .binaryWorkbook, at: Location(file: path, line: 1),
            encrypted
                ? "this is a password-protected workbook (encrypted, which victrend cannot read): open it in "
                    + "Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, "
                    + "empty), and save it as .xlsx or CSV"
                : "this is an Excel 97-2003 workbook (.xls, a binary format victrend does not read): open it in "
                    + "Excel or LibreOffice and save it as .xlsx or CSV")
    }

    /// Whether `bytes` hold the name, in UTF-16LE as a compound file's directory stores it, of the
    /// `EncryptedPackage` or `EncryptionInfo` stream of a password-protected workbook.
    static func namesEncryptionStream(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        for name in encryptionStreamNames {
            guard bytes.count >= name.count, let first = name.first else { continue }
            var index = 0
            while index + name.count <= bytes.count {
                if bytes[index] == first, bytes[index..<index + name.count].elementsEqual(name) {
                    return true
                }
                index += 1
            }
        }
        return false
    }

    private static let encryptionStreamNames: [[UInt8]] = ["EncryptedPackage", "EncryptionInfo"].map {
        $0.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// The sheets to read for `--sheet` (`names`, in the order given), each then read on its own by a
    /// reader whose `Options.sheet` is one of them: `[nil]` (the first visible sheet) when `names` is
    /// empty; `*` stands for every visible sheet in tab order (Excel allows no `*` in a sheet's name).
    /// A name is resolved as `read` resolves it (exactly, else regardless of case) and each sheet comes
    /// once (`--sheet Figures --sheet figures` reads it once); a name the workbook does not have is kept
    /// as given, for `read` to refuse (VT018). Without `--sheet`, `note` says which visible sheets are
    /// not read (VT160). A workbook that cannot be opened gives one sheet, for `read` to report.
    static func sheetsToRead(_ path: String, named names: [String], options: Options = Options()) -> (
        sheets: [String?], note: Diagnostic?
    ) {
        let book: Book
        do throws(WorkbookArchive.Failure) {
            book = try Book.read(try WorkbookArchive(path: path), options: options)
        } catch {
            return ([names.first { $0 != "*" }], nil)
        }
        guard !names.isEmpty else {
            guard let read = book.defaultSheet else { return ([nil], nil) }
            if !read.visible {
                // Every sheet hidden: the first is read, and the note says so (it is not what Excel shows).
                return (
                    [nil],
                    Diagnostic(
                        .otherSheetsNotRead, at: Location(file: path, line: 1),
                        "every sheet of the workbook is hidden; read the hidden sheet "
                            + "\(DisplayText.quoted(read.name, limit: 64)) (name another with --sheet NAME)")
                )
            }
            let others = book.sheets.filter { $0.visible && $0.name != read.name }.map(\.name)
            guard !others.isEmpty else { return ([nil], nil) }
            let shown = others.prefix(20).map { DisplayText.quoted($0, limit: 64) }
            return (
                [nil],
                Diagnostic(
                    .otherSheetsNotRead, at: Location(file: path, line: 1),
                    "read the sheet \(DisplayText.quoted(read.name, limit: 64)) only; the workbook's other "
                        + "visible sheet\(others.count == 1 ? "" : "s") \(shown.joined(separator: ", "))"
                        + (others.count > shown.count ? ", ..." : "")
                        + " \(others.count == 1 ? "was" : "were") not read (read them with --sheet NAME, "
                        + "repeatable, or every visible sheet with --sheet '*')")
            )
        }
        var sheets: [String] = []
        for name in names {
            let resolved: [String]
            if name == "*" {
                let visible = book.sheets.filter(\.visible).map(\.name)
                resolved = visible.isEmpty ? book.defaultSheet.map { [$0.name] } ?? [] : visible
            } else {
                resolved = [
                    (book.sheets.first { $0.name == name }
                        ?? book.sheets.first { $0.name.lowercased() == name.lowercased() })?.name ?? name
                ]
            }
            for sheet in resolved where !sheets.contains(sheet) { sheets.append(sheet) }
        }
        return (sheets.isEmpty ? [nil] : sheets, nil)
    }

    /// Reads the sheet, calling `body` once per row with a value (the header row is the first).
    /// Returns `nil` when the sheet was read to the end, or the diagnostic that stopped it.
    func read(_ body: (CSVRecord, WorkbookReader) -> Void) -> Diagnostic? {
        do throws(WorkbookArchive.Failure) {
            let archive = try WorkbookArchive(path: path)
            let book = try Book.read(archive, options: options)
            guard
                let sheet = options.sheet.map({ name in
                    // Exactly, else regardless of case (Excel's sheet names are case-insensitive).
                    book.sheets.first { $0.name == name }
                        ?? book.sheets.first { $0.name.lowercased() == name.lowercased() }
                }) ?? book.defaultSheet
            else {
                if let name = options.sheet {
                    let names = book.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                    return Diagnostic(
                        .unknownSheet, at: Location(file: path, line: 1),
                        "--sheet names the sheet \(DisplayText.quoted(name, limit: 64)), which the workbook does not "
                            + "have; its sheets: \(names)")
                }
                throw WorkbookArchive.Failure(message: "the workbook has no sheet")
            }
            sheetName = sheet.name
            visibleSheets = book.sheets.filter(\.visible).map(\.name)
            let strings = try SharedStrings.read(archive, options: options)
            var delivered = 0
            // The header's cells up to its last with a value: Excel writes no empty cell, so a data row
            // stopping before that column has empty cells there, as if written empty.
            var headerWidth = 0
            try readSheet(archive, part: sheet.part, book: book, strings: strings) { cells, numbers, row in
                guard row >= options.headerLine else { return }
                self.row = row
                numberCells = numbers
                shownDates = rowDates
                for text in cells {
                    var text = text
                    text.withUTF8 { bytes in sink.append(bytes.baseAddress, bytes.count) }
                }
                if delivered == 0 {
                    headerWidth = cells.count
                } else if cells.count < headerWidth {
                    for _ in cells.count..<headerWidth {
                        sink.append(nil, 0)
                        numberCells.append(false)
                    }
                }
                body(sink.record(line: row), self)
                sink.removeAll()
                delivered += 1
            } isHeader: {
                delivered == 0
            }
            if delivered == 0 {
                // Without --sheet, the table may be on another sheet (a cover sheet comes first).
                let others = book.sheets.filter { $0.name != sheetName }.prefix(20)
                    .map { DisplayText.quoted($0.name, limit: 64) }
                let hint =
                    options.sheet == nil && !others.isEmpty
                    ? "; the workbook's other sheets: \(others.joined(separator: ", ")) (read one with --sheet NAME)"
                    : ""
                return Diagnostic(
                    .emptyFile, at: Location(file: path, line: 1, sheet: sheetName),
                    (options.headerLine > 1
                        ? "the sheet has no row with a value on row \(options.headerLine) or below (--header-line "
                            + "\(options.headerLine)): expected the header row naming the columns there"
                        : "the sheet is empty: expected a header row naming the columns, e.g. country, year, victims")
                        + hint
                )
            }
            return nil
        } catch {
            if stopRequested { return nil }
            return Diagnostic(
                .unreadableWorkbook,
                at: Location(
                    file: path, line: max(row, 1), column: error.column,
                    sheet: sheetName.isEmpty ? nil : sheetName),
                error.message)
        }
    }

    // MARK: - The sheet

    /// Streams the sheet's rows: `deliver` gets each row with a value, its cells A... as text.
    private func readSheet(
        _ archive: WorkbookArchive, part: String, book: Book, strings: [String],
        deliver: ([String], [Bool], Int) -> Void, isHeader: () -> Bool
    ) throws(WorkbookArchive.Failure) {
        var rowNumber = 0
        var cells: [String] = []
        var numbers: [Bool] = []
        var valueCells = 0
        var column = 0
        var cell = CellState()
        var inSheetData = false
        var text: TextCollector?
        func fail(_ message: String) -> WorkbookArchive.Failure {
            self.row = max(rowNumber, 1)
            return WorkbookArchive.Failure(message: message)
        }
        try archive.readXML(part, limit: options.maxSheetBytes) { (node) throws(WorkbookArchive.Failure) in
            switch node.kind {
            case .element:
                let name = node.name
                if name == "sheetData" {
                    inSheetData = !node.isEmptyElement
                    return
                }
                guard inSheetData else { return }
                switch name {
                case "row":
                    let attributes = node.attributes
                    let next = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                    guard next > rowNumber, next <= 1_048_576 else {
                        throw fail(
                            "row \(DisplayText.quoted(attributes["r"] ?? "", limit: 16)) comes after row \(rowNumber): "
                                + "rows must be numbered 1 to 1048576 in increasing order")
                    }
                    rowNumber = next
                    self.row = next
                    rowDates.removeAll(keepingCapacity: true)
                    cells.removeAll(keepingCapacity: true)
                    numbers.removeAll(keepingCapacity: true)
                    column = 0
                    if node.isEmptyElement { deliverRow(&cells, &numbers, rowNumber, deliver) }
                case "c":
                    let attributes = node.attributes
                    var next = column + 1
                    if let reference = attributes["r"] {
                        guard let parsed = Self.cellReference(reference), parsed.row == rowNumber else {
                            throw fail(
                                "the cell reference \(DisplayText.quoted(reference, limit: 16)) is not a cell of row "
                                    + "\(rowNumber)")
                        }
                        next = parsed.column
                    }
                    guard next > column else {
                        throw fail("the cells of row \(rowNumber) are not in column order")
                    }
                    column = next
                    cell = CellState(
                        type: attributes["t"] ?? "n", style: attributes["s"].flatMap { Int($0) } ?? 0,
                        column: next)
                    if node.isEmptyElement { cell.column = 0 }
                case "v":
                    if node.isEmptyElement {
                        // `<v/>`: an empty value (a formula's empty text).
                        cell.value = ""
                        text = nil
                    } else {
                        text = TextCollector(kind: .value)
                    }
                case "t":
                    if cell.type == "inlineStr", cell.column > 0, !cell.inPhonetic {
                        text = text ?? TextCollector(kind: .inline)
                        text?.open = true
                    }
                case "rPh":
                    cell.inPhonetic = !node.isEmptyElement
                case "f":
                    cell.formula = true
                default: break
                }
            case .text:
                guard text?.open == true || text?.kind == .value else { return }
                guard let piece = node.value(limit: options.maxCellBytes) else {
                    throw fail("a cell of row \(rowNumber) holds more than \(options.maxCellBytes) bytes")
                }
                text?.value += piece
                if (text?.value.utf8.count ?? 0) > options.maxCellBytes {
                    throw fail("a cell of row \(rowNumber) holds more than \(options.maxCellBytes) bytes")
                }
            case .endElement:
                switch node.name {
                case "sheetData": inSheetData = false
                case "v":
                    cell.value = text?.value
                    text = nil
                case "t": text?.open = false
                case "rPh": cell.inPhonetic = false
                case "c":
                    if cell.type == "inlineStr" {
                        cell.value = text?.value
                        text = nil
                    }
                    // No calculated value: no `<v>`, or an empty one where the result is no text (openpyxl
                    // writes `<v/>`; Excel's empty result of a text formula is `t="str"` and stays empty).
                    if cell.formula, cell.value == nil || (cell.value == "" && cell.type != "str"),
                        cell.column > 0
                    {
                        self.row = max(rowNumber, 1)
                        throw WorkbookArchive.Failure(
                            message:
                                "a formula without a calculated value (the workbook was written by a program that "
                                + "does not calculate, such as openpyxl or pandas): open and save the workbook in "
                                + "Excel (or LibreOffice) so that its values are stored",
                            column: cell.column)
                    }
                    guard cell.column > 0, let value = cell.value else { return }
                    let shown = try shownValue(
                        cell, value: value, book: book, strings: strings, header: isHeader())
                    guard !shown.isEmpty else { return }
                    guard cell.column <= options.maxColumns else {
                        throw fail(
                            "row \(rowNumber) has a value in column \(Location.columnName(cell.column)), beyond column "
                                + "\(Location.columnName(options.maxColumns)); victrend reads at most "
                                + "\(options.maxColumns) columns")
                    }
                    valueCells += 1
                    guard valueCells <= options.maxCells else {
                        throw fail(
                            "the sheet has more than \(options.maxCells) cells with a value (row \(rowNumber) passes "
                                + "the limit); victrend does not read it: a table of yearly counts per country is "
                                + "far smaller (250 countries × 50 years)")
                    }
                    while cells.count < cell.column - 1 {
                        cells.append("")
                        numbers.append(false)
                    }
                    cells.append(shown)
                    numbers.append(
                        cell.type == "n"
                            && (!book.isDate(style: cell.style) || numberColumns.contains(cell.column - 1)))
                case "row":
                    deliverRow(&cells, &numbers, rowNumber, deliver)
                default: break
                }
            case .other:
                break
            }
            if stopRequested { throw WorkbookArchive.Failure(message: "") }
        }
    }

    private func deliverRow(
        _ cells: inout [String], _ numbers: inout [Bool], _ row: Int,
        _ deliver: ([String], [Bool], Int) -> Void
    ) {
        guard !cells.isEmpty else { return }
        deliver(cells, numbers, row)
        cells.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
    }

    /// The text a cell stands for (see the type's documentation).
    private func shownValue(_ cell: CellState, value: String, book: Book, strings: [String], header: Bool)
        throws(WorkbookArchive.Failure) -> String
    {
        switch cell.type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                throw WorkbookArchive.Failure(
                    message: "cell \(Location.columnName(cell.column))\(row) refers to shared string "
                        + "\(DisplayText.quoted(value, limit: 16)), which the workbook does not have")
            }
            return strings[index]
        case "str", "inlineStr", "e":
            return value
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        default:
            let number = Self.plainNumber(value)
            // A header's whole number 1900–2100 styled as a date is the year itself (`2019` typed into a
            // cell formatted as a date shows 1905-07-11, yet the year meant is 2019).
            if header, let year = Int(number), (1900...2100).contains(year) { return number }
            if book.isDate(style: cell.style), let serial = Int(number),
                let date = Self.date(serial: serial, date1904: book.date1904)
            {
                if header { return String(date.year) }
                // A year or count cell: the number stored (the date is only how Excel shows it).
                if numberColumns.contains(cell.column - 1) {
                    rowDates[cell.column - 1] = date.text
                    return number
                }
                return date.text
            }
            return number
        }
    }

    /// A cell being read.
    private struct CellState {
        var type = "n"
        var style = 0
        /// Its column (A = 1), or 0 when it has no value.
        var column = 0
        var value: String?
        var inPhonetic = false
        /// It has a formula (`<f>`); its value is then the cached result, if stored.
        var formula = false
    }

    /// Text gathered from a `<v>` or an inline string's `<t>` elements.
    private struct TextCollector {
        enum Kind { case value, inline }
        var kind: Kind
        var value = ""
        var open = false
    }

    // MARK: - Values

    /// `B7` as (column 2, row 7); `nil` when not a cell reference.
    static func cellReference(_ text: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var digits = false
        for byte in text.utf8 {
            if !digits, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") {
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                if column > 16384 { return nil }
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), column > 0 {
                digits = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > 1_048_576 { return nil }
            } else {
                return nil
            }
        }
        return digits && row > 0 ? (column, row) : nil
    }

    /// A number as stored (`14000`, `-3`, `0.5`, `1.4E+4`) written without an exponent (`14000`); any
    /// other text as it is. Digits are moved, never computed, so no value changes.
    static func plainNumber(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }),
            let exponent = Int(text[text.index(after: e)...]),
            abs(exponent) <= 30
        else { return text }
        var mantissa = Substring(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
            (whole + (parts.count == 2 ? parts[1] : "")).allSatisfy(\.isASCIIDigit)
        else { return text }
        var digits = Array(whole + (parts.count == 2 ? parts[1] : ""))
        var point = whole.count + exponent
        while point > digits.count { digits.append("0") }
        while point < 1 {
            digits.insert("0", at: 0)
            point += 1
        }
        var integer = String(digits[..<point])
        var fraction = String(digits[point...])
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The civil date of an Excel serial day: in the 1900 system 1 is 1900-01-01 (and Excel's phantom
    /// 1900-02-29 is 60), in the 1904 system 0 is 1904-01-01. `nil` outside years 1900–9999.
    static func date(serial: Int, date1904: Bool) -> (year: Int, text: String)? {
        guard serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        // Days since 1970-01-01.
        var days: Int
        if date1904 {
            days = serial - 24_107
        } else {
            if serial == 60 { return (1900, "1900-02-29") }
            days = serial - (serial < 60 ? 25_568 : 25_569)
        }
        // Howard Hinnant's civil_from_days.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return (year, "\(year)-\(two(month))-\(two(day))")
    }
}

extension WorkbookReader: RecordReader {
    func location(ofCell index: Int) -> Location {
        Location(file: path, line: row, column: index + 1, sheet: sheetName)
    }

    var recordLocation: Location { Location(file: path, line: row, sheet: sheetName) }

    var recordEndLine: Int { row }

    /// `; read the sheet 'Notes' of the workbook; its visible sheets: 'Notes', 'Daten' (read another
    /// with --sheet NAME)`: the table may be on another sheet than the one read (a notes or cover sheet
    /// first). The `--sheet` suggestion only when the workbook shows more than one sheet; with
    /// `--header-line`, that it applies to every sheet read (a title on one sheet only is common).
    /// A workbook's cells have no delimiter to get wrong: only the header line is suggested.
    var oneColumnHint: String { ColumnMapping.oneColumnHintWorkbook }

    var missingColumnHint: String? {
        guard !sheetName.isEmpty else { return nil }
        let shown = visibleSheets.prefix(20).map { DisplayText.quoted($0, limit: 64) }
        var hint = "; read the sheet \(DisplayText.quoted(sheetName, limit: 64)) of the workbook"
        if visibleSheets.count > 1 {
            hint +=
                "; its visible sheets: \(shown.joined(separator: ", "))"
                + (visibleSheets.count > shown.count ? ", ..." : "") + " (read another with --sheet NAME)"
        }
        if options.headerLine > 1 {
            hint +=
                "; its header was looked for on row \(options.headerLine): --header-line \(options.headerLine) "
                + "applies to every sheet read (leave it out for a sheet whose header is on row 1)"
        }
        return hint
    }

    func readNumbers(inCells cells: Set<Int>) {
        numberColumns = cells
    }

    func shownDate(cell index: Int) -> String? {
        shownDates[index]
    }

    func isStoredNumber(cell index: Int) -> Bool {
        numberCells.indices.contains(index) && numberCells[index]
    }

    func stop() {
        stopRequested = true
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
