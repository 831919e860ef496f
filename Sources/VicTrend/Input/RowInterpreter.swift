#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the records of one file, in any layout, into observations and withheld years.
///
/// The header decides the plan: which cell is the country, where the year and the count are (one
/// count cell per row in the long and SDMX layouts, one per year column in the wide layout), and which
/// rows `--filter` keeps. SDMX rows are held until the end of the file, because a dimension with
/// several values (`unit` NR and P_HTHAB) must be refused as a whole rather than as duplicates.
struct RowInterpreter {
    /// Where the figures are in a row.
    enum Shape {
        /// One figure a row; `year` is -1 in a file of dated running totals without a year column.
        case long(year: Int, count: Int)
        case wide(years: [(column: Int, year: Int)])
        case sdmx(year: Int, count: Int, dimensions: [Int])

        var isSDMX: Bool {
            if case .sdmx = self { return true }
            return false
        }
    }

    let options: PanelReader.Options
    private(set) var header: [String] = []
    private(set) var headerAccepted = false
    /// Where the accepted header is (its line, and its sheet in a workbook): the place of the findings
    /// about the file as a whole that `finish` adds.
    private(set) var headerLocation: Location?
    private(set) var dataRows = 0
    private var headerSeen = false
    private var country = 0
    private var shape = Shape.long(year: 0, count: 0)
    private var filters: [(column: Int, value: String)] = []
    /// `--exclude`: rows whose column has the value are left out.
    private var exclusions: [(column: Int, value: String)] = []
    /// The columns not read, watched for a breakdown beside its total (VT152; long and wide files).
    private var breakdown = BreakdownColumns(indices: [])
    /// Where the file comes from (decides column names, attributes and dimensions).
    private(set) var profile = SourceProfile.plain
    /// The attribute columns read for every figure (none in a plain file).
    private var attributes = AttributeColumns()
    /// Unit multipliers already noted (VT109), once per file and value.
    private var notedMultipliers: Set<Int> = []
    /// Rows every filter kept.
    private var filteredIn = 0
    /// For each filter, the rows it kept.
    private var filterKept: [Int] = []
    /// For each filter, the first distinct values (ignoring case) of the rows it was asked about, to
    /// name them when no row is kept.
    private var filterValues: [[String]] = []
    /// Columns after the country in the series key (`--by`).
    private var keyColumns: [Int] = []
    /// Country texts already resolved (at most `resolvedLimit`) that `knownCells` does not find by their
    /// cell: a key with what its match ignored, a key with a warning, a key `knownCells` had no room
    /// for, or why the text is left out. A shuffled file of many series meets each text again and
    /// again, and a look-up costs less than resolving again; a key `knownCells` keeps is not kept here
    /// too (10M shuffled rows of 500,000 keys: a dictionary grown to 500,000 texts took a tenth of the
    /// read). The limit only bounds a hostile file of that many distinct keys, which the panel holds
    /// anyway.
    private var resolved: [String: CountryResolution] = [:]
    private static let resolvedLimit = 1 << 20
    /// Room made at the first text resolved: the countries of a yearly file (54 took 7 resizes from
    /// empty) are kept without rehashing.
    private static let resolvedInitialCapacity = 256
    /// The cells, as written, of those texts that resolved to a key with nothing ignored: found from
    /// the bytes without making a `String` (the shuffled files' per-row cost).
    private var knownCells = KnownCells()
    /// Has `knownCells` load the slots of the rows to come (keys in no order).
    private var keyCellsAhead = KeyCellsAhead()
    /// The last accepted country cell as written: its first `lastCountryCount` bytes (the buffer only
    /// grows, so that remembering a cell is one copy, not an allocation).
    private var lastCountryBytes: [UInt8] = []
    private var lastCountryCount = 0
    private var lastCountry = ""
    /// The `knownCells` id of the row's key cell (kept from the last accepted country cell while the
    /// cell repeats): `-1` when not stored there, or when the key has more parts (`--by`). A hint for
    /// the builder (`RowOutput.add(_:cell:)`).
    private var keyCell = -1
    /// The last country cell's match, when it ignored part of the text (warned about on every row).
    private var lastIgnored: (text: String, match: CountryMatch)?
    /// SDMX figures and findings, held until the end of the file: when a dimension is ambiguous, only
    /// that is reported.
    private var held = HeldRows()
    private var dimensionValues: [Int: [String]] = [:]
    /// The date column of a long file of running totals (`--date-column`, aliases `date`, `as_of`), or
    /// -1; a year column of -1 means the date alone gives the year.
    private var dateColumn = -1
    /// Whether the accepted header has a date column: every figure of the file then carries its date.
    private(set) var dated = false
    /// The first file of the panel whose header was accepted, and whether it has dates (set by
    /// `PanelReader` before the file is read): a panel's files all have dates or none do (VT143).
    var panelDates: (path: String, dated: Bool)?
    /// Under `--sum`: the rows read so far, of every file, to tell a repeated row from a part. The
    /// caller hands it from file to file (swapping it in and out, so that it is never copied).
    var repeatedRows = RepeatedRows()
    /// Under `--sum`, whether the row being read repeats a row of another file cell for cell (VT207 said
    /// for the row, so not again for its figures).
    private var rowRepeatsAnotherFile = false

    /// The physical line the last record ended on (0 before the first).
    private var previousEndLine = 0
    /// Whether a blank row or line came after the header: rows with only their first cell are then
    /// footnotes (VT116), not data.
    private var belowBlankRow = false
    /// Rows with only their first cell filled and no blank row above them, held with what reading them
    /// as data gave: data when a data row follows (their findings stand), else footnotes without the
    /// blank row above them (VT161 instead of their errors).
    private var heldFootnotes: [(text: String, location: Location, rows: HeldRows, dataRows: Int)] = []
    private var holdingFootnote = false

    init(options: PanelReader.Options) {
        self.options = options
    }

    /// The text of a row whose first cell alone is filled (a footnote, once below a blank row), or `nil`.
    static func footnote(_ record: CSVRecord) -> String? {
        // The other cells first: a data row has a second cell, found filled at once.
        guard record.count >= 1, onlyEmptyCells(record, from: 1), !CellParsing.trimmed(record[0]).isEmpty
        else { return nil }
        return record.text(0).trimmingBlanks
    }

    /// Whether every cell of `record` from `start` on is empty (or blank): the trailing empty columns a
    /// spreadsheet writes after the table.
    static func onlyEmptyCells(_ record: CSVRecord, from start: Int) -> Bool {
        guard start <= record.count else { return false }
        return (start..<record.count).allSatisfy { CellParsing.trimmed(record[$0]).isEmpty }
    }

    // MARK: - Header

