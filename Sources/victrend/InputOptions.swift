import ArgumentParser
import VicTrend

/// Options shared by every subcommand that reads input files.
///
/// Every option here and in the commands names itself (`name: .customLong("country-column")`, the name
/// the parser would derive): left to derive it, swift-argument-parser converts each property's name
/// character by character every time it reflects a command, four times a run (about 1.2M
/// instructions of start-up; docs/performance.md, "The yearly check in instructions").
///
/// A numeric option parses its value `.unconditional`ly, so that a negative value (`--target-rate -0.05`,
/// `--jump-factor -5`) is read as the value and refused for what it is, not taken for an option.
///
/// No option gives the parser a default value: an option with a default is an optional the command
/// reads through a property that supplies it (`encoding`), and its help states the default. Given a
/// default, swift-argument-parser describes it for the help at every parse, by a dynamic cast of the
/// value to `CaseIterable & RawRepresentable` whose first conformance look-ups for each type scan the
/// executable's ~3,800 conformance records: 1.9M instructions of a yearly check's start-up.
struct InputOptions: ParsableArguments {
    /// The encoding of CSV files without `--encoding`.
    static let defaultEncoding = TextEncoding.utf8
    /// How country keys are read without `--countries`.
    static let defaultCountries = CountryMatching.iso
    /// The layout without `--layout`.
    static let defaultLayout = InputLayout.auto

    @Argument(
        help: ArgumentHelp(
            "CSV files or .xlsx workbooks with one row per country and year (or one column per year); several "
                + "files are read as one panel. - reads standard input.",
            valueName: "input"),
        completion: .file())
    var inputs: [String] = []

    @Option(
        name: .customLong("delimiter"),
        help: ArgumentHelp(
            "Cell delimiter: comma, semicolon or tab. By default it is detected from each file's header line.",
            valueName: "delimiter"))
    var delimiter: DelimiterArgument?

    @Option(
        name: .customLong("encoding"),
        help: ArgumentHelp(
            "Encoding of CSV files: utf-8, windows-1252 (Excel's \"CSV\" in Western Europe) or latin-1 "
                + "(default: \(Self.defaultEncoding.rawValue)). A file with a UTF-8 byte-order mark is read as "
                + "UTF-8.",
            valueName: "encoding"))
    var encodingOption: TextEncoding?

    /// `--encoding`, or the default.
    var encoding: TextEncoding { encodingOption ?? Self.defaultEncoding }

    @Option(
        name: .customLong("thousands-separator"),
        help: ArgumentHelp(
            "Character grouping the digits of counts: . , space or ' (14.000, 1 210, 1'210). Without it a count "
                + "holding one is refused, never guessed; with it, groups must be of three digits. Never applied to the "
                + "OBS_VALUE of SDMX-CSV exports (Eurostat, OECD), where '.' is the decimal point. Default: none.",
            valueName: "separator"))
    var thousandsSeparator: ThousandsSeparator?

    @Option(
        name: .customLong("sheet"),
        help: ArgumentHelp(
            "The sheet of .xlsx workbooks to read (default: the first visible one; a note names the others). "
                + "Repeatable: each sheet is read as a file of its own (--sheet 2019 --sheet 2020); '*' reads "
                + "every visible sheet. --header-line applies to every sheet read.",
            valueName: "name"))
    var sheets: [String] = []

