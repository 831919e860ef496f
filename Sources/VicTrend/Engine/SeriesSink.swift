/// Where the pipeline delivers what it read: complete series, in key order (`Panel`'s order), a batch
/// at a time. Internal: each product of `Pipeline.Product` has its sink.
///
/// The calls come in this order: `add` any number of times; `restart` when the pipeline gives up
/// streaming (the input turned out not to be sorted by key) and delivers every series again from the
/// start; then either `finish` (reading succeeded, or failed and `continuesPastErrors`) or `abandon`.
protocol SeriesSink: AnyObject {
    /// Whether the sink wants the series even when reading found errors (validation reports every
    /// finding; a report is never written then).
    var continuesPastErrors: Bool { get }
    /// The next series, in key order; each is complete.
    func add(_ batch: [Series])
    /// Drops everything received: the series come again from the first.
    func restart() throws(VictrendError)
    /// Writes what the sink makes. Returns the findings, kept up to `log`'s limit and counted past it
    /// (for a report, its refusals: then nothing appears).
    func finish(log: DiagnosticLog) throws(VictrendError) -> DiagnosticLog
    /// Drops everything: nothing appears.
    func abandon()
}