    /// Interprets one record (the first is the header), putting its figures and findings into `output`.
    mutating func receive(
        _ record: CSVRecord, from reader: some RecordReader, into output: inout some RowOutput
    ) {
        // A blank line before this record (blank lines are not records): the end of the table.
        let afterBlankLine = previousEndLine > 0 && record.line > previousEndLine + 1
        previousEndLine = reader.recordEndLine
        guard headerSeen else {
            headerSeen = true
            if options.sum { repeatedRows.beginFile(reader.recordLocation) }
            readHeader(record, from: reader, output: &output)
            return
        }
        guard headerAccepted else { return }
        keyCellsAhead.row(from: reader, cells: knownCells, column: country)
        if afterBlankLine || record.isBlank { belowBlankRow = true }
        if record.isBlank { return }
        if belowBlankRow, let footnote = Self.footnote(record) {
            releaseHeldFootnotes(asFootnotes: true, into: &output)
            output.add(
                Diagnostic(
                    .footnoteBelowTable, at: reader.recordLocation,
                    "a footnote below the table, not read as data: \(DisplayText.quoted(footnote, limit: 80))"
                ))
            return
        }
        if !holdingFootnote {
            if let text = Self.footnote(record), !shape.isSDMX {
                holdingFootnote = true
                defer { holdingFootnote = false }
                var held = HeldRows()
                let before = dataRows
                receive(record, from: reader, into: &held)
                heldFootnotes.append((text, reader.recordLocation, held, dataRows - before))
                return
            }
            releaseHeldFootnotes(asFootnotes: false, into: &output)
        }
        dataRows += 1
        guard record.count == header.count || Self.onlyEmptyCells(record, from: header.count) else {
            output.add(.error) { cellCountProblem(record, from: reader) }
            return
        }
        for exclusion in exclusions
        where Self.cell(
            String(decoding: CellParsing.trimmed(record[exclusion.column]), as: UTF8.self),
            is: exclusion.value)
        {
            return
        }
        for (index, filter) in filters.enumerated() {
            let cell = String(decoding: CellParsing.trimmed(record[filter.column]), as: UTF8.self)
            if !Self.cell(cell, is: filter.value) {
                if filterValues[index].count < Self.filterValuesShown + 1,
                    !filterValues[index].contains(where: { $0.lowercased() == cell.lowercased() })
                {
                    filterValues[index].append(String(cell.unicodeScalars.prefix(64)))
                }
                return
            }
            filterKept[index] += 1
        }
        if !filters.isEmpty { filteredIn += 1 }
        rowRepeatsAnotherFile = false
        if options.sum, let earlier = repeatedRows.earlier(record, line: record.line) {
            let here = reader.recordLocation
            if earlier.sameFile {
                output.add(.warning) { Self.repeatedRow(first: earlier.location, at: here) }
                return
            }
            rowRepeatsAnotherFile = true
            output.add(.warning) { Self.rowRepeatedAcrossFiles(first: earlier.location, at: here) }
        }
        breakdown.observe(record, from: reader)
        switch shape {
        case .long(let year, let count):
            if attributes.isEmpty {
                readYear(
                    record, yearColumn: year, countColumn: count, status: .plain, reader: reader,
                    into: &output)
            } else {
                guard let status = rowStatus(record, reader: reader, output: &output) else { return }
                readYear(
                    record, yearColumn: year, countColumn: count, status: status, reader: reader,
                    into: &output)
            }
        case .wide(let years):
            guard let key = countryKey(record, reader: reader, output: &output) else { return }
            for (column, year) in years {
                addFigure(
                    record, key: key, year: year, countColumn: column, status: .plain, reader: reader,
                    into: &output)
            }
        case .sdmx(let year, let count, let dimensions):
            for column in dimensions {
                let value = String(decoding: CellParsing.trimmed(record[column]), as: UTF8.self)
                if !(dimensionValues[column, default: []].contains(value)) {
                    dimensionValues[column, default: []].append(value)
                }
            }
            var rows = HeldRows()
            swap(&rows, &held)
            defer { swap(&rows, &held) }
            guard let status = rowStatus(record, reader: reader, output: &rows) else { return }
            readYear(
                record, yearColumn: year, countColumn: count, status: status, reader: reader, into: &rows)
        }
    }

