import Dispatch

/// The trends table on its way to a staged output: the header, then the formatted rows of series in
/// key order, piece by piece. It collects what makes the report impossible — the analysis' refusals and
/// totals beyond 64 bits, accumulated from the series as they pass — and `finish` commits the output
/// or aborts it, so a refused or failed table never appears, not even in part.
///
/// Called from one thread at a time (`TrendsStream` keeps it on its queue). With `flushing`, the bytes
/// are written by a queue of their own, so that copying them into the file overlaps with formatting the
/// next rows; `output` and `failure` are then touched only on that queue (and after it drained).
final class TrendsTableOutput: @unchecked Sendable {
    private let options: AnalysisOptions
    private let columns: [TrendColumn]?
    /// Whether the header row was written: with the first rows, when their series show whether the
    /// table is dated (`as_of`, `elapsed_years`), or at the end of an empty table.
    private var headerWritten = false
    private let output: StagedOutput
    private var totals: TotalsAnalysis.Accumulator
    private var problems: [Diagnostic] = []
    private var failure: OutputError?
    private let flusher: DispatchQueue?
    /// Pieces waiting to be written, at most (bounds memory while the file is slower than formatting).
    private let pending = DispatchSemaphore(value: 4)

    /// Starts the table (the header row comes with the first rows).
    init(
        options: AnalysisOptions, columns: [TrendColumn]?, groups: Groups, output: StagedOutput,
        flushing: Bool = false
    ) {
        self.options = options
        self.columns = columns
        self.output = output
        flusher = flushing ? DispatchQueue(label: "victrend.trends-flush") : nil
        // Only the totals' refusals (64 bits) matter here: no φ is estimated for tests not written.
        totals = TotalsAnalysis.Accumulator(countingOnly: groups)
    }

    /// Writes the header row of a table whose running totals are `dated` or not, once.
    private func writeHeader(dated: Bool) {
        guard !headerWritten else { return }
        headerWritten = true
        write([CSVReporter.RowWriter(series: options.series, columns: columns, rows: 0, dated: dated).output])
    }

    /// Appends the formatted rows of `series` (from `TrendRows.formatted`, of a table `dated` or not),
    /// which come next in key order. After a refusal or a write error nothing more is written.
    func append(_ piece: TrendRows.FormattedRows, of series: some Collection<Series>, dated: Bool = false) {
        writeHeader(dated: dated)
        problems += piece.problems
        for one in series { totals.add(one) }
        if problems.isEmpty { write(piece.parts) }
    }

    /// Ends the table: the refusals, or the write error, or `nil` once the output is committed.
    func finish() -> StreamFailure? {
        writeHeader(dated: false)
        flusher?.sync {}
        // The table shows no totals, only their refusals (a total beyond 64 bits), which come before
        // any test: the totals are judged without the exact test.
        var refusals = options
        refusals.exactTest = false
        if case .failure(let list) = totals.totals(options: refusals) {
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
        flusher?.sync {}
        output.abort()
    }

    /// Writes the filled buffers `parts`, in order; they are not touched here again.
    private func write(_ parts: [TextBuffer]) {
        guard let flusher else { return writeNow(parts) }
        pending.wait()
        flusher.async { [self] in
            writeNow(parts)
            pending.signal()
        }
    }

    private func writeNow(_ parts: [TextBuffer]) {
        for part in parts {
            guard failure == nil else { return }
            do throws(OutputError) {
                try part.withUnsafeBytes { (bytes) throws(OutputError) in try output.write(bytes) }
            } catch {
                failure = error
            }
        }
    }
}
