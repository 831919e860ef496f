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

    @OptionGroup var input: InputOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Output format: csv (a table), markdown (a review-ready report), html (a self-contained page with "
                + "charts, for publication) or json (everything, schema in docs/report.schema.json).",
            valueName: "format"))
    var format = EnumArgument(ReportFormat.csv)

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write the report to this file (atomically: all or nothing) instead of standard output.",
            valueName: "file"))
    var output: String?

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp(
            "Write every format at once into this directory (created if missing): trends.csv, summary.csv, "
                + "totals.csv, report.md, report.html, report.json, each atomically.",
            valueName: "dir"))
    var outputDirectory: String?

    @Option(
        help: ArgumentHelp(
            "With --format csv, the table to write: trends (one row per country-year) or summary (one row per "
                + "country: trajectory, long- and short-term CAGR with Eurostat's progress category).",
            valueName: "table"))
    var table: EnumArgument<ReportTable>?

    @Option(
        help: ArgumentHelp(
            "With the trends table as CSV, write only these columns (comma-separated header names, kept in the "
                + "table's order), e.g. country,year,victims,growth_rate.",
            valueName: "list"))
    var columns: String?

    @Option(
        help: ArgumentHelp(
            "What the counts are: annual (victims identified during each year) or cumulative (running totals, "
                + "as INTERPOL publishes ICSE's; also reports the new identifications derived from them).",
            valueName: "kind"))
    var series = EnumArgument(SeriesKind.annual)

    @Option(
        help: ArgumentHelp(
            "Small-cell suppression for publication: counts 1..K-1 are shown as <K, nothing derived from them "
                + "is published, and totals are protected by secondary suppression (x).",
            valueName: "K"))
    var suppressBelow: Int?

    @Flag(
        help: ArgumentHelp(
            "Skip the exact Poisson test (p_value, ratio_low, ratio_high and significance stay empty): for very "
                + "large inputs, where it is the costliest step."))
    var noTest = false

    @Flag(help: "With --suppress-below, suppress zeros as well.")
    var suppressZeros = false

    @Option(
        help: ArgumentHelp(
            "CSV of country,group rows (e.g. EU / non-EU): adds a total for each group beside the alliance total.",
            valueName: "file"))
    var groups: String?

    @Option(
        help: ArgumentHelp(
            "Required growth a year as a decimal fraction, read exactly: 0.10 means 10%.", valueName: "rate"))
    var targetRate = "0.10"

    @Option(
        help: ArgumentHelp(
            "First year of the trajectory (default: each country's first reported year). A country without a "
                + "figure for it starts from its first later year, flagged baseline-shifted.",
            valueName: "year"))
    var baselineYear: Int?

    @Option(
        help: ArgumentHelp(
            "Year by which each country should be back on its trajectory: reports the growth a year it now "
                + "needs from its latest figure.",
            valueName: "year"))
    var targetYear: Int?

    @Option(
        help: ArgumentHelp(
            "Confidence level of the rate-ratio intervals; a shortfall is significant when p < 1 - confidence.",
            valueName: "level"))
    var confidence = 0.95

    func validate() throws {
        do {
            _ = try TargetRate(parsing: targetRate)
        } catch {
            throw ValidationError(error.description)
        }
        if outputDirectory != nil && (output != nil || table != nil) {
            throw ValidationError(
                "--output-dir writes every format and table; leave out --output and --table")
        }
        if table != nil && !format.value.isTabular {
            throw ValidationError(
                "--table applies to --format csv; the \(format.value.rawValue) report has every table")
        }
        if let columns {
            guard outputDirectory == nil && format.value == .csv && (table?.value ?? .trends) == .trends
            else {
                throw ValidationError(
                    "--columns applies to the trends table as CSV (--format csv, --table trends)")
            }
            if case .failure(let problem) = TrendColumn.selection(columns, series: series.value) {
                throw ValidationError("--columns: \(problem)")
            }
        }
        if let suppressBelow, suppressBelow < 2 {
            throw ValidationError("--suppress-below takes K >= 2 (counts 1..K-1 are suppressed), e.g. 5")
        }
        if suppressZeros && suppressBelow == nil {
            throw ValidationError("--suppress-zeros goes with --suppress-below K")
        }
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
        if let output {
            for path in input.inputs where Self.sameFile(path, output) {
                throw ValidationError("--output \(output) is one of the inputs; refusing to write over it")
            }
        }
    }

    func run() throws {
        let target: TargetRate
        do {
            target = try TargetRate(parsing: targetRate)
        } catch {
            throw ValidationError(error.description)
        }
        var groupSets = Groups()
        var groupsLog: [Diagnostic] = []
        if let groups {
            do {
                let found = try GroupsReader.read(groups, countries: input.countries.value)
                groupSets = found.groups
                groupsLog = found.log.diagnostics
            } catch {
                throw Terminal.failure(error)
            }
        }
        var options = AnalysisOptions(
            series: series.value, targetRate: target, baselineYear: baselineYear, targetYear: targetYear,
            confidence: confidence, inputs: input.inputs)
        options.exactTest = !noTest
        if let columns {
            options.trendColumns = try? TrendColumn.selection(columns, series: series.value).get()
        }
        let trendsTableOnly =
            outputDirectory == nil && format.value == .csv && (table?.value ?? .trends) == .trends
            && suppressBelow == nil
        if trendsTableOnly, try streamTrends(options: options, groups: groupSets, groupsLog: groupsLog) {
            return
        }
        var builder = PanelBuilder(summing: input.readerOptions.sum)
        let read: PanelReader.StreamResult
        do {
            read = try PanelReader(options: input.readerOptions).read(input.inputs, into: &builder)
        } catch {
            throw Terminal.failure(error)
        }
        var log = read.log
        log.add(contentsOf: groupsLog)
        DiagnosticPrinter.print(log)
        guard !log.hasErrors else {
            DiagnosticPrinter.printRefusal(log)
            throw ExitCode(1)
        }
        if trendsTableOnly {
            // Not sorted by key (or not a file): the builder gives the series in key order, in batches,
            // and they are written as a sorted input's are, without the whole panel in memory.
            let stream: TrendsStream
            do {
                stream = TrendsStream(
                    options: options, groups: groupSets, output: try StagedOutput(path: output))
            } catch {
                throw Terminal.failure(error)
            }
            builder.forEachBatch(rows: Self.batchRows) { stream.add($0) }
            return try finish(stream)
        }
        let panel = builder.build()
        var report: TrendReport
        switch TrendAnalysis.assess(panel, options: options, groups: groupSets) {
        case .success(let value):
            report = value
        case .failure(let list):
            throw DiagnosticPrinter.refusal(list)
        }
        report.diagnostics = log.diagnostics
        if let suppressBelow {
            report = Suppression.apply(
                report, policy: .init(threshold: suppressBelow, suppressZeros: suppressZeros))
        }
        let epoch = SourceDateEpoch.current()
        // CSV tables carry no provenance; hashing large inputs for them would be wasted work.
        if outputDirectory != nil || !format.value.isTabular {
            do {
                let files = input.inputs.map { ($0, "data") } + (groups.map { [($0, "groups")] } ?? [])
                report.provenance = try Provenance.make(
                    files: files, epochSeconds: epoch.seconds, fromSourceDateEpoch: epoch.fromEnvironment)
            } catch {
                throw Terminal.failure(error)
            }
        }
        if let outputDirectory {
            try writeAll(report, to: outputDirectory)
            return
        }
        try write(Array(format.value.reporter(table: table?.value ?? .trends).report(report).utf8))
    }

    /// The trends table of an input sorted by key, written while it is read (`PanelReader.stream`, one
    /// core reading, one writing). Returns false, having written nothing, when the input is not sorted
    /// by key or not a regular file: the caller then reads it whole. Exits like the whole-panel path for every refusal.
    private func streamTrends(options: AnalysisOptions, groups: Groups, groupsLog: [Diagnostic]) throws
        -> Bool
    {
        let stream: TrendsStream
        do {
            // The reader keeps one core busy; the writer takes the other, or every core when the exact
            // test makes writing the slower side.
            stream = TrendsStream(
                options: options, groups: groups, output: try StagedOutput(path: output),
                everyCore: options.exactTest)
        } catch {
            throw Terminal.failure(error)
        }
        let streamed: PanelReader.StreamResult?
        do {
            streamed = try PanelReader(options: input.readerOptions).stream(
                input.inputs, batchRows: Self.batchRows
            ) {
                stream.add($0)
            }
        } catch {
            stream.abandon()
            throw Terminal.failure(error)
        }
        guard var log = streamed?.log else {
            stream.abandon()
            return false
        }
        log.add(contentsOf: groupsLog)
        DiagnosticPrinter.print(log)
        guard !log.hasErrors else {
            stream.abandon()
            DiagnosticPrinter.printRefusal(log)
            throw ExitCode(1)
        }
        try finish(stream)
        return true
    }

    /// Rows of series handed to the trends writer at a time.
    private static let batchRows = 1 << 16

    /// Ends the trends table: exit 1 for the analysis' refusals, 2 when the output cannot be written.
    private func finish(_ stream: TrendsStream) throws {
        switch stream.finish() {
        case nil:
            return
        case .diagnostics(let list):
            throw DiagnosticPrinter.refusal(list)
        case .output(let error):
            throw Terminal.failure(error)
        }
    }

    /// Writes the report to `--output` (atomically) or to standard output; exit 2 when that fails.
    private func write(_ bytes: [UInt8]) throws {
        if let output {
            do {
                try AtomicFile.write(bytes: bytes, to: output)
            } catch {
                throw Terminal.failure(error)
            }
        } else if !Terminal.output(bytes: bytes) {
            Terminal.error("victrend: cannot write to standard output: \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
    }

    /// The files `--output-dir` writes, each atomically.
    static let outputFiles: [(name: String, format: ReportFormat, table: ReportTable)] = [
        ("trends.csv", .csv, .trends), ("summary.csv", .csv, .summary), ("totals.csv", .csv, .totals),
        ("report.md", .markdown, .trends), ("report.html", .html, .trends), ("report.json", .json, .trends),
    ]

    private func writeAll(_ report: TrendReport, to directory: String) throws {
        if mkdir(directory, 0o777) != 0 && errno != EEXIST {
            Terminal.error(
                "victrend: \(directory): cannot create directory: \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        for file in Self.outputFiles {
            let path = directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
            do {
                try AtomicFile.write(file.format.reporter(table: file.table).report(report), to: path)
            } catch {
                throw Terminal.failure(error)
            }
        }
    }

    /// True when both paths name the same existing file (same device and inode).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}