    private mutating func readHeader(
        _ record: CSVRecord, from reader: some RecordReader, output: inout some RowOutput
    ) {
        var cells: [String] = []
        for index in 0..<record.count {
            guard let text = CellParsing.text(record[index]) else {
                output.add(Self.invalidUTF8(at: reader.location(ofCell: index)))
                return
            }
            cells.append(text)
        }
        // Empty columns after the table's last (a spreadsheet's used range) are not columns.
        while cells.count > 1, cells.last?.trimmingBlanks.isEmpty == true { cells.removeLast() }
        header = cells
        var names = cells.map(ColumnMapping.normalise)
        // The UN SDG API brackets its disaggregations and attributes (`[Nature]`, `[Sex]`, `[Units]`):
        // the same columns as without the brackets.
        if SourceProfile.detect(names) == .unSDG {
            names = cells.map { ColumnMapping.normalise(Self.unbracketed($0)) }
        }
        let location = reader.recordLocation
        var problems: [Diagnostic] = []
        /// The column an option names (as written first, then matched like header names), or `nil` after
        /// noting that there is none.
        func column(_ name: String, namedBy option: String, else code: DiagnosticCode) -> Int? {
            if let column = cells.firstIndex(where: { $0.trimmingBlanks == name.trimmingBlanks }) {
                return column
            }
            if let column = names.firstIndex(of: ColumnMapping.normalise(name)) { return column }
            problems.append(
                Diagnostic(
                    code, at: location,
                    "\(option) names the column '\(name)', which the header does not have: "
                        + cells.map { "'\($0)'" }.joined(separator: ", ")))
            return nil
        }
        for (name, value) in options.filters.sorted(by: { $0.key < $1.key }) {
            if let found = column(name, namedBy: "--filter", else: .unknownFilterColumn) {
                filters.append((found, value))
                filterValues.append([])
                filterKept.append(0)
            }
        }
        for exclusion in options.exclusions {
            if let found = column(exclusion.column, namedBy: "--exclude", else: .unknownFilterColumn) {
                exclusions.append((found, exclusion.value))
            }
        }
        for name in options.keyColumns {
            if let found = column(name, namedBy: "--by", else: .missingColumn) { keyColumns.append(found) }
        }
        profile = SourceProfile.detect(names)
        let layout = options.layout == .auto ? Self.detect(names, overrides: options.columns) : options.layout
        let overrides = options.columns
        switch ColumnMapping.column(
            for: .country, in: names, header: cells, overrides: overrides, at: location, profile: profile,
            oneColumnHint: reader.oneColumnHint)
        {
        case .success(let index): country = index
        case .failure(let problem): problems.append(problem)
        }
        switch layout {
        case .long, .auto, .sdmx:
            var year = 0
            var count = 0
            let problemsBefore = problems.count
            let date =
                layout == .sdmx
                ? sdmxDateColumn(at: location, problems: &problems)
                : Self.dateColumn(
                    names: names, header: cells, options: options, at: location, problems: &problems)
            for role in [ColumnMapping.Role.year, .count] {
                switch ColumnMapping.column(
                    for: role, in: names, header: cells, overrides: overrides, at: location, profile: profile,
                    oneColumnHint: reader.oneColumnHint)
                {
                case .success(let index): if role == .year { year = index } else { count = index }
                case .failure(let problem):
                    // With a date column the year column is optional: the date's year is the figure's (and
                    // when the date column itself is at fault, that is the one error to report).
                    let dateSought = date != nil || problems.count > problemsBefore
                    if role == .year && dateSought && problem.code == .missingColumn && overrides.year == nil
                    {
                        year = -1
                    } else if role == .year && options.readsDates && layout != .sdmx
                        && problem.code == .missingColumn && overrides.year == nil
                    {
                        // Running totals may give a date instead of a year: say so.
                        var problem = problem
                        problem.message +=
                            "; running totals may instead have a date column (date or as_of, or --date-column NAME)"
                        problems.append(problem)
                    } else {
                        problems.append(problem)
                    }
                }
            }
            let used = [country, count] + (year >= 0 ? [year] : []) + (date.map { [$0] } ?? [])
            // --by splits a country's series by a column's values: the year, the count or the date would
            // make every figure a series of its own (each a "first year"), so nothing would be assessed.
            if problems.isEmpty, let clash = keyColumns.first(where: { used.dropFirst().contains($0) }) {
                let role =
                    clash == count
                    ? "the count column" : clash == year ? "the year column" : "the date column"
                problems.append(Self.byNamesFigures(cells[clash], role: role, at: location))
            }
            if problems.isEmpty && Set(used).count < used.count {
                problems.append(
                    Diagnostic(
                        .ambiguousColumn, at: location,
                        date == nil
                            ? "one column cannot be two of country, year and count; check the --*-column options"
                            : "one column cannot be two of country, year, count and date; check the --*-column "
                                + "options"))
            }
            dateColumn = date ?? -1
            dated = date != nil
            if let panelDates, panelDates.dated != dated, problems.isEmpty {
                problems.append(
                    Diagnostic(
                        .datesInSomeFiles, at: location,
                        dated
                            ? "this file has a date column but \(panelDates.path) has none; the running totals "
                                + "of one panel are dated in every file or in none (elapsed times could not "
                                + "be compared): add the dates to \(panelDates.path) or read the files apart"
                            : "this file has no date column but \(panelDates.path) has one; the running totals "
                                + "of one panel are dated in every file or in none (elapsed times could not "
                                + "be compared): add a date column (date or as_of) or read the files apart"))
            }
            attributes = AttributeColumns(names: names, profile: profile)
            if layout == .sdmx {
                let fixed = Set([country, year, count] + filters.map(\.column) + keyColumns)
                // A file read as SDMX without a known source: SDMX-CSV's rule (dimensions before the count).
                let rules = profile == .plain ? SourceProfile.eurostat : profile
                let dimensions = rules.dimensions(header: cells, names: names, fixed: fixed, count: count)
                shape = .sdmx(year: year, count: count, dimensions: dimensions)
                self.layout = .sdmx
            } else {
                shape = .long(year: year, count: count)
                self.layout = .long
            }
        case .wide:
            if let name = options.dateColumn {
                problems.append(
                    Self.dateColumnRefused(name, layout: "a wide file (one column per year)", at: location))
            }
            var years: [(Int, Int)] = []
            for (index, name) in cells.enumerated() where index != country {
                let text = name.trimmingBlanks
                if let year = CellParsing.unsignedInteger(ArraySlice(Array(text.utf8))), text.count == 4,
                    year >= 1000
                {
                    years.append((index, year))
                } else if Self.wideKeyNames.contains(ColumnMapping.normalise(text)) {
                    continue
                } else if MembersReader.firstYearIn(text) != nil {
                    problems.append(
                        Diagnostic(
                            .invalidYearColumn, at: reader.location(ofCell: index),
                            "the column '\(text)' looks like a year but is not one; name year columns by the "
                                + "year alone (2015), or its figures would be left out"))
                } else if Self.holdsDigits(text) {
                    // `2.019`, `Jan 19`, full-width `２０２０`, `20191`: perhaps a year, so never left out unseen.
                    problems.append(
                        Diagnostic(
                            .invalidYearColumn, at: reader.location(ofCell: index),
                            "the column \(DisplayText.quoted(text, limit: 40)) holds digits but is not a year; "
                                + "name year columns by the year alone in four digits (2015), or remove the "
                                + "column: its figures would be left out"))
                }
            }
            // A year heading two columns would give each row two figures for it (VT201 or VT206 per row).
            var firstColumn: [Int: Int] = [:]
            for (index, year) in years {
                guard let first = firstColumn[year] else {
                    firstColumn[year] = index
                    continue
                }
                problems.append(
                    Diagnostic(
                        .ambiguousColumn, at: reader.location(ofCell: index),
                        "the year \(year) heads two columns (\(first + 1) and \(index + 1)); a wide file has one "
                            + "column per year: remove one, or rename it if it is another year"))
            }
            if years.isEmpty && problems.isEmpty {
                problems.append(
                    Diagnostic(
                        .missingColumn, at: location,
                        "a wide file needs columns named by years (country,2013,2014,...); the header has: "
                            + cells.map { "'\($0)'" }.joined(separator: ", ")))
            }
            if problems.isEmpty,
                let clash = keyColumns.first(where: { key in years.contains { $0.0 == key } })
            {
                problems.append(Self.byNamesFigures(cells[clash], role: "a year column", at: location))
            }
            shape = .wide(years: years)
            self.layout = .wide
        }
        if problems.isEmpty {
            headerAccepted = true
            headerLocation = location
            var read = Set(
                filters.map(\.column) + exclusions.map(\.column) + keyColumns + [country, dateColumn])
            // The cells read as numbers (a workbook's number styled as a date is the number stored).
            switch shape {
            case .long(let year, let count):
                read.formUnion([year, count])
                reader.readNumbers(inCells: Set([year, count].filter { $0 >= 0 }))
            case .wide(let years):
                read.formUnion(years.map(\.column))
                reader.readNumbers(inCells: Set(years.map(\.column)))
            case .sdmx(let year, let count, _):
                read.formUnion(cells.indices)
                reader.readNumbers(inCells: Set([year, count].filter { $0 >= 0 }))
            }
            breakdown = BreakdownColumns(
                indices: cells.indices.filter { !read.contains($0) },
                keys: keyColumns.filter { $0 != country })
        } else {
            for var problem in problems {
                if problem.code == .missingColumn, let hint = reader.missingColumnHint {
                    problem.message += hint
                }
                output.add(problem)
            }
        }
    }

