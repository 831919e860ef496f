/// The trends table as CSV, written while the series arrive (`TrendsStream`: assessed and formatted on
/// a writer thread, or on every core) and committed only when the whole table is written.
final class TrendsTableSink: SeriesSink {
    private let options: AnalysisOptions
    private let columns: [TrendColumn]?
    private let groups: Groups
    private let path: String?
    private var stream: TrendsStream

    let continuesPastErrors = false

    /// Stages the table for `path` (standard output when `nil`). While a file is streamed the reader
    /// keeps one core busy; the writer takes the other, or every core when the exact test makes writing
    /// the slower side.
    init(options: AnalysisOptions, columns: [TrendColumn]? = nil, groups: Groups, path: String?)
        throws(VictrendError)
    {
        self.options = options
        self.columns = columns
        self.groups = groups
        self.path = path
        stream = TrendsStream(
            options: options, columns: columns, groups: groups, output: try Self.stage(path),
            everyCore: options.exactTest)
    }

    func add(_ batch: [Series]) {
        stream.add(batch)
    }

    /// A new table; the series now come from a whole read, after it, so the writer takes every core.
    func restart() throws(VictrendError) {
        stream.abandon()
        stream = TrendsStream(
            options: options, columns: columns, groups: groups, output: try Self.stage(path))
    }

    func finish(log: DiagnosticLog) throws(VictrendError) -> DiagnosticLog {
        switch stream.finish() {
        case nil: return DiagnosticLog(limit: log.limit)
        case .diagnostics(let list): return log.findings(list.diagnostics)
        case .output(let error): throw .unwritable(error)
        }
    }

    func abandon() {
        stream.abandon()
    }

    private static func stage(_ path: String?) throws(VictrendError) -> StagedOutput {
        do {
            return try StagedOutput(path: path)
        } catch {
            throw .unwritable(error)
        }
    }
}
