/// The JSON report, unsuppressed, written while the series arrive (`JSONReportStream`: observations
/// and countries spooled, totals and summary accumulated): memory does not grow with the rows.
final class JSONReportSink: SeriesSink {
    private let request: ReportRequest
    private let groups: Groups
    private let inputs: [String]
    private let path: String?
    private var stream: JSONReportStream

    let continuesPastErrors = false

    init(_ request: ReportRequest, groups: Groups, inputs: [String], path: String?) throws(VictrendError) {
        self.request = request
        self.groups = groups
        self.inputs = inputs
        self.path = path
        stream = try Self.start(request.analysis, groups: groups, path: path)
    }

    func add(_ batch: [Series]) {
        stream.add(batch)
    }

    func restart() throws(VictrendError) {
        stream.abandon()
        stream = try Self.start(request.analysis, groups: groups, path: path)
    }

    func finish(log: DiagnosticLog) throws(VictrendError) -> DiagnosticLog {
        let provenance: Provenance?
        do {
            provenance = try request.provenance(inputs: inputs)
        } catch {
            stream.abandon()
            throw error
        }
        switch stream.finish(provenance: provenance, diagnostics: log.diagnostics) {
        case nil: return DiagnosticLog(limit: log.limit)
        case .diagnostics(let list): return log.findings(list.diagnostics)
        case .output(let error): throw .unwritable(error)
        }
    }

    func abandon() {
        stream.abandon()
    }

    private static func start(_ options: AnalysisOptions, groups: Groups, path: String?) throws(VictrendError)
        -> JSONReportStream
    {
        let output: StagedOutput
        do {
            output = try StagedOutput(path: path)
        } catch {
            throw .unwritable(error)
        }
        do {
            return try JSONReportStream(options: options, groups: groups, output: output)
        } catch {
            output.abort()
            throw .unwritable(error)
        }
    }
}