    /// A header name without the square brackets around it (`[Nature]` is `Nature`).
    static func unbracketed(_ name: String) -> String {
        let text = name.trimmingBlanks
        guard text.count > 2, text.first == "[", text.last == "]" else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// Whether a wide header cell holds a digit of any script (`2.019`, `Jan 19`, `２０２０`): such a
    /// column is a year or an error, never a label column left out unseen.
    static func holdsDigits(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// Normalised names of columns with digits that a wide file may hold beside its years: codes of the
    /// country (`iso3`, `ISO 3166`, `M49`).
    static let wideKeyNames: Set<String> = [
        "iso2", "iso3", "iso_3166", "iso3166", "iso_3166_1", "iso_3166_alpha_2", "iso_3166_alpha_3", "iso_a2",
        "iso_a3", "m49", "m49_code", "iso3_code", "iso2_code",
    ]

    /// The layout a header describes (see `InputLayout.auto`).
    static func detect(_ names: [String], overrides: ColumnMapping.Overrides) -> InputLayout {
        if SourceProfile.detect(names).isSDMXLike {
            return .sdmx
        }
        let yearNames =
            overrides.year.map { [ColumnMapping.normalise($0)] }
            ?? ColumnMapping.Role.year.aliases + ColumnMapping.Role.year.fallbackAliases
        let hasYearColumn = names.contains { yearNames.contains($0) }
        let hasYearHeaders = names.contains { $0.count == 4 && Int($0).map { $0 >= 1000 } == true }
        return !hasYearColumn && hasYearHeaders ? .wide : .long
    }

    // MARK: - Rows

    /// Reads a row with one year cell and one count cell (long and SDMX layouts).
    private mutating func readYear(
        _ record: CSVRecord, yearColumn: Int, countColumn: Int, status: RowStatus, reader: some RecordReader,
        into output: inout some RowOutput
    ) {
        let key = countryKey(record, reader: reader, output: &output)
        var year: Int?
        if yearColumn >= 0 {
            year = CellParsing.plainYear(record[yearColumn])
            if year == nil {
                switch CellParsing.year(record[yearColumn]) {
                case .success(let value): year = value
                case .failure(let problem):
                    var message = problem.message
                    if let date = reader.shownDate(cell: yearColumn) {
                        // A date (serial day) in a year cell: its year is not guessed.
                        message =
                            "expected a four-digit year such as 2015, found the date \(date) (stored as the number "
                            + "\(CellParsing.show(record[yearColumn])) formatted as a date); a year column holds "
                            + "the year alone: type the year (\(date.prefix(4))) into the cell"
                    }
                    output.add(Diagnostic(problem.code, at: reader.location(ofCell: yearColumn), message))
                }
            }
        }
        var asOf: AsOfDate?
        if dateColumn >= 0 {
            let yearCell = year
            year = nil
            switch Self.date(
                record[dateColumn], year: yearCell, yearColumn: yearColumn >= 0 ? header[yearColumn] : nil)
            {
            case .success(let date):
                asOf = date
                // A year cell that is no year (reported above) leaves the row out.
                year = yearColumn < 0 || yearCell != nil ? date.year : nil
            case .failure(let problem):
                output.add(problem.at(reader.location(ofCell: dateColumn)))
            }
        }
        guard let key, let year else {
            // Still check the count, so that every problem of the row is reported at once.
            if case .failure(let problem) = CountCell.read(
                record[countColumn], layout: layout,
                thousands: reader.isStoredNumber(cell: countColumn) ? nil : options.thousandsSeparator)
            {
                output.add(countProblem(problem, record, countColumn: countColumn, reader: reader))
            }
            return
        }
        addFigure(
            record, key: key, year: year, countColumn: countColumn, status: status, reader: reader,
            into: &output, asOf: asOf)
    }

    /// A count cell's problem, located at the cell. A workbook's number cell has no thousands separator
    /// (`1.234` stored as a number is one point two three four), so no hint to use one is given for it.
    private func countProblem(
        _ problem: CellParsing.Problem, _ record: CSVRecord, countColumn: Int, reader: some RecordReader
    ) -> Diagnostic {
        var message = problem.message
        if profile.isSDMXLike, !reader.isStoredNumber(cell: countColumn),
            problem.suggestsSeparator, record[countColumn].contains(UInt8(ascii: "."))
        {
            let written = String(decoding: CellParsing.trimmed(record[countColumn]), as: UTF8.self)
            message =
                "the count \(CellParsing.show(record[countColumn])) is not a whole count: in SDMX-CSV (Eurostat, "
                + "the OECD, the UN SDG database) '.' is always the decimal mark, so it is "
                + "\(Self.decimalReading(written)), never \(written.filter { $0 != "." }) "
                + "(--thousands-separator does not apply to \(header[countColumn].trimmingBlanks)). A file "
                + "re-saved by a spreadsheet may have turned 1100 into '1.100': download it again from the "
                + "source and give it to victrend unchanged"
        } else if reader.isStoredNumber(cell: countColumn), problem.suggestsSeparator {
            message =
                "the count \(CellParsing.show(record[countColumn])) is stored in the workbook as a number that "
                + "is not whole (a number cell has no thousands separator: --thousands-separator applies to "
                + "counts stored as text); counts of victims are whole numbers, correct the cell"
        }
        return Diagnostic(problem.code, at: reader.location(ofCell: countColumn), message)
    }

    /// The number a decimal text (`1.100`) stands for, written shortest (`1.1`; `1.000` is `1`).
    static func decimalReading(_ text: String) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text }
        var fraction = text[text.index(after: dot)...]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return fraction.isEmpty ? String(text[..<dot]) : text[..<dot] + "." + fraction
    }

    /// The layout of `shape`, kept beside it (read for every cell; a switch over `shape` would copy its
    /// payload).
    private var layout = InputLayout.long

    /// Adds the figure of one count cell to `output` (SDMX files: to the held rows).
    private mutating func addFigure(
        _ record: CSVRecord, key: String, year: Int, countColumn: Int, status: RowStatus,
        reader: some RecordReader,
        into output: inout some RowOutput, asOf: AsOfDate? = nil
    ) {
        let location = layout == .wide ? reader.location(ofCell: countColumn) : reader.recordLocation
        var cell: CountCell
        if status.multiplier == 0, let victims = CellParsing.plainCount(record[countColumn]) {
            cell = .count(victims)
        } else {
            switch CountCell.read(
                record[countColumn], layout: layout, multiplier: status.multiplier,
                column: status.multiplierSource ?? multiplierName,
                thousands: reader.isStoredNumber(cell: countColumn) ? nil : options.thousandsSeparator)
            {
            case .success(let value): cell = value
            case .failure(let problem):
                output.add(countProblem(problem, record, countColumn: countColumn, reader: reader))
                return
            }
        }
        if let missing = status.missing {
            if case .count = cell {
                output.add(
                    Diagnostic(
                        .missingWithValue, at: reader.location(ofCell: countColumn),
                        "\(key) \(year): the status '\(missing)' marks the figure as missing, yet the cell holds "
                            + "\(CellParsing.show(record[countColumn])); ask the source which is right, or leave "
                            + "the row out (--exclude)"))
                return
            }
            cell = .missing
        }
        if let marker = status.withheld {
            cell = .withheld(marker)
        }
        switch cell {
        case .missing:
            return
        case .count(let victims):
            if status.multiplier > 0 && !notedMultipliers.contains(status.multiplier) {
                notedMultipliers.insert(status.multiplier)
                noteMultiplier(
                    status.multiplier, source: status.multiplierSource, record: record,
                    countColumn: countColumn,
                    victims: victims, reader: reader, into: &output)
            }
            if options.sum,
                let earlier = repeatedRows.earlierFigure(
                    key: key, year: year, victims: victims, countryCell: record[country], line: location.line),
                !rowRepeatsAnotherFile
            {
                output.add(.warning) {
                    Self.figureRepeated(
                        key: key, year: year, victims: victims, first: earlier.location,
                        sameFile: earlier.sameFile, at: location)
                }
            }
            var observation = Observation(
                country: key, year: year, victims: victims, location: location, flags: status.flags)
            observation.asOf = asOf
            output.add(consume observation, cell: keyCell)
        case .withheld(let marker):
            output.add(
                Diagnostic(
                    .withheldValue, at: location,
                    "\(key) \(year): the figure is withheld ('\(marker)'); the year is not assessed"))
            var figure = WithheldFigure(country: key, year: year, marker: marker, location: location)
            figure.asOf = asOf
            output.add(figure)
        }
    }

    // MARK: - Dates

    /// The date column of a long file's header (`names` normalised), or `nil` when there is none to
    /// read: dates are read only for running totals (`options.readsDates`). `--date-column` is looked
    /// for as written first, then as header names are compared; without it, a column named `date` or
    /// `as_of` is the date column. A missing named column, several candidates, or `--date-column`
    /// without running totals is a problem.
    static func dateColumn(
        names: [String], header: [String], options: PanelReader.Options, at location: Location,
        problems: inout [Diagnostic]
    ) -> Int? {
        let named = options.dateColumn
        guard options.readsDates else {
            if let named {
                problems.append(
                    Diagnostic(
                        .dateColumnRefused, at: location,
                        "--date-column \(named) applies to running totals (--series cumulative); annual "
                            + "counts are compared by year"))
            }
            return nil
        }
        if let named {
            let exact = header.indices.filter { header[$0].trimmingBlanks == named.trimmingBlanks }
            if exact.count == 1 { return exact[0] }
        }
        let wanted = named.map { [ColumnMapping.normalise($0)] } ?? dateAliases
        let matches = names.indices.filter { wanted.contains(names[$0]) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            if let named {
                problems.append(
                    Diagnostic(
                        .missingColumn, at: location,
                        "expected a column named '\(named)' (--date-column); the header has \(header.count) "
                            + "column\(header.count == 1 ? "" : "s"): "
                            + header.map { "'\(DisplayText.prefix($0, limit: 40))'" }.joined(separator: ", "))
                )
            }
            return nil
        }
        problems.append(
            Diagnostic(
                .ambiguousColumn, at: location,
                ColumnMapping.severalColumns("date", matches, header: header, option: "--date-column")))
        return nil
    }

    /// Header names (normalised) that make a column the date column of running totals.
    static let dateAliases = ["date", "as_of"]

