/// The JSON report written while the series arrive, with memory that does not grow with the rows: the
/// caller hands over batches of series in key order (`PanelReader.stream`, `PanelBuilder.forEachBatch`),
/// each series is assessed as `TrendAnalysis.assess` assesses it and its observations and country are
/// written at once (spooled in temporary files, see `JSONFileStorage`), the totals and the summary are
/// accumulated; `finish` writes the document and commits the output. The bytes are those of
/// `JSONReporter.report` for the report `TrendAnalysis.assess` makes of the same series, with the same
/// provenance and diagnostics.
///
/// No small-cell suppression: it needs every country-year at once (`Suppression.apply` on a whole
/// report, then `JSONReporter.write(_:to:)`).
///
/// Not thread-safe: call `add`, then `finish` or `abandon`, from one thread at a time (a serial queue
/// of the caller's may run them off the reading thread). The analysis' refusals and a failed write are
/// remembered, not thrown: after either nothing more is written, the series are still assessed (so
/// that every refusal is found), and `finish` reports it.
final class JSONReportStream {
    private let options: AnalysisOptions
    private let output: StagedOutput
    private var writer: JSONReportWriter<JSONFileStorage>
    private var totals: TotalsAnalysis.Accumulator
    private var problems: [Diagnostic] = []
    private var failure: OutputError?
    /// One series' assessments, the array kept from series to series.
    private var assessments: [YearAssessment] = []
    private var isOpen = true

    /// Starts a report on `output` (its spools are created in `$TMPDIR`, else `/tmp`); nothing is
    /// written to `output` before `finish`. Throws when a spool cannot be created; `output` is then
    /// left as it was, for the caller to abort.
    convenience init(options: AnalysisOptions, groups: Groups = Groups(), output: StagedOutput)
        throws(OutputError)
    {
        try self.init(options: options, groups: groups, output: output, spoolDirectory: nil)
    }

    /// The same with the spools in `spoolDirectory`.
    init(options: AnalysisOptions, groups: Groups, output: StagedOutput, spoolDirectory: String?)
        throws(OutputError)
    {
        self.options = options
        self.output = output
        writer = JSONReportWriter(
            storage: try JSONFileStorage(output: output, spoolDirectory: spoolDirectory))
        totals = TotalsAnalysis.Accumulator(groups: groups, options: options)
    }

    deinit {
        abandon()
    }

    /// Assesses and writes `series`, which come next in key order (the order `Panel` sorts its series
    /// in; each key once over all batches, not checked here). Batches may be of any size, empty
    /// included; one batch's series share one cache of exact tests, as `CSVReporter.formatted` does.
    /// After `finish` or `abandon`, does nothing.
    func add(_ series: some Collection<Series>) {
        guard isOpen else { return }
        var tests = TestCache()
        for one in series {
            totals.add(one)
            assessments.removeAll(keepingCapacity: true)
            let (baseline, shifted) = TrendAnalysis.assessSeries(
                one, options: options, tests: &tests, problems: &problems
            ) {
                assessments.append($0)
            }
            guard problems.isEmpty && failure == nil else { continue }
            let country = CountrySummary(
                series: one, assessments: assessments[...], baseline: baseline, baselineShifted: shifted,
                options: options)
            do throws(OutputError) {
                for row in assessments { try writer.add(row) }
                try writer.add(country, deferred: true)
            } catch {
                failure = error
            }
        }
    }

    /// Ends the report: writes the document with `provenance` in its metadata and `diagnostics` (the
    /// reading's warnings and notes) at its end, and commits the output. Returns `nil` once committed;
    /// else the output is aborted (nothing appears) and the result says why: `.diagnostics` with the
    /// analysis' refusals (figures beyond 64 bits, a falling running total, totals beyond 64 bits —
    /// those `TrendAnalysis.assess` fails with, in its order), or `.output` with the write error.
    /// Called once; later calls return `nil` and do nothing.
    func finish(provenance: Provenance?, diagnostics: [Diagnostic]) -> StreamFailure? {
        guard isOpen else { return nil }
        isOpen = false
        var found: [GroupTotal] = []
        switch totals.totals(options: options) {
        case .success(let value): found = value
        case .failure(let list): problems += list.diagnostics
        }
        if !problems.isEmpty {
            output.abort()
            return .diagnostics(DiagnosticList(diagnostics: problems))
        }
        do throws(OutputError) {
            if let failure { throw failure }
            try writer.finish(
                options: options, suppression: nil, provenance: provenance, summary: writer.summary,
                totals: found, diagnostics: diagnostics)
            try output.commit()
        } catch {
            output.abort()
            return .output(error)
        }
        return nil
    }

    /// Drops the report: the output is aborted and nothing appears.
    func abandon() {
        guard isOpen else { return }
        isOpen = false
        output.abort()
    }
}
