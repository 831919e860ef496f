import Dispatch

/// The trends table written while the input is still being read: the reader hands over batches of
/// finished series (`PanelReader.stream`), and a writer thread assesses, formats and writes them in
/// order, so reading and writing use two cores. At most `inFlight` batches wait, which bounds memory.
/// The bytes are those of `CSVReporter.report` for the same input.
///
/// `add` is called from one thread (the reader's); the table is touched only on the writer's queue.
final class TrendsStream: @unchecked Sendable {
    private let options: AnalysisOptions
    private let columns: [TrendColumn]?
    private let table: TrendsTableOutput
    private let queue = DispatchQueue(label: "victrend.trends-stream")
    private let slots: DispatchSemaphore

    /// Whether each batch is assessed and formatted on every core, or on the writer's thread alone.
    private let everyCore: Bool
    /// Whether the table is dated (running totals read with dates), decided by the first batch: the
    /// reader dates every figure of a panel or none (VT143). Touched by `add` only.
    private var dated: Bool?

    /// Starts the table on `output` (the header comes with the first batch, which shows whether the
    /// table is dated). With `everyCore` false, the
    /// writer keeps to its own thread: right when the producer keeps a core busy meanwhile (a reader
    /// streaming a file), since splitting each batch over both cores would only take turns with it.
    init(
        options: AnalysisOptions, columns: [TrendColumn]? = nil, groups: Groups = Groups(),
        output: StagedOutput, inFlight: Int = 3, everyCore: Bool = true
    ) {
        self.options = options
        self.columns = columns
        self.everyCore = everyCore
        table = TrendsTableOutput(
            options: options, columns: columns, groups: groups, output: output, flushing: true)
        slots = DispatchSemaphore(value: max(1, inFlight))
    }

    /// Queues the next series in key order; waits while `inFlight` batches are queued.
    func add(_ series: [Series]) {
        let dated = self.dated ?? TrendRows.isDated(series, options: options)
        self.dated = dated
        slots.wait()
        queue.async { [self] in
            table.append(
                TrendRows.formatted(
                    series[...], options: options, columns: columns, everyCore: everyCore, dated: dated),
                of: series, dated: dated)
            slots.signal()
        }
    }

    /// Waits for the queued batches, then commits the table, or aborts it and returns why.
    func finish() -> StreamFailure? {
        queue.sync { table.finish() }
    }

    /// Waits for the queued batches and drops the table: nothing appears.
    func abandon() {
        queue.sync { table.abort() }
    }
}
