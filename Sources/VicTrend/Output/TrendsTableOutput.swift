/// The trends table on its way to a staged output: the header, then the formatted rows of series in
/// key order, piece by piece. It collects what makes the report impossible — the analysis' refusals and
/// totals beyond 64 bits, accumulated from the series as they pass — and `finish` commits the output
/// or aborts it, so a refused or failed table never appears, not even in part.
///
/// Not thread-safe: one thread at a time (`TrendsStream` keeps it on its queue).
final class TrendsTableOutput {
    private let options: AnalysisOptions
    private let output: StagedOutput
    private var totals: TotalsAnalysis.Accumulator
    private var problems: [Diagnostic] = []
    private var failure: OutputError?

    /// Starts the table: writes the header row.
    init(options: AnalysisOptions, groups: Groups, output: StagedOutput) {
        self.options = options
        self.output = output
        totals = TotalsAnalysis.Accumulator(groups: groups)
        let header = CSVReporter.RowWriter(cumulative: options.series == .cumulative, rows: 0)
        write(header.output.bytes)
    }

    /// Appends the formatted rows of `series` (from `CSVReporter.formatted`), which come next in key
    /// order. After a refusal or a write error nothing more is written.
    func append(_ piece: (bytes: [UInt8], problems: [Diagnostic]), of series: some Collection<Series>) {
        problems += piece.problems
        for one in series { totals.add(one) }
        if problems.isEmpty { write(piece.bytes) }
    }

    /// Ends the table: the refusals, or the write error, or `nil` once the output is committed.
    func finish() -> CSVReporter.StreamFailure? {
        if case .failure(let list) = totals.totals(options: options) {
            problems += list.diagnostics
        }
        if !problems.isEmpty {
            output.abort()
            return .diagnostics(DiagnosticList(diagnostics: problems))
        }
        do throws(OutputError) {
            if let failure { throw failure }
            try output.commit()
        } catch {
            output.abort()
            return .output(error)
        }
        return nil
    }

    /// Drops the table: nothing appears.
    func abort() {
        output.abort()
    }

    private func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do throws(OutputError) { try output.write(bytes) } catch { failure = error }
    }
}