    /// An SDMX file has no date column: `--date-column` is refused (SDMX's monthly `TIME_PERIOD` such
    /// as `2022-11` is not read).
    private func sdmxDateColumn(at location: Location, problems: inout [Diagnostic]) -> Int? {
        if let name = options.dateColumn {
            problems.append(
                Self.dateColumnRefused(
                    name,
                    layout: "an SDMX-CSV file (its TIME_PERIOD is a year; monthly periods such as 2022-11 "
                        + "are not read)", at: location))
        }
        return nil
    }

    /// The refusal (VT142) of `--date-column` for a file in a layout without one.
    static func dateColumnRefused(_ name: String, layout: String, at location: Location) -> Diagnostic {
        Diagnostic(
            .dateColumnRefused, at: location,
            "--date-column \(name) applies to the long layout (country,date,victims); this is \(layout): "
                + "leave out --date-column, or give the running totals in a long file")
    }

    /// Why a date cell cannot be read, before its location is known.
    struct DateProblem: Error {
        var code: DiagnosticCode
        var message: String

        func at(_ location: Location) -> Diagnostic { Diagnostic(code, at: location, message) }
    }

    /// The date in `cell`, checked against the row's year cell (`year`, `nil` when the file has no year
    /// column or the cell was not a year, already reported) of the column `yearColumn`.
    static func date(_ cell: some CellParsing.Cell, year: Int?, yearColumn: String?) -> Result<
        AsOfDate, DateProblem
    > {
        let text = CellParsing.trimmed(cell)
        if text.isEmpty {
            return .failure(
                DateProblem(
                    code: .invalidDate,
                    message: "the date is empty; every running total needs the date it stands at "
                        + "(YYYY-MM-DD, or YYYY-MM for a month)"))
        }
        switch AsOfDate.parse(String(decoding: text, as: UTF8.self)) {
        case .failure(let problem):
            return .failure(DateProblem(code: .invalidDate, message: problem.description))
        case .success(let date):
            if let year, year != date.year, let yearColumn {
                return .failure(
                    DateProblem(
                        code: .dateYearMismatch,
                        message: "the date \(date.text) is in \(date.year) but the "
                            + "\(DisplayText.quoted(yearColumn.trimmingBlanks, limit: 40)) cell says \(year); "
                            + "correct one of them, or leave out the year column (the date gives the year)"))
            }
            return .success(date)
        }
    }

    // MARK: - Attributes

    /// The header of the unit multiplier column, for messages.
    private var multiplierName: String {
        attributes.multiplier.map { header[$0].trimmingBlanks } ?? "UNIT_MULT"
    }

    /// What the attribute cells of a row say about its figure, or `nil` after reporting why the row
    /// cannot be read (a forecast, a status or multiplier victrend does not understand).
    private func rowStatus(_ record: CSVRecord, reader: some RecordReader, output: inout some RowOutput)
        -> RowStatus?
    {
        var status = RowStatus()
        if let column = attributes.eurostatFlag {
            let text = record.text(column).trimmingBlanks
            let name = header[column].trimmingBlanks
            guard let letters = ObservationStatus.eurostatLetters(text) else {
                output.add(
                    Diagnostic(
                        .unknownStatus, at: reader.location(ofCell: column),
                        "unknown flag \(DisplayText.quoted(text, limit: 24)) in \(name); victrend reads Eurostat's "
                            + "flag letters (\(ObservationStatus.eurostatCodes), alone or as in 'b:break in time "
                            + "series') or one of its flag labels in full (\(ObservationStatus.eurostatLabelNames)), "
                            + "never other words, so that no estimate, break or forecast passes unnoticed"
                    ))
                return nil
            }
            for letter in letters {
                // Every letter is known (`eurostatLetters`).
                guard let meaning = ObservationStatus.eurostatMeaning(letter),
                    apply(
                        meaning, letter: letter, excluding: text.contains(":") ? letters : text, column: name,
                        to: &status,
                        at: reader.location(ofCell: column), output: &output)
                else { return nil }
            }
            status.flags = ObservationFlag.allCases.filter(status.flags.contains)
        }
        if let column = attributes.confidential {
            let text = record.text(column).trimmingBlanks
            switch ObservationStatus.isConfidential(text) {
            case true?: status.withheld = "c"
            case false?: break
            case nil:
                output.add(
                    Diagnostic(
                        .unknownStatus, at: reader.location(ofCell: column),
                        "unknown confidentiality status \(DisplayText.quoted(text, limit: 64)) in "
                            + "\(header[column].trimmingBlanks); victrend reads the SDMX codes "
                            + "\(ObservationStatus.confidentialityCodes), so that no confidential figure is "
                            + "counted"))
                return nil
            }
        }
        if let column = attributes.status {
            let written = record.text(column).trimmingBlanks
            // The OECD's labels (`Normal value`) are read in a code column too: its "labels only"
            // export may keep the SDMX header names.
            let text = written.count > 1 ? ObservationStatus.code(label: written) ?? written : written
            // One code per figure: `NA` or `EP` is no SDMX status, and reading it letter by letter could
            // take "not available" for "not significant".
            if text.count > 1 {
                output.add(
                    Self.unknownStatus(
                        text, column: header[column].trimmingBlanks, at: reader.location(ofCell: column)))
                return nil
            }
            for letter in text {
                let name = header[column].trimmingBlanks
                guard let meaning = ObservationStatus.meaning(letter) else {
                    output.add(Self.unknownStatus(text, column: name, at: reader.location(ofCell: column)))
                    return nil
                }
                guard
                    apply(
                        meaning, letter: letter, excluding: written, column: name, to: &status,
                        at: reader.location(ofCell: column), output: &output)
                else { return nil }
            }
            // Flags in canonical order, as Eurostat's are.
            status.flags = ObservationFlag.allCases.filter(status.flags.contains)
        }
        if let column = attributes.nature {
            for flag in ObservationStatus.natureFlags(record.text(column).trimmingBlanks)
            where !status.flags.contains(flag) {
                status.flags = ObservationFlag.allCases.filter { $0 == flag || status.flags.contains($0) }
            }
        }
        if let column = attributes.multiplier {
            let written = record.text(column).trimmingBlanks
            let text = ObservationStatus.multiplier(label: written) ?? written
            guard let multiplier = ObservationStatus.multiplier(text) else {
                output.add(
                    Diagnostic(
                        .invalidUnitMultiplier, at: reader.location(ofCell: column),
                        "the unit multiplier \(DisplayText.quoted(text, limit: 64)) in \(multiplierName) is not "
                            + "a whole number from 0 to 18 (0 units, 3 thousands, 6 millions) nor the OECD's label "
                            + "of one (\(ObservationStatus.multiplierLabelNames)); the figure cannot be read")
                )
                return nil
            }
            status.multiplier = multiplier
        }
        if let column = attributes.eurostatUnit {
            let unit = record.text(column).trimmingBlanks
            let multiple = ObservationStatus.eurostatUnitMultiplier(unit)
            if multiple > 0 {
                // A unit in thousands beside a UNIT_MULT: which one the figure is given in is the source's
                // to say; multiplying twice or once would be a guess.
                guard status.multiplier == 0 else {
                    output.add(
                        Diagnostic(
                            .invalidUnitMultiplier, at: reader.location(ofCell: column),
                            "the unit \(DisplayText.quoted(unit, limit: 64)) is in \(ObservationStatus.scaleName(multiple)) "
                                + "and \(multiplierName) says \(status.multiplier) too: whether the figure is "
                                + "multiplied once or twice is the source's to say; the figure cannot be read"
                        ))
                    return nil
                }
                status.multiplier = multiple
                status.multiplierSource = "\(header[column].trimmingBlanks) \(unit)"
            }
        }
        return status
    }

