/// Reads one or more CSV files in the long layout (one row per country and year) into a `Panel`.
///
/// All files form one panel: a country-year given in two files is a duplicate. Every row is either
/// accepted or reported; rows whose cells are all empty (spreadsheets export blank rows as `,,`) are
/// not data and are passed over, as blank lines are.
public struct PanelReader: Sendable {
    /// How to read the files.
    public struct Options: Sendable {
        /// The delimiter (`,` `;` or tab), or `nil` to detect it per file from the header line.
        public var delimiter: UInt8?
        /// Column names that override the header aliases.
        public var columns: ColumnMapping.Overrides
        /// ISO 3166 matching of the country column, or keys kept as written.
        public var countries: CountryMatching
        /// Most diagnostics kept (all are counted).
        public var diagnosticLimit: Int
        /// Bytes read at a time; small values are for tests of chunk boundaries.
        public var chunkSize: Int

        public init(
            delimiter: UInt8? = nil, columns: ColumnMapping.Overrides = .init(),
            countries: CountryMatching = .iso,
            diagnosticLimit: Int = 1000,
            chunkSize: Int = 1 << 16
        ) {
            self.delimiter = delimiter
            self.columns = columns
            self.countries = countries
            self.diagnosticLimit = diagnosticLimit
            self.chunkSize = chunkSize
        }
    }

    /// What reading produced.
    public struct Result: Sendable {
        /// Every accepted observation. Not fit for a report when `log.hasErrors`.
        public var panel: Panel
        /// Every finding, in file and line order.
        public var log: DiagnosticLog
        /// Data rows read (accepted or not), over all files.
        public var rowCount: Int
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads `paths` in order. Throws only when a file cannot be read at all.
    public func read(_ paths: [String]) throws(InputError) -> Result {
        var builder = PanelBuilder()
        var log = DiagnosticLog(limit: options.diagnosticLimit)
        var rowCount = 0
        for path in paths {
            rowCount += try read(path, into: &builder, log: &log)
        }
        return Result(panel: builder.build(), log: log, rowCount: rowCount)
    }

    /// Reads one file; returns the number of data rows it had.
    private func read(_ path: String, into builder: inout PanelBuilder, log: inout DiagnosticLog)
        throws(InputError)
        -> Int
    {
        var readerOptions = CSVReader.Options()
        readerOptions.delimiter = options.delimiter
        readerOptions.chunkSize = options.chunkSize
        let reader = CSVReader(path: path, options: readerOptions)
        var rows = LongLayoutRows(overrides: options.columns, countries: options.countries)
        let stop = try reader.read { record, reader in
            rows.receive(record, from: reader, builder: &builder, log: &log)
        }
        if let stop {
            log.add(stop)
        } else if rows.headerAccepted && rows.dataRows == 0 {
            log.add(
                Diagnostic(
                    .noDataRows, at: Location(file: path, line: 1),
                    "the file has a header but no data rows; expected one row per country and year"))
        }
        return rows.dataRows
    }
}

/// Turns the records of one long-layout file into observations.
struct LongLayoutRows {
    let overrides: ColumnMapping.Overrides
    let countries: CountryMatching
    /// Country texts already resolved (to the alpha-3 code, or `nil` when unknown).
    private var resolved: [String: String?] = [:]
    private(set) var mapping: ColumnMapping?
    private(set) var header: [String] = []
    private(set) var headerAccepted = false
    private(set) var dataRows = 0
    private var headerSeen = false
    private var lastCountryBytes: [UInt8] = []
    private var lastCountry = ""

    init(overrides: ColumnMapping.Overrides, countries: CountryMatching) {
        self.overrides = overrides
        self.countries = countries
    }

    mutating func receive(
        _ record: CSVRecord, from reader: CSVReader, builder: inout PanelBuilder, log: inout DiagnosticLog
    ) {
        guard headerSeen else {
            headerSeen = true
            readHeader(record, from: reader, log: &log)
            return
        }
        guard let mapping, !record.isBlank else { return }
        dataRows += 1
        guard record.count == header.count else {
            log.add(cellCountProblem(record, from: reader))
            return
        }
        var problems = 0
        var country: String?
        let countryCell = CellParsing.trimmed(record[mapping.country])
        if countryCell.isEmpty {
            problems += 1
            log.add(
                Diagnostic(
                    .emptyCountry, at: reader.location(ofCell: mapping.country),
                    "the country is empty; every row needs the country it counts"))
        } else if countryCell.elementsEqual(lastCountryBytes) {
            country = lastCountry
        } else if let text = String(validating: countryCell, as: UTF8.self) {
            if let key = key(for: text) {
                lastCountryBytes = Array(countryCell)
                lastCountry = key
                country = key
            } else {
                problems += 1
                log.add(CountryTable.standard.unknown(text, at: reader.location(ofCell: mapping.country)))
            }
        } else {
            problems += 1
            log.add(Self.invalidUTF8(at: reader.location(ofCell: mapping.country)))
        }
        let year = value(of: mapping.year, in: record, parsedBy: CellParsing.year, from: reader, log: &log)
        let victims = value(
            of: mapping.count, in: record, parsedBy: CellParsing.count, from: reader, log: &log)
        problems += (year == nil ? 1 : 0) + (victims == nil ? 1 : 0)
        guard problems == 0, let country, let year, let victims else { return }
        let observation = Observation(
            country: country, year: year, victims: victims, location: reader.recordLocation)
        if let duplicate = builder.add(observation) {
            log.add(duplicate)
        }
    }

    /// The series key for a country text: the alpha-3 code (ISO matching) or the text itself.
    private mutating func key(for text: String) -> String? {
        guard countries == .iso else { return text }
        if let known = resolved[text] { return known }
        let code = CountryTable.standard.country(text)?.alpha3
        resolved[text] = code
        return code
    }

    /// Cell `index` parsed by `parse`, or `nil` after logging why it is not valid.
    private func value(
        of index: Int, in record: CSVRecord,
        parsedBy parse: (ArraySlice<UInt8>) -> Result<Int, CellParsing.Problem>,
        from reader: CSVReader, log: inout DiagnosticLog
    ) -> Int? {
        switch parse(record[index]) {
        case .success(let value):
            return value
        case .failure(let problem):
            log.add(Diagnostic(problem.code, at: reader.location(ofCell: index), problem.message))
            return nil
        }
    }

    private mutating func readHeader(_ record: CSVRecord, from reader: CSVReader, log: inout DiagnosticLog) {
        var cells: [String] = []
        for index in 0..<record.count {
            guard let text = String(validating: record[index], as: UTF8.self) else {
                log.add(Self.invalidUTF8(at: reader.location(ofCell: index)))
                return
            }
            cells.append(text)
        }
        header = cells
        switch ColumnMapping.resolve(header: cells, overrides: overrides, at: reader.recordLocation) {
        case .success(let found):
            mapping = found
            headerAccepted = true
        case .failure(let problems):
            log.add(contentsOf: problems.diagnostics)
        }
    }

    private func cellCountProblem(_ record: CSVRecord, from reader: CSVReader) -> Diagnostic {
        let expected = "the header has \(header.count) (\(header.joined(separator: ", ")))"
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
            "this cell is not valid UTF-8; the file was probably saved in another encoding (such as "
                + "Windows-1252): save it as UTF-8")
    }
}
