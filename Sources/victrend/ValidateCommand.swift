import ArgumentParser
import VicTrend

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `victrend validate`: every check `report` makes, plus plausibility rules, as diagnostics for CI.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        _superCommandName: "victrend",
        abstract: "Check submitted figures and print diagnostics (for CI on every submission).",
        discussion: """
            Runs every check of `victrend report` plus plausibility rules: missing years inside a series, \
            a change of more than --jump-factor times from one year to the next (unless both counts are \
            below --jump-minimum), years in the future or \
            before --earliest-year, repeated rows, and with --members the participants that are missing \
            and the countries that are not participants. Plausibility findings are warnings; --strict \
            makes them errors.

            Example, in a submissions repository's CI:

              victrend validate --format github --members members.csv submissions/*.csv

            Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable file (for an unreadable \
            file, --format sarif, json or github still writes a valid log, array or annotation saying why; \
            a usage error is only on standard error). `victrend explain \
            VT103` explains a code, with an example and its fix; `victrend explain` lists them all.
            """
    )

    /// The findings' format without `--format`.
    static let defaultFormat = DiagnosticFormat.text
    /// `--jump-factor`'s default: a tenfold jump or drop is flagged.
    static let defaultJumpFactor = 10
    /// `--jump-minimum`'s default.
    static let defaultJumpMinimum = 10
    /// `--earliest-year`'s default.
    static let defaultEarliestYear = 2000

    @OptionGroup var input: InputOptions

    @Option(
        name: [.customLong("format"), .customShort("f")],
        help: ArgumentHelp(
            "Output: text (file:line:col: error[VT103]: message), json (one array), github (Actions "
                + "annotations; with $GITHUB_STEP_SUMMARY set, also a full table there) or sarif (2.1.0). Default: "
                + "\(Self.defaultFormat.rawValue).",
            valueName: "format"))
    var formatOption: DiagnosticFormat?

    /// `--format`, or the default. (No option hands the parser a default: see `InputOptions`.)
    var format: DiagnosticFormat { formatOption ?? Self.defaultFormat }

    @Flag(
        name: .customLong("strict"), help: "Treat warnings as errors (exit 1 when any finding is a warning).")
    var strict = false

    @Option(
        name: .customLong("series"),
        help: ArgumentHelp(
            "What the counts are: annual, or cumulative (running totals; a falling total is an error). Default: "
                + "\(ReportCommand.defaultSeries.rawValue).",
            valueName: "kind"))
    var seriesOption: SeriesKind?

    /// `--series`, or the default.
    var series: SeriesKind { seriesOption ?? ReportCommand.defaultSeries }

    @Option(
        name: .customLong("members"),
        help: ArgumentHelp(
            "CSV of participants (country and joined columns, e.g. samples/members/global-alliance.csv): flags "
                + "countries that are not participants and participants without a figure for a year.",
            valueName: "file"),
        completion: .file())
    var members: String?

    @Option(
        name: .customLong("groups"),
        help: ArgumentHelp(
            "A groups file (country,group rows) to check as `report --groups` would read it.",
            valueName: "file"),
        completion: .file())
    var groups: String?

    @Option(
        name: .customLong("jump-factor"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Flag a count more than this many times the previous year's, or less than its 1/N (default: "
                + "\(Self.defaultJumpFactor)).",
            valueName: "N"))
    var jumpFactorOption: Int?

    /// `--jump-factor`, or the default.
    var jumpFactor: Int { jumpFactorOption ?? Self.defaultJumpFactor }

    @Option(
        name: .customLong("jump-minimum"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Do not flag changes between counts that are both below N (small counts vary a lot; default: "
                + "\(Self.defaultJumpMinimum)).",
            valueName: "N"))
    var jumpMinimumOption: Int?

    /// `--jump-minimum`, or the default.
    var jumpMinimum: Int { jumpMinimumOption ?? Self.defaultJumpMinimum }

    @Option(
        name: .customLong("target-rate"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Required growth a year, as in `report`: the required counts checked against 64 bits use it (default: 0.10).",
            valueName: "rate"),
        transform: parseTargetRate)
    var targetRate = TargetRate.allianceGoal

    @Option(
        name: .customLong("earliest-year"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Flag years before this one (default: \(Self.defaultEarliestYear)).", valueName: "year"))
    var earliestYearOption: Int?

    /// `--earliest-year`, or the default.
    var earliestYear: Int { earliestYearOption ?? Self.defaultEarliestYear }

    @Option(
        name: .customLong("current-year"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Flag years after this one (default: the current year, or the year of $SOURCE_DATE_EPOCH).",
            valueName: "year"))
    var currentYear: Int?

    func validate() throws {
        guard jumpFactor >= 2 else {
            throw ValidationError("--jump-factor must be at least 2 (10 flags a tenfold jump or drop)")
        }
        try input.validateDates(series: series)
    }

    func run() throws {
        let summaryFile = format == .github ? Self.stepSummaryFile() : nil
        if let summaryFile {
            try Terminal.refuseOverwriting([summaryFile], input.paths + [groups, members].compactMap { $0 })
        }
        let request = ValidationRequest(
            rules: .init(
                jumpFactor: jumpFactor, jumpMinimum: jumpMinimum, earliestYear: earliestYear,
                currentYear: try currentYear ?? Self.thisYear()),
            series: series, targetRate: targetRate, groupsFile: groups, membersFile: members)
        let outcome: PipelineOutcome
        do {
            outcome = try Pipeline.run(
                input.paths, reading: input.readerOptions(series: series), producing: .validation(request))
        } catch {
            // SARIF is uploaded by a later step whatever happened: it gets a valid log saying why.
            Terminal.error(DisplayText.logLine("victrend: \(error.description)"))
            switch format {
            case .sarif: Terminal.output(SARIFDiagnosticReporter.failedRun(error))
            case .json: Terminal.output(JSONDiagnosticReporter.failedRun(error))
            case .github: Terminal.output(GitHubDiagnosticReporter.failedRun(error))
            default: break
            }
            throw ExitCode(2)
        }
        var log = outcome.log
        log.add(contentsOf: outcome.findings)
        if strict {
            log = log.promotingWarnings()
        }
        let report = ValidationReport(
            log: log, inputs: input.paths + [groups, members].compactMap { $0 }, rowCount: outcome.rowCount)
        guard Terminal.output(format.reporter.report(report)) else {
            Terminal.error("victrend: cannot write to standard output")
            throw ExitCode(2)
        }
        if let summaryFile,
            !Terminal.append(GitHubDiagnosticReporter.stepSummary(report), toFile: summaryFile)
        {
            Terminal.error(
                "victrend: warning: cannot append the summary to $GITHUB_STEP_SUMMARY (\(summaryFile)): "
                    + String(cString: strerror(errno)))
        }
        if log.hasErrors {
            throw ExitCode(1)
        }
    }

    /// `$GITHUB_STEP_SUMMARY`, when set and not empty.
    static func stepSummaryFile() -> String? {
        guard let path = getenv("GITHUB_STEP_SUMMARY").map({ String(cString: $0) }), !path.isEmpty else {
            return nil
        }
        return path
    }

    /// The current UTC year, or that of `$SOURCE_DATE_EPOCH` when set (reproducible runs).
    static func thisYear() throws -> Int {
        var seconds = time_t(try SourceDateEpoch.current().seconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return Int(parts.tm_year) + 1900
    }
}
