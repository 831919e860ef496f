import ArgumentParser
import VicTrend

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `victrend report`: growth, shortfalls and status for every country-year, as CSV or Markdown.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        _superCommandName: "victrend",
        abstract: "Assess every country-year against the growth target and print a trend table.",
        discussion: """
            Each year of a country is compared with its previous reported year (the base). Growth is \
            annualised over gaps: (victims / base_victims)^(1 / years) - 1. A year meets the target \
            when victims >= ceil(base_victims x (1 + target)^years), computed exactly.

            Example: with the default 10% target, 100 victims in 2014 and 109 in 2015 give \
            growth_rate 0.0900, required_victims 110, shortfall 1, status shortfall:

              victrend report samples/small/example.csv
              victrend report -f markdown -o review.md 2023.csv 2024.csv

            Any error in the input is printed as file:line:column and no report is written (exit 1).
            """
    )

    /// The kind of counts without `--series`.
    static let defaultSeries = SeriesKind.annual
    /// How a count that is not published is written without `--suppressed-as`.
    static let defaultSuppressedAs = SuppressedCells.marker
    /// The confidence level without `--confidence`.
    static let defaultConfidence = 0.95

    @OptionGroup var input: InputOptions

    @Option(
        name: [.customShort("f"), .customLong("format")],
        help: ArgumentHelp(
            "Output format: csv (a table), markdown (a review-ready report), html (a self-contained page with "
                + "charts, for publication) or json (everything, schema in docs/report.schema.json). Default: "
                + "the one --output's extension names (.csv .md .html .json), else csv.",
            valueName: "format"))
    var formatOption: ReportFormat?

    @Option(
        name: [.customLong("output"), .customShort("o")],
        help: ArgumentHelp(
            "Write the report to this file (atomically: all or nothing) instead of standard output (- is "
                + "standard output); its extension picks the format when --format is not given.",
            valueName: "file"),
        completion: .file())
    var output: String?

    /// The file `--output` names; `nil` for standard output (no option, or `-`).
    var outputFile: String? { output == "-" ? nil : output }

    /// The format: `--format`, else the one `--output`'s extension names, else CSV.
    var format: ReportFormat {
        formatOption ?? output.flatMap { ReportFormat(fileExtensionOf: $0) } ?? .csv
    }

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp(
            "Write every format at once into this directory (created if missing): trends.csv, summary.csv, "
                + "totals.csv, report.md, report.html, report.json, each atomically.",
            valueName: "dir"),
        completion: .directory)
    var outputDirectory: String?

    @Option(
        name: .customLong("table"),
        help: ArgumentHelp(
            "With --format csv, the table to write: trends (one row per country-year), summary (one row per "
                + "country: trajectory, long- and short-term CAGR with Eurostat's progress category) or totals "
                + "(one row per group and year: the alliance total and each --groups group, like for like). "
                + "Default: trends.",
            valueName: "table"))
    var table: ReportTable?

    @Option(
        name: .customLong("columns"),
        help: ArgumentHelp(
            "With the trends table as CSV, write only these columns (comma-separated header names, kept in the "
                + "table's order), e.g. country,year,victims,growth_rate (default: every column).",
            valueName: "list"),
        transform: parseColumns)
    var columns: [TrendColumn]?

    @Option(
        name: .customLong("series"),
        help: ArgumentHelp(
            "What the counts are: annual (victims identified during each year) or cumulative (running totals, "
                + "as INTERPOL publishes ICSE's; also reports the new identifications derived from them). "
                + "Default: \(Self.defaultSeries.rawValue).",
            valueName: "kind"))
    var seriesOption: SeriesKind?

    /// `--series`, or the default. (No option hands the parser a default: see `InputOptions`.)
    var series: SeriesKind { seriesOption ?? Self.defaultSeries }

    @Option(
        name: .customLong("suppress-below"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Small-cell suppression for publication: counts 1..K-1 are shown as <K, nothing derived from them "
                + "is published, and totals are protected by secondary suppression (x). Default: no suppression.",
            valueName: "K"))
    var suppressBelow: Int?

    @Option(
        name: .customLong("suppressed-as"),
        help: ArgumentHelp(
            "How the CSV tables write a count that is not published: marker (<K or x, for people) or empty (an "
                + "empty cell and a victims_status column saying suppressed or withheld, so that pandas and R "
                + "read numbers). Default: \(Self.defaultSuppressedAs.rawValue).",
            valueName: "cells"))
    var suppressedAsOption: SuppressedCells?

    /// `--suppressed-as`, or the default.
    var suppressedAs: SuppressedCells { suppressedAsOption ?? Self.defaultSuppressedAs }

    @Flag(
        name: .customLong("no-test"),
        help: ArgumentHelp(
            "Skip the exact Poisson test (p_value, ratio_low, ratio_high and significance stay empty): for very "
                + "large inputs, where it is the costliest step."))
    var noTest = false

    @Flag(name: .customLong("suppress-zeros"), help: "With --suppress-below, suppress zeros as well.")
    var suppressZeros = false

    @Flag(
        name: .customLong("excel"),
        help: ArgumentHelp(
            "CSV for Excel: UTF-8 with a byte-order mark and CR LF; with --delimiter semicolon (then the output's "
                + "delimiter, each input's being detected), ';' between cells and decimal commas (0,0900), as "
                + "European Excel opens on a double-click."))
    var excel = false

    @Option(
        name: .customLong("groups"),
        help: ArgumentHelp(
            "CSV of country,group rows (e.g. EU / non-EU): adds a total for each group beside the alliance total.",
            valueName: "file"),
        completion: .file())
    var groups: String?

    @Option(
        name: .customLong("target-rate"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Required growth a year as a decimal fraction, read exactly: 0.10 means 10% (default: 0.10).",
            valueName: "rate"),
        transform: parseTargetRate)
    var targetRate = TargetRate.allianceGoal

    @Option(
        name: .customLong("baseline-year"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "First year of the trajectory (default: each country's first reported year). A country without a "
                + "figure for it starts from its first later year, flagged baseline-shifted.",
            valueName: "year"))
    var baselineYear: Int?

    @Option(
        name: .customLong("target-year"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Target year T (default: two years after the panel's latest year, the Declaration's reporting "
                + "cycle): each country's count is projected to T from its trend, with a prediction interval, the "
                + "chance of reaching its trajectory and a category (on-track ... wrong-direction), and the growth "
                + "a year it needs to be back on its trajectory by T. A T more than "
                + "\(AnalysisOptions.farTargetYears) years after the latest figure gets a warning.",
            valueName: "year"))
    var targetYear: Int?

    @Option(
        name: .customLong("confidence"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Confidence level of the rate-ratio intervals; a shortfall is significant when p < 1 - confidence "
                + "(default: \(Self.defaultConfidence)).",
            valueName: "level"))
    var confidenceOption: Double?

    /// `--confidence`, or the default.
    var confidence: Double { confidenceOption ?? Self.defaultConfidence }

    @Option(
        name: .customLong("dispersion"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Dispersion of the year-on-year test: estimate (default: per segment, from its log-linear trend, R's "
                + "quasipoisson dispersion floored at 1), none (the pure Poisson test) or a fixed value >= 1.",
            valueName: "estimate|none|value"),
        transform: parseDispersion)
    var dispersion: Dispersion?

    func validate() throws {
        if let formatOption, let output, let named = ReportFormat(fileExtensionOf: output),
            named != formatOption
        {
            throw ValidationError(
                "--output \(output) names a \(named.rawValue) file but --format is \(formatOption.rawValue); "
                    + "leave out --format (the extension picks it) or make them agree")
        }
        if outputDirectory != nil && formatOption != nil {
            throw ValidationError("--output-dir writes every format; leave out --format")
        }
        if outputDirectory != nil && (output != nil || table != nil) {
            throw ValidationError(
                "--output-dir writes every format and table; leave out --output and --table")
        }
        if table != nil && !format.isTabular {
            throw ValidationError(
                "--table applies to --format csv; the \(format.rawValue) report has every table")
        }
        if let columns {
            guard outputDirectory == nil && format == .csv && (table ?? .trends) == .trends
            else {
                throw ValidationError(
                    "--columns applies to the trends table as CSV (--format csv, --table trends)")
            }
            if series != .cumulative, let column = columns.first(where: \.isCumulativeOnly) {
                throw ValidationError("--columns: \(TrendColumn.SelectionError.cumulativeOnly(column))")
            }
        }
        if suppressedAs == .empty && outputDirectory == nil && format != .csv {
            throw ValidationError(
                "--suppressed-as applies to the CSV tables (--format csv, or --output-dir); the "
                    + "\(format.rawValue) report shows markers for people")
        }
        if let suppressBelow, suppressBelow < 2 {
            throw ValidationError("--suppress-below takes K >= 2 (counts 1..K-1 are suppressed), e.g. 5")
        }
        if excel && outputDirectory == nil && format != .csv {
            throw ValidationError("--excel applies to CSV (--format csv, or the CSV files of --output-dir)")
        }
        if suppressZeros && suppressBelow == nil {
            throw ValidationError("--suppress-zeros goes with --suppress-below K")
        }
        if let dispersion, dispersion != .estimate {
            if series == .cumulative {
                throw ValidationError(
                    "--dispersion applies to annual counts: running totals are not tested")
            }
            if noTest {
                throw ValidationError("--dispersion scales the exact test, which --no-test turns off")
            }
        }
        try input.validateDates(series: series)
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError("--confidence must be between 0 and 1 (exclusive), e.g. 0.95")
        }
        for (name, year) in [("--baseline-year", baselineYear), ("--target-year", targetYear)] {
            if let year, !(1000...9999).contains(year) {
                throw ValidationError("\(name) must be a four-digit year, e.g. 2015")
            }
        }
        if let baselineYear, let targetYear, targetYear <= baselineYear {
            throw ValidationError("--target-year must be after --baseline-year")
        }
    }

    func run() throws {
        var analysis = AnalysisOptions(
            series: series, targetRate: targetRate, baselineYear: baselineYear, targetYear: targetYear,
            confidence: confidence, inputs: input.paths)
        analysis.exactTest = !noTest
        analysis.dispersion = dispersion ?? .estimate
        let epoch = try SourceDateEpoch.current()
        var request = ReportRequest(
            analysis: analysis,
            destination: outputDirectory.map { .directory($0) }
                ?? .file(format: format, table: table ?? .trends, path: outputFile),
            trendColumns: columns,
            groupsFile: groups,
            suppression: suppressBelow.map { .init(threshold: $0, suppressZeros: suppressZeros) },
            epochSeconds: epoch.seconds, fromSourceDateEpoch: epoch.fromEnvironment,
            excel: excel ? ExcelCSV(delimiter: input.delimiter?.byte ?? UInt8(ascii: ",")) : nil)
        request.suppressedCells = suppressedAs
        var reading = input.readerOptions(series: series)
        // With --excel, --delimiter is the output's; each input's is detected.
        if excel { reading.delimiter = nil }
        let outcome = try Terminal.run(input.paths, reading: reading, producing: .report(request))
        DiagnosticPrinter.print(outcome.log)
        if outcome.log.hasErrors {
            DiagnosticPrinter.printRefusal(outcome.log)
            throw ExitCode(1)
        }
        if !outcome.findings.isEmpty {
            throw DiagnosticPrinter.refusal(outcome.findings)
        }
        for warning in analysis.yearWarnings(years: outcome.years) {
            Terminal.error("victrend: warning: \(warning)")
        }
        if outcome.years == nil && outcome.rowCount > 0 {
            // Every row left out (aggregates, parts of countries, filters): an empty report is said.
            Terminal.error(
                "victrend: warning: none of the \(outcome.rowCount) rows read gave a series; the report has no "
                    + "country (the notes above say why each row was left out)")
        }
    }
}
