#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every output that needs the whole report (Markdown, HTML, JSON, the summary and totals tables,
/// suppression, `--output-dir`): the series are collected, then assessed, suppressed, stamped and
/// rendered by each format's reporter, and each file written atomically.
final class WholeReportSink: SeriesSink {
    private let request: ReportRequest
    private let groups: Groups
    private let inputs: [String]
    private var series: [Series] = []

    let continuesPastErrors = false

    init(_ request: ReportRequest, groups: Groups, inputs: [String]) {
        self.request = request
        self.groups = groups
        self.inputs = inputs
    }

    func add(_ batch: [Series]) {
        series += batch
    }

    func restart() {
        series = []
    }

    func finish(log: DiagnosticLog) throws(VictrendError) -> DiagnosticLog {
        let panel = Panel(sortedSeries: series)
        series = []
        if request.destination.includesHTML, let problem = HTMLReporter.sizeProblem(panel) {
            throw .tooLarge(problem)
        }
        var report: TrendReport
        switch TrendAnalysis.assess(panel, options: request.analysis, groups: groups) {
        case .success(let value): report = value
        case .failure(let list): return log.findings(list.diagnostics)
        }
        report.diagnostics = log.diagnostics
        report.warningsFound = log.warningCount
        report.notesFound = log.infoCount
        if let policy = request.suppression {
            report = Suppression.apply(report, policy: policy)
        }
        if request.needsProvenance {
            report.provenance = try request.provenance(inputs: inputs)
        }
        try write(report)
        return DiagnosticLog(limit: log.limit)
    }

    func abandon() {
        series = []
    }

    private func write(_ report: TrendReport) throws(VictrendError) {
        switch request.destination {
        case .file(let format, let table, let path):
            try write([(bytes(report, format: format, table: table), path)])
        case .directory(let directory):
            let made = mkdir(directory, 0o777) == 0
            if !made && errno != EEXIST {
                throw .unwritable(.cannotCreate(path: directory, reason: InputError.systemReason()))
            }
            do {
                try write(
                    ReportDestination.directoryFiles.map { file in
                        (
                            bytes(report, format: file.format, table: file.table),
                            ReportDestination.path(of: file.name, in: directory)
                        )
                    })
            } catch {
                // All or nothing: a directory made for the set goes with it (it is empty: every file
                // was staged and removed).
                if made { rmdir(directory) }
                throw error
            }
        }
    }

    /// `report` in `format` (`table` for CSV), with the request's columns and cells for CSV tables, and
    /// a CSV table for Excel when asked (`--excel`).
    private func bytes(_ report: TrendReport, format: ReportFormat, table: ReportTable) -> [UInt8] {
        let text: String
        let style = request.excel?.style ?? .plain
        switch (format, table) {
        case (.csv, .trends):
            text = CSVReporter.report(report, columns: request.writtenTrendColumns, style: style)
        case (.csv, .totals):
            text = TotalsCSVReporter.report(report, cells: request.suppressedCells, style: style)
        case (.csv, .summary): text = SummaryCSVReporter.report(report, style: style)
        default: text = format.reporter(table: table).report(report)
        }
        guard format == .csv, request.excel != nil else { return Array(text.utf8) }
        return ExcelCSV.byteOrderMark + Array(text.utf8)
    }

    /// Writes each text to its path (standard output when `nil`), all or nothing: every file is written
    /// and flushed before the first of them takes its name.
    private func write(_ outputs: [(bytes: [UInt8], path: String?)]) throws(VictrendError) {
        var staged: [StagedOutput] = []
        do throws(OutputError) {
            for output in outputs {
                let file = try StagedOutput(path: output.path)
                staged.append(file)
                try file.write(output.bytes)
                try file.prepare()
            }
            for file in staged { try file.publish() }
        } catch {
            for file in staged { file.abort() }
            throw .unwritable(error)
        }
    }
}

/// The sink for a report request.
enum ReportSinks {
    static func make(_ request: ReportRequest, groups: Groups, inputs: [String]) throws(VictrendError)
        -> any SeriesSink
    {
        switch (request.suppression, request.destination) {
        case (nil, .file(.csv, .trends, let path)) where request.excel == nil:
            return try TrendsTableSink(
                options: request.analysis, columns: request.writtenTrendColumns, groups: groups, path: path)
        case (nil, .file(.json, _, let path)):
            return try JSONReportSink(request, groups: groups, inputs: inputs, path: path)
        default:
            break
        }
        return WholeReportSink(request, groups: groups, inputs: inputs)
    }
}