    /// Adds the `meaning` of one status or flag `letter` of the column `column` (whose cell holds
    /// `cell`, the value `--exclude` takes) to `status`; false after reporting a forecast (VT112).
    private func apply(
        _ meaning: ObservationStatus.Meaning, letter: Character, excluding cell: String, column: String,
        to status: inout RowStatus, at location: Location, output: inout some RowOutput
    ) -> Bool {
        switch meaning {
        case .flag(let flag?):
            if !status.flags.contains(flag) { status.flags.append(flag) }
        case .flag(nil): break
        case .withheld: status.withheld = String(letter)
        case .missing: status.missing = String(letter)
        case .forecast:
            output.add(
                Diagnostic(
                    .forecastValue, at: location,
                    "'\(letter)' in \(column) marks a forecast: a forecast is not a count of identified "
                        + "victims; leave such rows out (--exclude '\(column)=\(cell)') or ask the source "
                        + "for the reported figure"))
            return false
        }
        return true
    }

    /// The error for a status cell that is not one SDMX code.
    private static func unknownStatus(_ text: String, column: String, at location: Location) -> Diagnostic {
        Diagnostic(
            .unknownStatus, at: location,
            "unknown status \(DisplayText.quoted(text, limit: 64)) in \(column); victrend reads one SDMX code "
                + "per figure (\(ObservationStatus.knownCodes)) or one whole label of SDMX's CL_OBS_STATUS, in "
                + "English or French ('Normal value', 'Time series break', 'Estimated value', 'Valeur normale'...; "
                + "see docs/source-exports.md), so that no estimate, break or forecast passes unnoticed")
    }

    /// The note (VT109) that a file gives its figures in units of 10^multiplier, at the first figure read
    /// with it.
    private func noteMultiplier(
        _ multiplier: Int, source: String?, record: CSVRecord, countColumn: Int, victims: Int,
        reader: some RecordReader,
        into output: inout some RowOutput
    ) {
        var factor = 1
        for _ in 0..<multiplier { factor *= 10 }
        let written = String(decoding: CellParsing.trimmed(record[countColumn]), as: UTF8.self)
        output.add(
            Diagnostic(
                .unitMultiplierApplied, at: reader.location(ofCell: countColumn),
                "\(header[countColumn].trimmingBlanks) is given in \(ObservationStatus.scaleName(multiplier)) "
                    + "(\(source ?? "\(multiplierName) \(multiplier)")): every such figure is multiplied by "
                    + "\(factor) "
                    + "(\(DisplayText.quoted(written, limit: 24)) is read as \(victims) victims)"))
    }

    /// Whether a cell holds `value` for `--filter` and `--exclude`: compared ignoring case, and for a
    /// Eurostat "codes and labels" cell (`NR:Number`) also with its code or its label.
    static func cell(_ cell: String, is value: String) -> Bool {
        let wanted = value.lowercased()
        let text = cell.lowercased()
        if text == wanted { return true }
        guard let colon = text.firstIndex(of: ":") else { return false }
        return text[..<colon].trimmingBlanks == wanted
            || text[text.index(after: colon)...].trimmingBlanks == wanted
    }

    /// At the end of the file: SDMX rows are added unless a dimension has several values.
    /// How many values of a filter's column an error names.
    private static let filterValuesShown = 8

    /// The error when the filters leave no row of the file: names, for the first filter that kept none
    /// of the rows it was asked about, the values its column holds.
    private func noRowFiltered(path: String) -> Diagnostic {
        let asked = filters.map { "\(header[$0.column])=\($0.value)" }.joined(separator: " ")
        let index = filterKept.firstIndex(of: 0) ?? 0
        let values = filterValues.indices.contains(index) ? filterValues[index] : []
        var shown = values.prefix(Self.filterValuesShown).map { "'\($0)'" }.joined(separator: ", ")
        if values.count > Self.filterValuesShown { shown += ", ..." }
        let column = filters.indices.contains(index) ? header[filters[index].column] : ""
        return Diagnostic(
            .filterKeepsNothing, at: headerLocation ?? Location(file: path, line: 1),
            "--filter \(asked) keeps none of the \(dataRows) rows; the column '\(column)' holds \(shown) "
                + "(compared ignoring case)")
    }

    mutating func finish(path: String, into output: inout some RowOutput) {
        releaseHeldFootnotes(asFootnotes: true, into: &output)
        if !filters.isEmpty && filteredIn == 0 && dataRows > 0 {
            output.add(noRowFiltered(path: path))
        }
        for problem in breakdown.problems(header: header) { output.add(problem) }
        guard case .sdmx(_, _, let dimensions) = shape else { return }
        var ambiguous = false
        for column in dimensions {
            let values = dimensionValues[column] ?? []
            if values.count > 1 {
                let shown = values.prefix(6).joined(separator: ", ") + (values.count > 6 ? ", ..." : "")
                let suggested = SourceProfile.suggestedValue(values)
                let name = header[column].trimmingBlanks
                let option =
                    name.contains(" ")
                    ? "--filter '\(name)=\(suggested.value)'" : "--filter \(name)=\(suggested.value)"
                output.add(
                    Diagnostic(
                        .ambiguousDimension, at: headerLocation ?? Location(file: path, line: 1),
                        "the file holds several values of '\(header[column])' (\(shown)); choose one with "
                            + option + (suggested.isTotal ? " (the total)" : "")))
                held = HeldRows()
                ambiguous = true
            }
        }
        if !ambiguous {
            for diagnostic in held.diagnostics { output.add(diagnostic) }
        }
        for figure in held.figures {
            switch figure {
            case .observation(let observation): output.add(observation)
            case .withheld(let withheld): output.add(withheld)
            }
        }
        held = HeldRows()
    }

    /// Hands on the held rows (see `heldFootnotes`): as data, their figures and findings; as footnotes,
    /// one VT161 each in place of their errors (a row that read without error is data all the same).
    /// `asFootnotes: false` also when the reading stopped early (then nothing is known to follow).
    mutating func releaseHeldFootnotes(asFootnotes: Bool, into output: inout some RowOutput) {
        for row in heldFootnotes {
            if asFootnotes && row.rows.diagnostics.contains(where: { $0.severity == .error }) {
                dataRows -= row.dataRows
                output.add(
                    Diagnostic(
                        .footnoteWithoutBlankRow, at: row.location,
                        "below the table, a row with only its first cell filled "
                            + "(\(DisplayText.quoted(row.text, limit: 80))): a footnote must follow a blank row "
                            + "(insert one above it; it is then a note, VT116) or be deleted; read as data, its "
                            + "other cells are empty"))
                continue
            }
            row.rows.release(into: &output)
        }
        heldFootnotes.removeAll()
    }

    // MARK: - Countries

    /// The series key of a row: its country, then the `--by` columns; `nil` after logging why there is
    /// none.
    private mutating func countryKey(
        _ record: CSVRecord, reader: some RecordReader, output: inout some RowOutput
    )
        -> String?
    {
        guard let country = countryOnlyKey(record, reader: reader, output: &output) else { return nil }
        guard !keyColumns.isEmpty else { return country }
        keyCell = -1
        // The same cells as the last row's make the same key (rows of a key usually come together).
        if country == lastByKey.country
            && keyColumns.indices.allSatisfy({ CellParsing.same(record[keyColumns[$0]], lastByKey.cells[$0]) }
            )
        {
            return lastByKey.key
        }
        var key = country
        for column in keyColumns where column != self.country {
            let cell = CellParsing.trimmed(record[column])
            if cell.isEmpty {
                output.add(
                    Diagnostic(
                        .emptyCountry, at: reader.location(ofCell: column),
                        "the '\(header[column])' cell is empty; every row needs a value for each --by column")
                )
                return nil
            }
            let text = String(decoding: cell, as: UTF8.self)
            if let reason = DisplayText.unsafeKeyReason(text) {
                output.add(
                    Self.controlInKey(reason, column: header[column], at: reader.location(ofCell: column)))
                return nil
            }
            SeriesKey.append(text, to: &key)
        }
        lastByKey = (country, keyColumns.map { Array(record[$0]) }, key)
        return key
    }

