/// The trends table's rows for a batch of series, assessed and formatted on every core: the batch is
/// cut into consecutive parts of whole series, each part is formatted into a buffer of its own
/// (`Parallel.map`), and the buffers are written out in order, so the bytes never depend on the number
/// of cores. Used by `TrendsStream`; the rows are `CSVReporter.RowWriter`'s.
enum TrendRows {
    /// Consecutive ranges of `series` holding about `rows` rows each (a series is never split).
    /// The ranges are in `series`' own indices.
    static func blocks<Collection: RandomAccessCollection<Series>>(of series: Collection, rows: Int)
        -> [Range<Int>]
    where Collection.Index == Int {
        Batches.ranges(
            of: series.lazy.map { $0.observations.count + $0.withheld.count }, atLeast: rows,
            from: series.startIndex)
    }

    /// The rows of `series` (no header), and the analysis' refusals. The series are split between the
    /// cores (in order) when the parts are worth a thread: the streamed table's writer then uses the core
    /// the reader leaves idle, and the exact test — several times the rest of a row — runs on all.
    /// With `everyCore` false, on this thread only.
    static func formatted(
        _ series: ArraySlice<Series>, options: AnalysisOptions, columns: [TrendColumn]?,
        everyCore: Bool = true, dated: Bool = false
    )
        -> FormattedRows
    {
        // Parts worth a thread: a few hundred rows with the test, a few thousand without.
        let smallestPart = options.exactTest && options.series == .annual ? 256 : 4096
        if everyCore && Parallel.cores > 1 && series.count > 1 {
            let parts = blocks(of: series, rows: max(smallestPart, rowCount(series) / Parallel.cores + 1))
            if parts.count > 1 {
                let pieces = Parallel.map(parts.count) { index in
                    formattedHere(series[parts[index]], options: options, columns: columns, dated: dated)
                }
                return FormattedRows(parts: pieces.flatMap(\.parts), problems: pieces.flatMap(\.problems))
            }
        }
        return formattedHere(series, options: options, columns: columns, dated: dated)
    }

    /// Whether a table whose first series are `series` is dated: running totals read with dates
    /// (the reader dates every figure of a panel or none, VT143).
    static func isDated(_ series: [Series], options: AnalysisOptions) -> Bool {
        options.series == .cumulative
            && series.contains { $0.observations.first?.asOf != nil || $0.withheld.first?.asOf != nil }
    }

    /// Rows (figures and withheld years) of `series`.
    private static func rowCount(_ series: ArraySlice<Series>) -> Int {
        series.reduce(0) { $0 + $1.observations.count + $1.withheld.count }
    }

    /// `formatted` on this thread.
    private static func formattedHere(
        _ series: ArraySlice<Series>, options: AnalysisOptions, columns: [TrendColumn]?, dated: Bool
    )
        -> FormattedRows
    {
        var writer = CSVReporter.RowWriter(
            series: options.series, columns: columns, rows: rowCount(series), header: false, dated: dated)
        var tests = TestCache()
        var problems: [Diagnostic] = []
        for one in series {
            _ = TrendAnalysis.assessSeries(one, options: options, tests: &tests, problems: &problems) {
                writer.write($0)
            }
        }
        return FormattedRows(parts: [writer.output], problems: problems)
    }

    /// Formatted rows (no header) and the analysis' refusals. The rows stay in the buffers they were
    /// written into — one per part when a block was split between the cores, in order — and are
    /// written out from there, never joined into one copy.
    struct FormattedRows: Sendable {
        let parts: [TextBuffer]
        let problems: [Diagnostic]

        /// The rows' bytes, joined into a copy (for tests).
        var bytes: [UInt8] { parts.flatMap { $0.withUnsafeBytes { Array($0) } } }
    }
}
