#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one or more CSV files (long, wide or SDMX-CSV layout) into a `Panel`.
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
        /// The layout of every file, or `.auto` to detect it per file.
        public var layout: InputLayout
        /// Columns that, after the country, make up the series key (`--by`), e.g. `["agency"]`.
        public var keyColumns: [String]
        /// Add up rows that share key and year (`--sum`) instead of treating them as duplicates.
        public var sum: Bool
        /// Rows are kept only where each named column (matched like header names) has the given value
        /// (compared case-insensitively), e.g. `["unit": "NR"]`.
        public var filters: [String: String]
        /// Rows are left out where a named column (matched like header names) has the given value
        /// (compared case-insensitively; `--exclude`, repeatable, also several values of one column).
        public var exclusions: [(column: String, value: String)]
        /// Keep totals and aggregates (`Total`, `World`, `EU27_2020`, M49 regions) as series of their own
        /// instead of leaving them out with a note (`--keep-aggregates`).
        public var keepAggregates: Bool
        /// Most diagnostics kept (all are counted).
        public var diagnosticLimit: Int
        /// Bytes read at a time; small values are for tests of chunk boundaries.
        public var chunkSize: Int
        /// Called every few MiB with the bytes read so far and the total size of all inputs.
        public var progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)?
        /// Whether the counts are running totals (`--series cumulative`), the only series read with a date
        /// column: then a long file's column named `date` or `as_of` (or `dateColumn`) gives each total's
        /// date, and its year is the figure's. Otherwise such a column is ignored like any other.
        public var readsDates = false
        /// The header of the date column (`--date-column`), matched as written first, then like header
        /// names; refused (VT142) without `readsDates` and in wide and SDMX files.
        public var dateColumn: String?
        /// The encoding of text files (`--encoding`); a UTF-8 byte-order mark overrides it.
        public var encoding: TextEncoding = .utf8
        /// The physical line (1-based) of the table's header in text files and the row in workbooks
        /// (`--header-line`): lines above it (a title) are ignored; line numbers stay physical.
        public var headerLine = 1
        /// The sheets of `.xlsx` workbooks to read (`--sheet`, repeatable), each read as if it were a file
        /// of its own; `*` reads every visible sheet; empty for the first visible sheet.
        public var sheets: [String]
        /// How counts group their digits (`--thousands-separator`), or `nil`: then a count holding a
        /// separator is refused (VT103), never guessed.
        public var thousandsSeparator: ThousandsSeparator?

        public init(
            delimiter: UInt8? = nil, columns: ColumnMapping.Overrides = .init(),
            countries: CountryMatching = .iso, layout: InputLayout = .auto, filters: [String: String] = [:],
            exclusions: [(column: String, value: String)] = [], keepAggregates: Bool = false,
            keyColumns: [String] = [], sum: Bool = false, diagnosticLimit: Int = 1000,
            chunkSize: Int = 1 << 16, progress: (@Sendable (Int, Int) -> Void)? = nil,
            encoding: TextEncoding = .utf8, headerLine: Int = 1,
            thousandsSeparator: ThousandsSeparator? = nil,
            sheets: [String] = []
        ) {
            self.sheets = sheets
            self.encoding = encoding
            self.headerLine = headerLine
            self.thousandsSeparator = thousandsSeparator
            self.progress = progress
            self.delimiter = delimiter
            self.columns = columns
            self.countries = countries
            self.layout = layout
            self.filters = filters
            self.exclusions = exclusions
            self.keepAggregates = keepAggregates
            self.keyColumns = keyColumns
            self.sum = sum
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
        var builder = PanelBuilder(summing: options.sum)
        let read = try read(paths, into: &builder)
        return Result(panel: builder.build(), log: read.log, rowCount: read.rowCount)
    }

    /// What reading produced besides the series.
    public struct StreamResult: Sendable {
        /// Every finding, in file and line order (the same as `read` gives).
        public var log: DiagnosticLog
        /// Data rows read (accepted or not), over all files.
        public var rowCount: Int
    }

    /// Reads `paths` in order into `builder`, which then gives the series (`PanelBuilder.build` or, in
    /// batches without the whole panel in memory, `forEachBatch`). Throws only when a file cannot be
    /// read at all.
    func read(_ paths: [String], into builder: inout PanelBuilder) throws(InputError) -> StreamResult {
        try read(
            paths, into: &builder,
            feeding: .batches(size: BatchedOutput.batchSize, concurrent: Parallel.cores > 1))
    }

    /// How figures reach the builder in a whole read. Every way gives the same builder and log.
    enum Feeding {
        /// Each figure and finding as its row is read.
        case rowByRow
        /// In batches of `size` items, on a thread of their own or not (see `BatchedOutput`).
        case batches(size: Int, concurrent: Bool)
    }

    /// `read(_:into:)`, feeding the builder as told (tests compare the ways).
    func read(_ paths: [String], into builder: inout PanelBuilder, feeding: Feeding) throws(InputError)
        -> StreamResult
    {
        var direct = BuilderOutput(
            builder: PanelBuilder(), log: DiagnosticLog(limit: options.diagnosticLimit))
        swap(&direct.builder, &builder)
        defer { swap(&direct.builder, &builder) }
        guard case .batches(let size, let concurrent) = feeding else {
            let rowCount = try read(paths, into: &direct) { _, _ in true }
            return StreamResult(log: direct.log, rowCount: rowCount)
        }
        var output = BatchedOutput(direct, batchSize: size, concurrent: concurrent)
        let rowCount: Int
        do {
            rowCount = try read(paths, into: &output) { _, _ in true }
        } catch {
            // The builder's thread is done with it before the builder goes back.
            direct = output.finish()
            throw error
        }
        direct = output.finish()
        return StreamResult(log: direct.log, rowCount: rowCount)
    }

    /// Reads `paths` in order, handing finished series to `body` in key order, in batches of at least
    /// `batchRows` rows (the last batch may be smaller), while reading: memory holds one batch, not the
    /// input. This works for inputs sorted by key (in `Panel`'s order) with each key's rows together,
    /// the way large extracts usually come; for any other input it stops at the first key out of order
    /// and returns `nil` — `body` may have received series by then, which the caller must discard — and
    /// the input must be read whole with `read`. Every series handed over is complete, and the series
    /// and diagnostics are exactly those `read` gives. Only regular files are streamed: any other input
    /// (a pipe such as `/dev/stdin`, which could not be read again; a missing file) gives `nil` at once,
    /// before anything is read. Throws only when a file cannot be read at all.
    func stream(_ paths: [String], batchRows: Int, _ body: ([Series]) -> Void) throws(InputError)
        -> StreamResult?
    {
        let regular = paths.allSatisfy { path in
            var status = stat()
            guard let path = try? StandardInput.openablePath(path) else { return false }
            return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        }
        guard regular else { return nil }
        var output = BuilderOutput(
            builder: PanelBuilder(summing: options.sum, sealing: true),
            log: DiagnosticLog(limit: options.diagnosticLimit))
        let rowCount = try read(paths, into: &output) { output, reader in
            if output.builder.outOfOrder {
                reader?.stop()
                return false
            }
            if output.builder.sealedRows >= batchRows {
                body(output.builder.takeSealed())
            }
            return true
        }
        output.builder.sealRemaining()
        guard !output.builder.outOfOrder else { return nil }
        let last = output.builder.takeSealed()
        if !last.isEmpty { body(last) }
        return StreamResult(log: output.log, rowCount: rowCount)
    }

    /// Reads `paths` into `output`, calling `afterRecord` after each record (with its reader) and after
    /// each file (without); after a file, `false` from it ends the reading. Returns the number of data
    /// rows read.
    private func read<Output: RowOutput>(
        _ paths: [String], into output: inout Output, afterRecord: (inout Output, (any RecordReader)?) -> Bool
    ) throws(InputError) -> Int {
        var rowCount = 0
        // The first file whose header was accepted, and whether it has dates.
        var panelDates: (path: String, dated: Bool)?
        var repeatedRows = RepeatedRows()
        let sizes = paths.map { path -> Int in
            var status = stat()
            return stat(path, &status) == 0 ? Int(status.st_size) : 0
        }
        let total = sizes.reduce(0, +)
        // What each input is, from its first bytes, asked once: `--sheet` applies to the workbooks among
        // them; with none, to nothing (VT162 on each file).
        let kinds = paths.map(Self.workbookKind)
        let sheetsApplyToNone = !options.sheets.isEmpty && kinds.allSatisfy { $0 == nil }
        var done = 0
        for ((path, size), kind) in zip(zip(paths, sizes), kinds) {
            var fileProgress: (@Sendable (Int, Int) -> Void)?
            if let progress = options.progress {
                let offset = done
                fileProgress = { bytes, _ in progress(offset + bytes, total) }
            }
            rowCount += try read(
                path, kind: kind, into: &output, progress: fileProgress, panelDates: &panelDates,
                repeatedRows: &repeatedRows,
                sheetsApplyToNone: sheetsApplyToNone, afterRecord: afterRecord
            )
            done += size
            if !afterRecord(&output, nil) { break }
        }
        return rowCount
    }

    /// Reads one file of the given kind (`workbookKind`; a workbook's sheets each as a file of its own,
    /// see `Options.sheets`); returns the number of data rows it had.
    private func read<Output: RowOutput>(
        _ path: String, kind: WorkbookReader.Kind?, into output: inout Output,
        progress: (@Sendable (Int, Int) -> Void)?, panelDates: inout (path: String, dated: Bool)?,
        repeatedRows: inout RepeatedRows, sheetsApplyToNone: Bool,
        afterRecord: (inout Output, (any RecordReader)?) -> Bool
    ) throws(InputError) -> Int {
        switch kind {
        case .xls?:
            output.add(WorkbookReader.binaryWorkbook(path, encrypted: Self.isEncryptedWorkbook(path)))
            return 0
        case .xlsx?:
            try WorkbookLibraries.require(for: path)
            let selection = WorkbookReader.sheetsToRead(path, named: options.sheets)
            if let note = selection.note { output.add(note) }
            var rowCount = 0
            for sheet in selection.sheets {
                var workbookOptions = WorkbookReader.Options()
                workbookOptions.sheet = sheet
                workbookOptions.headerLine = options.headerLine
                let reader = WorkbookReader(path: path, options: workbookOptions)
                var rows = RowInterpreter(options: options)
                rows.panelDates = panelDates
                swap(&rows.repeatedRows, &repeatedRows)
                defer { swap(&rows.repeatedRows, &repeatedRows) }
                let stop = reader.read { record, reader in
                    rows.receive(record, from: reader, into: &output)
                    _ = afterRecord(&output, reader)
                }
                // Each sheet of several is a file of its own: its file-wide findings name it.
                finish(
                    &rows, stop: stop, path: path, sheet: selection.sheets.count > 1 ? reader.sheetName : nil,
                    into: &output, panelDates: &panelDates)
                rowCount += rows.dataRows
            }
            return rowCount
        case nil:
            if sheetsApplyToNone {
                output.add(
                    Diagnostic(
                        .sheetOptionOnCSV, at: Location(file: path, line: 1),
                        "--sheet \(options.sheets.map { DisplayText.quoted($0, limit: 32) }.joined(separator: ", ")) "
                            + "applies to .xlsx workbooks, and no input is one: this file is read as CSV, whole, "
                            + "as without the option (a CSV file has no sheets: export each sheet to a file of its own, "
                            + "or give the workbook itself)"))
            }
            var readerOptions = CSVReader.Options()
            readerOptions.delimiter = options.delimiter
            readerOptions.chunkSize = options.chunkSize
            readerOptions.progress = progress
            readerOptions.encoding = options.encoding
            readerOptions.headerLine = options.headerLine
            var rows = RowInterpreter(options: options)
            rows.panelDates = panelDates
            swap(&rows.repeatedRows, &repeatedRows)
            defer { swap(&rows.repeatedRows, &repeatedRows) }
            let reader = CSVReader(path: path, options: readerOptions)
            let stop = try reader.read { record, reader in
                rows.receive(record, from: reader, into: &output)
                _ = afterRecord(&output, reader)
            }
            finish(&rows, stop: stop, path: path, sheet: nil, into: &output, panelDates: &panelDates)
            return rows.dataRows
        }
    }

    /// What follows the reading of a file (or of one sheet of several, named by `sheet`): the
    /// diagnostic that stopped it, or the file's closing findings; a header without data rows.
    private func finish<Output: RowOutput>(
        _ rows: inout RowInterpreter, stop: Diagnostic?, path: String, sheet: String?,
        into output: inout Output,
        panelDates: inout (path: String, dated: Bool)?
    ) {
        if let stop {
            rows.releaseHeldFootnotes(asFootnotes: false, into: &output)
            output.add(stop)
        } else {
            rows.finish(path: path, into: &output)
        }
        if stop == nil && rows.headerAccepted && rows.dataRows == 0 {
            output.add(
                Diagnostic(
                    .noDataRows, at: Location(file: path, line: rows.headerLocation?.line ?? 1, sheet: sheet),
                    sheet == nil
                        ? "the file has a header but no data rows; expected one row per country and year"
                        : "the sheet has a header but no data rows; expected one row per country and year"))
        }
        if panelDates == nil && rows.headerAccepted {
            panelDates = (path, rows.dated)
        }
    }

    /// Whether the regular file at `path` is a workbook, from its first bytes (never its name: a
    /// workbook renamed `.csv` is still one); `nil` for text and for anything that is not a regular file
    /// (a pipe is read once, by the CSV reader, which refuses a workbook there). Standard input
    /// (`<stdin>`) is judged, and read, from its copy, so `report - < figures.xlsx` reads the workbook.
    static func workbookKind(_ path: String) -> WorkbookReader.Kind? {
        guard let path = try? StandardInput.openablePath(path) else { return nil }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 8)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 8) }
        return count > 0 ? WorkbookReader.kind(bytes.prefix(count)) : nil
    }

    /// Whether the compound file (`D0 CF 11 E0`) at `path` is a password-protected workbook: its
    /// directory names an `EncryptedPackage` or `EncryptionInfo` stream (Excel encrypts an .xlsx into
    /// such a container). A bounded read: the first 64 KiB and the first 16 KiB of the directory.
    static func isEncryptedWorkbook(_ path: String) -> Bool {
        guard let path = try? StandardInput.openablePath(path) else { return false }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        func bytes(at offset: Int, count: Int) -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            let read = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress, count, off_t(offset))
            }
            return read > 0 ? Array(buffer.prefix(read)) : []
        }
        let head = bytes(at: 0, count: 1 << 16)
        if WorkbookReader.namesEncryptionStream(head) { return true }
        // The header: the sector size as a power of two (at 0x1E), the directory's first sector (at 0x30).
        guard head.count >= 512 else { return false }
        let shift = Int(head[0x1E]) | Int(head[0x1F]) << 8
        let sector = Int(head[0x30]) | Int(head[0x31]) << 8 | Int(head[0x32]) << 16 | Int(head[0x33]) << 24
        guard (9...16).contains(shift), sector < 0xFFFF_FFFA else { return false }
        return WorkbookReader.namesEncryptionStream(bytes(at: (sector + 1) << shift, count: 1 << 14))
    }
}