    /// The last key made with `--by`: its country part, its cells as written, and the key.
    private var lastByKey: (country: String, cells: [[UInt8]], key: String) = ("", [], "")

    /// The country part of a row's key.
    private mutating func countryOnlyKey(
        _ record: CSVRecord, reader: some RecordReader, output: inout some RowOutput
    )
        -> String?
    {
        // Rows of one country usually come together: the cell as written, compared with the last one
        // accepted (never empty), gives its key again without trimming or validating.
        let written = record[country]
        if lastCountryCount > 0 && CellParsing.same(written, lastCountryBytes, count: lastCountryCount) {
            if let (text, match) = lastIgnored {
                output.add(.warning) {
                    CountryTable.ignoredWarning(text, match, at: reader.location(ofCell: country))
                }
            }
            return lastCountry
        }
        keyCellsAhead.lookedUp()
        if let (key, id) = knownCells.find(written) {
            remember(written, as: key, cell: id)
            return key
        }
        let cell = CellParsing.trimmed(written)
        if cell.isEmpty {
            output.add(
                Diagnostic(
                    .emptyCountry, at: reader.location(ofCell: country),
                    "the country is empty; every row needs the country it counts"))
            return nil
        }
        guard let text = CellParsing.text(cell) else {
            output.add(Self.invalidUTF8(at: reader.location(ofCell: country)))
            return nil
        }
        var found = resolved[text]
        // Whether the text is resolved here, and said something (then it is kept in `resolved` whatever
        // else keeps it, so that the finding is said once).
        var resolvedHere = false
        var said = false
        if found == nil {
            found = resolve(text)
            resolvedHere = true
            if options.countries == .verbatim, case .key = found,
                !(options.keepAggregates && Aggregates.isAggregateCell(text))
            {
                // Said once per key (while the cache holds it): the key is counted, never silently.
                if let warning = Self.verbatimWarning(
                    text, column: header[country], at: reader.location(ofCell: country))
                {
                    output.add(.warning) { warning }
                    said = true
                }
            }
        }
        // A key with nothing ignored is found again by its cell (`knownCells`), and needs no entry in
        // `resolved` unless it was said something; the same text written otherwise (quoted, with blanks)
        // is resolved again, to the same key and without a word.
        var id: Int?
        if case .key(let key, ignored: nil)? = found { id = knownCells.insert(written, key: key) }
        if resolvedHere && (id == nil || said) {
            if resolved.isEmpty { resolved.reserveCapacity(Self.resolvedInitialCapacity) }
            if resolved.count < Self.resolvedLimit { resolved[text] = found }
        }
        switch found ?? .unknown {
        case .key(let key, let ignored):
            if let ignored {
                output.add(.warning) {
                    CountryTable.ignoredWarning(text, ignored, at: reader.location(ofCell: country))
                }
            }
            remember(written, as: key, cell: id ?? -1, ignored: ignored.map { (text, $0) })
            return key
        case .aggregate:
            output.add(
                Aggregates.leftOut(
                    text, at: reader.location(ofCell: country),
                    "left out so that it is not counted twice (--keep-aggregates keeps it as a series of its own)"
                ))
            return nil
        case .unsafe(let reason):
            output.add(
                Self.controlInKey(reason, column: header[country], at: reader.location(ofCell: country)))
            return nil
        case .part(let description):
            output.add(
                Diagnostic(
                    .subnationalLeftOut, at: reader.location(ofCell: country),
                    "\(DisplayText.quoted(text, limit: 64)) is \(description), not a country; left out, and "
                        + "never added into the country (--countries verbatim reports it as a series of its own)"
                ))
            return nil
        case .unknown:
            output.add(DiagnosticCode.unknownCountry.defaultSeverity) {
                if Aggregates.looksLikeTotal(text) {
                    return Self.unknownTotal(
                        text, column: header[country], at: reader.location(ofCell: country))
                }
                let unknown = CountryTable.standard.unknown(text, at: reader.location(ofCell: country))
                guard let original = options.encoding.asUTF8(text) else { return unknown }
                return Diagnostic(
                    .unknownCountry, at: unknown.location,
                    unknown.message + "; the file looks like UTF-8 read as \(options.encoding.rawValue) ("
                        + "\(DisplayText.quoted(original, limit: 64)) read as \(DisplayText.quoted(text, limit: 64))): "
                        + "read it without --encoding")
            }
            return nil
        }
    }

    /// Under `--countries verbatim`, the warning for a key kept as written that looks like a total
    /// (VT150, `Aggregates.looksLikeTotal`, not a known total) or is a known part of a country (VT151,
    /// `SubnationalUnits`): either is counted as a series and in the totals, so the message says so and
    /// gives the `--exclude` that leaves it out. `nil` for any other key. `text` is no aggregate (a kept
    /// aggregate gets no warning: the caller checks). Asked once for each new key, so the location is
    /// made only for a warning, and the text is normalised once.
    static func verbatimWarning(
        _ text: String, column: String, at location: @autoclosure () -> Location
    ) -> Diagnostic? {
        let (code, label) = Aggregates.codeAndLabel(text)
        let name = CountryTable.normalise(text)
        if let description = SubnationalUnits.describe(code, normalised: code == text ? name : nil)
            ?? label.flatMap({ SubnationalUnits.describe($0) })
        {
            return Diagnostic(
                .subnationalKeyCounted, at: location(),
                "\(DisplayText.quoted(text, limit: 64)) is \(description); under --countries verbatim it is a series of its own and is added "
                    + "into the totals beside it: leave its rows out with --exclude '\(exclusion(text, column))'"
            )
        }
        if Aggregates.looksLikeTotal(text, normalised: name) {
            return Diagnostic(
                .totalLikeKeyCounted, at: location(),
                "\(DisplayText.quoted(text, limit: 64)) looks like a total but is none victrend knows; under --countries verbatim it is "
                    + "counted as a series of its own and in the totals: if it is a total, leave its rows out "
                    + "with --exclude '\(exclusion(text, column))'")
        }
        return nil
    }

    /// `COLUMN=VALUE` for `--exclude`, quoted for a POSIX shell inside `'...'` (a `'` is written `'\''`);
    /// the cell as written when it prints safely, else the placeholder `VALUE`: a message never echoes
    /// control characters or a long text.
    static func exclusion(_ text: String, _ column: String) -> String {
        let value =
            DisplayText.unsafeKeyReason(text) == nil && DisplayText.unsafeKeyReason(column) == nil
                && text.count <= 64 && column.count <= 64
            ? text : "VALUE"
        var exclusion = ""
        for character in "\(column.trimmingBlanks)=\(value)" {
            if character == "'" { exclusion += "'\\''" } else { exclusion.append(character) }
        }
        return exclusion
    }

    /// The error (VT105) for an unknown key that looks like a total (`Aggregates.looksLikeTotal`): it
    /// suggests leaving the row out, never `--countries verbatim`, which would count the total as a
    /// country beside its members.
    static func unknownTotal(_ text: String, column: String, at location: Location) -> Diagnostic {
        let shown = DisplayText.quoted(text, limit: 64)
        let exclusion = exclusion(text, column)
        return Diagnostic(
            .unknownCountry, at: location,
            "unknown country \(shown); it looks like a total, not a country: leave its rows out with --exclude "
                + "'\(exclusion)' (--countries verbatim would count it as a country beside its members)")
    }

