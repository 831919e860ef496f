/// What `victrend report` asks the pipeline for.
public struct ReportRequest: Sendable {
    /// The choices every figure depends on.
    public var analysis: AnalysisOptions
    /// A CSV of country,group rows: a total for each group beside the alliance total.
    public var groupsFile: String?
    /// Small-cell suppression for publication, if any.
    public var suppression: Suppression.Policy?
    /// Where the report goes, in which format.
    public var destination: ReportDestination
    /// The trends table's columns as CSV (written in the table's order whatever order they are named
    /// in); `nil` for every column of the series kind.
    public var trendColumns: [TrendColumn]?
    /// How the CSV tables write counts that are not published: markers for people (the default), or
    /// empty cells with a `victims_status` column for programs.
    public var suppressedCells: SuppressedCells = .marker
    /// The time reports are stamped with, in seconds since 1970 (UTC).
    public var epochSeconds: Int
    /// Whether `epochSeconds` came from `$SOURCE_DATE_EPOCH` (a reproducible run), not the clock.
    public var fromSourceDateEpoch: Bool
    /// CSV tables written for Excel (`--excel`: byte-order mark, the delimiter, decimal commas with
    /// `;`), or `nil` for plain CSV. The trends table is then made from the whole report, not streamed.
    public var excel: ExcelCSV?

    public init(
        analysis: AnalysisOptions, destination: ReportDestination, trendColumns: [TrendColumn]? = nil,
        groupsFile: String? = nil,
        suppression: Suppression.Policy? = nil, epochSeconds: Int = 0, fromSourceDateEpoch: Bool = true,
        excel: ExcelCSV? = nil
    ) {
        self.excel = excel
        self.analysis = analysis
        self.destination = destination
        self.trendColumns = trendColumns
        self.groupsFile = groupsFile
        self.suppression = suppression
        self.epochSeconds = epochSeconds
        self.fromSourceDateEpoch = fromSourceDateEpoch
    }

    /// The groups file read (empty groups without one).
    func readGroups(countries: CountryMatching) throws(VictrendError) -> (groups: Groups, log: [Diagnostic]) {
        guard let groupsFile else { return (Groups(), []) }
        do {
            let found = try GroupsReader.read(groupsFile, countries: countries)
            return (found.groups, found.log.diagnostics)
        } catch {
            throw .unreadable(error)
        }
    }

    /// The provenance of a report on `inputs` (and the groups file): their SHA-256 (withheld from a
    /// suppressed report) and the time.
    func provenance(inputs: [String]) throws(VictrendError) -> Provenance {
        let files = inputs.map { ($0, "data") } + (groupsFile.map { [($0, "groups")] } ?? [])
        do {
            return try Provenance.make(
                files: files, epochSeconds: epochSeconds, fromSourceDateEpoch: fromSourceDateEpoch,
                withholdingHashes: suppression != nil)
        } catch {
            throw .unreadable(error)
        }
    }

    /// The trends table's columns as written: `trendColumns` with `victims_status` when the CSV cells
    /// of unpublished counts are empty (`TrendColumn.columns(_:series:cells:)`).
    var writtenTrendColumns: [TrendColumn]? {
        TrendColumn.columns(trendColumns, series: analysis.series, cells: suppressedCells)
    }

    /// Whether the outputs carry provenance (CSV tables do not; hashing large inputs for them would be
    /// wasted work).
    var needsProvenance: Bool {
        if case .file(let format, _, _) = destination { return !format.isTabular }
        return true
    }
}

/// Where a report goes.
public enum ReportDestination: Sendable, Equatable {
    /// One format (for CSV, one table) into a file, atomically, or to standard output when `path` is nil.
    case file(format: ReportFormat, table: ReportTable, path: String?)
    /// Every format and table at once into a directory (created if missing), each file atomically:
    /// `files` lists them.
    case directory(String)

    /// Whether an HTML page is among the outputs (it has a size limit: `HTMLReporter.sizeProblem`).
    var includesHTML: Bool {
        switch self {
        case .file(let format, _, _): return format == .html
        case .directory: return true
        }
    }

    /// Every file the destination writes (none for standard output).
    var paths: [String] {
        switch self {
        case .file(_, _, let path): return path.map { [$0] } ?? []
        case .directory(let directory):
            return Self.directoryFiles.map { Self.path(of: $0.name, in: directory) }
        }
    }

    /// The path of the file `name` in `directory`.
    static func path(of name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The files `.directory` writes.
    public static let directoryFiles: [(name: String, format: ReportFormat, table: ReportTable)] = [
        ("trends.csv", .csv, .trends), ("summary.csv", .csv, .summary), ("totals.csv", .csv, .totals),
        ("report.md", .markdown, .trends), ("report.html", .html, .trends), ("report.json", .json, .trends),
    ]
}