    @Option(
        name: .customLong("header-line"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Line of the table's header (a workbook's row), when a title stands above it: the lines above are "
                + "ignored, line numbers stay those of the file (default: 1, or 2 below Excel's sep=; line).",
            valueName: "N"))
    var headerLine: Int?

    @Option(
        name: .customLong("country-column"),
        help: ArgumentHelp(
            "Header of the country column (default: the one named country, country_code, iso3, geo or ref_area; "
                + "OECD.Stat LOCATION, UN SDG GeoAreaCode). Matched as written first; it settles any choice.",
            valueName: "name"))
    var countryColumn: String?

    @Option(
        name: .customLong("year-column"),
        help: ArgumentHelp(
            "Header of the year column (default: the one named year or time_period; OECD.Stat TIME, UN SDG "
                + "TimePeriod). Matched as written first: --year-column TIME_PERIOD beside 'Time period'.",
            valueName: "name"))
    var yearColumn: String?

    @Option(
        name: .customLong("count-column"),
        help: ArgumentHelp(
            "Header of the count column (default: victims, identified_victims, count, value or obs_value).",
            valueName: "name"))
    var countColumn: String?

    @Option(
        name: .customLong("date-column"),
        help: ArgumentHelp(
            "With --series cumulative, the header of the date column of a long file, e.g. --date-column as_of "
                + "(default: a column named date or as_of). Each running total's date (YYYY-MM-DD, or YYYY-MM for "
                + "a month) gives its year, and growth is annualised by days / 365.25; the year column is then "
                + "optional.",
            valueName: "name"))
    var dateColumn: String?

    @Option(
        name: .customLong("countries"),
        help: ArgumentHelp(
            "iso: match country codes and names against ISO 3166 (AUT, AT, 040, Austria, 'South Korea'...) and "
                + "report alpha-3 codes; verbatim: keep keys as written (regions, agencies, the ICSE database total; "
                + "totals such as Total or World are still left out unless --keep-aggregates). Default: "
                + "\(Self.defaultCountries.rawValue).",
            valueName: "matching"))
    var countriesOption: CountryMatching?

    /// `--countries`, or the default.
    var countries: CountryMatching { countriesOption ?? Self.defaultCountries }

    @Option(
        name: .customLong("layout"),
        help: ArgumentHelp(
            "\(Self.defaultLayout.rawValue) (the default: detected from the header), long (country,year,victims), "
                + "wide (country,2013,2014,...) or sdmx (SDMX-CSV from Eurostat or the OECD, OECD.Stat and UN SDG "
                + "exports: every dimension must have one value).",
            valueName: "layout"))
    var layoutOption: InputLayout?

    /// `--layout`, or the default (detection).
    var layout: InputLayout { layoutOption ?? Self.defaultLayout }

    @Option(
        name: .customLong("filter"),
        help: ArgumentHelp(
            "Keep only rows whose COLUMN has VALUE, e.g. --filter unit=NR (repeatable). Needed when an SDMX file "
                + "holds several values of a dimension.",
            valueName: "column=value"),
        transform: parseColumnValue)
    var filter: [ColumnValue] = []

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp(
            "Leave out rows whose COLUMN has VALUE, e.g. --exclude OBS_STATUS=F (repeatable, also for several "
                + "values of one column).",
            valueName: "column=value"),
        transform: parseExclusion)
    var exclude: [ColumnValue] = []

    @Flag(
        name: .customLong("keep-aggregates"),
        help: ArgumentHelp(
            "Keep totals and aggregates (Total, World, OECD, EU27_2020, UN M49 regions) as series of their own "
                + "instead of leaving them out with a note (VT107)."))
    var keepAggregates = false

    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "Columns that, with the country, make up the series key, e.g. --by country,agency: growth is then "
                + "computed per key (shown as 'AUT · Police').",
            valueName: "columns"),
        transform: parseColumnNames)
    var by: [String] = []

    @Flag(
        name: .customLong("sum"),
        help: ArgumentHelp(
            "Add up rows that share key and year (e.g. per-agency rows into country totals) instead of "
                + "treating them as duplicates. A row that repeats another of its file cell for cell is counted "
                + "once (VT206); one that repeats the country, year and count of a row of another file, or of "
                + "its file with the country written otherwise (AT, Austria), is added, with a warning (VT207)."
        ))
    var sum = false

    /// Refuses `--date-column` where no date is read: annual counts (`series`), a wide or SDMX layout.
    func validateDates(series: SeriesKind) throws {
        guard let dateColumn else { return }
        if series != .cumulative {
            throw ValidationError(
                "--date-column \(dateColumn) applies to running totals: add --series cumulative (annual counts "
                    + "are compared by year)")
        }
        if layout == .wide || layout == .sdmx {
            throw ValidationError(
                "--date-column applies to the long layout (country,date,victims), not --layout \(layout.rawValue)"
                    + (layout == .sdmx ? " (monthly TIME_PERIOD values such as 2022-11 are not read)" : ""))
        }
    }

    func validate() throws {
        if inputs.isEmpty {
            throw ValidationError(
                "give at least one input file (CSV or .xlsx), e.g. samples/small/example.csv")
        }
        if inputs.count(where: { $0 == "-" }) > 1 {
            throw ValidationError("- (standard input) can be given once")
        }
        if let headerLine, headerLine < 1 {
            throw ValidationError("--header-line takes the 1-based line of the header, e.g. --header-line 3")
        }
    }

    /// The inputs as the library takes them: `-` is standard input (`<stdin>`); a file really named
    /// `<stdin>` is `./<stdin>`.
    var paths: [String] {
        inputs.map { $0 == "-" ? StandardInput.name : $0 == StandardInput.name ? "./" + $0 : $0 }
    }

    /// The library's reading options for counts of kind `series` (running totals are read with their
    /// dates).
    func readerOptions(series: SeriesKind) -> PanelReader.Options {
        var options = readerOptions
        options.readsDates = series == .cumulative
        options.dateColumn = dateColumn
        return options
    }

    /// The library's reading options (no dates).
    var readerOptions: PanelReader.Options {
        PanelReader.Options(
            delimiter: delimiter?.byte,
            columns: ColumnMapping.Overrides(country: countryColumn, year: yearColumn, count: countColumn),
            countries: countries, layout: layout,
            filters: Dictionary(filter.map { ($0.column, $0.value) }) { _, last in last },
            exclusions: exclude.map { ($0.column, $0.value) }, keepAggregates: keepAggregates, keyColumns: by,
            sum: sum, progress: ProgressLine.callback(), encoding: encoding, headerLine: headerLine ?? 1,
            thousandsSeparator: thousandsSeparator, sheets: sheets)
    }
}

extension TextEncoding: ExpressibleByArgument {
    /// `--encoding`: the names, any case, and the usual aliases (`cp1252`, `iso-8859-1`, `utf8`).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "windows1252", "cp1252": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .latin1
        default: return nil
        }
    }

    public var defaultValueDescription: String { rawValue }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// None, as the parser's default would find case by case on every parse (each description is the
    /// value itself).
    public static var allValueDescriptions: [String: String] { [:] }
}

extension ThousandsSeparator: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { [".", ",", "space", "'"] }

    /// None, as the parser's default would find case by case on every parse (each description is the
    /// value itself).
    public static var allValueDescriptions: [String: String] { [:] }
}

/// `--delimiter`: `comma`/`,`, `semicolon`/`;`, or `tab`.
struct DelimiterArgument: ExpressibleByArgument {
    let byte: UInt8

    init?(argument: String) {
        switch argument.lowercased() {
        case ",", "comma": byte = UInt8(ascii: ",")
        case ";", "semicolon": byte = UInt8(ascii: ";")
        case "\t", "\\t", "tab": byte = UInt8(ascii: "\t")
        default: return nil
        }
    }

    static var allValueStrings: [String] { ["comma", "semicolon", "tab"] }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