    /// What a country cell's text is (see `CountryResolution`).
    ///
    /// Totals and aggregates are left out under `--countries verbatim` too, unless `--keep-aggregates`
    /// (then they are keys as written). With ISO matching, a Eurostat "codes and labels" cell
    /// (`AT:Austria`) is read by its code, then by its label; a text that is no country but a part of one
    /// (`UKM`, `Scotland`) is left out with a note.
    private func resolve(_ text: String) -> CountryResolution {
        let (code, label) = Aggregates.codeAndLabel(text)
        // The UN SDG database names the country "Micronesia (Federated States of)"; its bare
        // "Micronesia" is the M49 region 57 (read by GeoAreaName, e.g. --country-column GeoAreaName).
        let isAggregate =
            Aggregates.isAggregateCell(text)
            || (profile == .unSDG && text.trimmingBlanks.lowercased() == "micronesia")
        if isAggregate && !options.keepAggregates {
            return .aggregate
        }
        if options.countries == .verbatim || isAggregate {
            // Kept as written, so printed as written: no control character, no CI runner command.
            if let reason = DisplayText.unsafeKeyReason(text) { return .unsafe(reason) }
            return .key(text, ignored: nil)
        }
        for candidate in [text, code] + (label.map { [$0] } ?? []) {
            if let match = CountryTable.standard.match(candidate) {
                return .key(match.country.alpha3, ignored: match.ignored == nil ? nil : match)
            }
        }
        if let description = SubnationalUnits.describe(code)
            ?? label.flatMap({ SubnationalUnits.describe($0) })
        {
            return .part(description)
        }
        return .unknown
    }

    /// `--by` naming `column`, which plays `role` ("the year column"): splitting a series by its figures
    /// or years would make every figure a series of its own (VT011).
    static func byNamesFigures(_ column: String, role: String, at location: Location) -> Diagnostic {
        Diagnostic(
            .ambiguousColumn, at: location,
            "--by names '\(column)', \(role): a series is split by a column such as the agency, never by its "
                + "figures or years")
    }

    /// Under `--sum`, a row that repeats one of its own file cell for cell (VT206): a repeat, not a part,
    /// so it is counted once.
    static func repeatedRow(first: Location, at location: Location) -> Diagnostic {
        Diagnostic(
            .repeatedObservation, at: location,
            "this row repeats the row at \(first) cell for cell; --sum adds up parts, and a repeated row is "
                + "not one, so it is counted once: remove it (parts that are equal must differ in a column, "
                + "such as the agency)")
    }

    /// Under `--sum`, a row that repeats a row of another file (or sheet) cell for cell (VT207): added, as
    /// `--sum` asks, and said.
    static func rowRepeatedAcrossFiles(first: Location, at location: Location) -> Diagnostic {
        Diagnostic(
            .rowRepeatedAcrossFiles, at: location,
            "this row repeats the row at \(first) cell for cell, and --sum adds both: right if the files are "
                + "parts (one per agency), but if this file revises or repeats the other, the figure is "
                + "counted twice; give only the latest file")
    }

    /// Under `--sum`, a figure that repeats the key, year and count of one of another file, or of one of
    /// its file whose country cell is written otherwise (VT207): added, as `--sum` asks, and said.
    static func figureRepeated(
        key: String, year: Int, victims: Int, first: Location, sameFile: Bool, at location: Location
    ) -> Diagnostic {
        Diagnostic(
            .rowRepeatedAcrossFiles, at: location,
            "\(DisplayText.quoted(key, limit: 64)) \(year): the same count (\(victims)) as the row at \(first)"
                + (sameFile ? ", whose country is written otherwise, " : " of another file, ")
                + "and --sum adds both: right if they are parts (of two agencies), but if one repeats or revises "
                + "the other, the figure is counted twice")
    }

    /// The error for a key cell that holds what `DisplayText.unsafeKeyReason` gives as `reason` (a key is
    /// shown as it is in every report, on terminals and in CI logs).
    static func controlInKey(_ reason: String, column: String, at location: Location) -> Diagnostic {
        Diagnostic(
            .controlInKey, at: location,
            "the '\(column)' cell holds \(reason); a key is printed as it is in every report, where this "
                + "would rewrite a terminal, reorder a line or drive a CI runner: remove it from the file")
    }

    private mutating func remember(
        _ cell: Slice<UnsafeRawBufferPointer>, as key: String, cell id: Int,
        ignored: (text: String, match: CountryMatch)? = nil
    ) {
        if lastCountryBytes.count < cell.count {
            lastCountryBytes = Array(repeating: 0, count: max(cell.count, 2 * lastCountryBytes.count))
        }
        if let base = cell.base.baseAddress, !cell.isEmpty {
            lastCountryBytes.withUnsafeMutableBytes { buffer in
                if let target = buffer.baseAddress { memcpy(target, base + cell.startIndex, cell.count) }
            }
        }
        lastCountryCount = cell.count
        lastCountry = key
        keyCell = id
        // Assigned only when either is set: copying the optional pair costs more than the rest of a row's
        // remembering, and a shuffled file remembers a new cell on almost every row.
        if ignored != nil || lastIgnored != nil { lastIgnored = ignored }
    }

    // MARK: - Diagnostics

    /// The header's names for messages: the first 20, each cut to 40 characters (a message per bad row
    /// must not repeat a megabyte header).
    private var shownHeader: String {
        header.prefix(20).map { DisplayText.prefix($0, limit: 40) }.joined(separator: ", ")
            + (header.count > 20 ? ", ..." : "")
    }

    private func cellCountProblem(_ record: CSVRecord, from reader: some RecordReader) -> Diagnostic {
        let expected = "the header has \(header.count) (\(shownHeader))"
        if record.count < header.count {
            return Diagnostic(
                .missingCells, at: reader.recordLocation,
                "this row has \(record.count) cell\(record.count == 1 ? "" : "s") but \(expected); "
                    + "every row needs a cell for every column, even if empty")
        }
        return Diagnostic(
            .extraCells, at: reader.location(ofCell: header.count),
            "this row has \(record.count) cells but \(expected); a delimiter inside a value (such as "
                + "the ',' in 1,234) splits it in two: remove it or quote the value")
    }

    private static func invalidUTF8(at location: Location) -> Diagnostic {
        Diagnostic(
            .invalidUTF8, at: location,
            "this cell is not valid UTF-8; the file was probably saved in another encoding (Excel's \"CSV\" "
                + "writes Windows-1252 in Western Europe): read it with --encoding windows-1252 (or latin-1), "
                + "or save it as \"CSV UTF-8\"")
    }
}

/// What a country cell's text is.
enum CountryResolution {
    /// A series key: an alpha-3 code (with what its match ignored), or the text as written.
    case key(String, ignored: CountryMatch?)
    /// A total or an aggregate, left out (VT107).
    case aggregate
    /// A key kept as written that holds what `DisplayText.unsafeKeyReason` describes (VT130).
    case unsafe(String)
    /// A part of a country (described), left out (VT114).
    case part(String)
    /// No country (VT105).
    case unknown
}

/// The figures and findings of an SDMX file, held until its end.
private struct HeldRows: RowOutput {
    enum Figure {
        case observation(Observation)
        case withheld(WithheldFigure)
    }

    private(set) var figures: [Figure] = []
    private(set) var diagnostics: [Diagnostic] = []

    mutating func add(_ observation: consuming Observation) {
        figures.append(.observation(observation))
    }

    mutating func add(_ figure: WithheldFigure) {
        figures.append(.withheld(figure))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func add(_ severity: Diagnostic.Severity, _ make: () -> Diagnostic) {
        diagnostics.append(make())
    }

    /// Everything held, into `output`, in the order held within diagnostics and within figures.
    func release(into output: inout some RowOutput) {
        for diagnostic in diagnostics { output.add(diagnostic) }
        for figure in figures {
            switch figure {
            case .observation(let observation): output.add(observation)
            case .withheld(let withheld): output.add(withheld)
            }
        }
    }
}
