/// The one way from input files to outputs, for every command.
///
/// ```
/// inputs ──PanelReader──▶ series in key order ──▶ sink ──▶ outputs
///           │ sorted by key: streamed while read (one key at a time)
///           └ otherwise: read whole into flat rows, then handed out a batch at a time
/// ```
///
/// A command only says what it wants (`Product`); the pipeline chooses how to read and which internal
/// sink receives the series: the trends table as CSV is written while the input is read, validation
/// checks series as they come, every other output collects the whole report first. Whatever the path,
/// the figures, the diagnostics and the bytes written are the same (the tests compare the paths).
public enum Pipeline {
    /// What a run produces.
    public enum Product: Sendable {
        /// Reports (`victrend report`).
        case report(ReportRequest)
        /// Diagnostics for submitted files (`victrend validate`).
        case validation(ValidationRequest)
    }

    /// Reads `inputs` and produces `product`. Throws only when a file cannot be read at all, an output
    /// cannot be written, or the output cannot be made at this size; problems in the figures are in the
    /// outcome. Nothing is written when the outcome has errors. A report refuses an input given twice;
    /// a validation reads it once, and reports an input it cannot open as VT007 and checks the others
    /// (`ValidationRequest.openableInputs`).
    public static func run(_ given: [String], reading: PanelReader.Options, producing product: Product)
        throws(VictrendError) -> PipelineOutcome
    {
        var inputs = given
        let sink: any SeriesSink
        let otherFindings: [Diagnostic]
        switch product {
        case .report(let request):
            if let repeated = FileIdentity.repeated(inputs) {
                throw .inputGivenTwice(path: repeated.path, first: repeated.first)
            }
            try refuseOverwriting(request.destination.paths, inputs + [request.groupsFile].compactMap { $0 })
            let groups = try request.readGroups(countries: reading.countries)
            otherFindings = groups.log
            sink = try ReportSinks.make(request, groups: groups.groups, inputs: inputs)
        case .validation(let request):
            let openable = ValidationRequest.openableInputs(given)
            inputs = openable.inputs
            let files = try request.readOtherFiles(countries: reading.countries)
            otherFindings = openable.unopened + files.log
            sink = ValidationSink(
                rules: files.rules, series: request.series, targetRate: request.targetRate,
                limit: reading.diagnosticLimit)
        }
        let read = try SeriesReading(inputs: inputs, options: reading).deliver(to: sink)
        var log = read.log
        log.add(contentsOf: otherFindings)
        guard !log.hasErrors || sink.continuesPastErrors else {
            sink.abandon()
            return PipelineOutcome(
                log: log, rowCount: read.rowCount, findings: DiagnosticLog(limit: reading.diagnosticLimit),
                years: nil)
        }
        let findings = try sink.finish(log: log)
        return PipelineOutcome(log: log, rowCount: read.rowCount, findings: findings, years: read.years)
    }
}

extension Pipeline {
    /// Throws `.outputIsInput` when one of `outputs` is one of `inputs` (the same file through any
    /// symbolic or hard link). The pipeline checks its own outputs; a caller that writes another file
    /// (a CI step summary) checks it here first.
    public static func refuseOverwriting(_ outputs: [String], _ inputs: [String]) throws(VictrendError) {
        if let clash = FileIdentity.overlap(outputs: outputs, inputs: inputs) {
            throw .outputIsInput(output: clash.output, input: clash.input)
        }
    }

    /// Removes every temporary file an output is being staged in (the outputs then never appear).
    /// For a signal handler: async-signal-safe (no lock, no allocation; only `unlink`). Call
    /// `prepareForSignals` first, outside the handler.
    public static func removeTemporaryFiles() {
        TemporaryNames.removeAll()
    }

    /// Makes what `removeTemporaryFiles` reads, so that a signal handler finds it ready.
    public static func prepareForSignals() {
        TemporaryNames.prepare()
    }
}

/// What a run of the pipeline found.
public struct PipelineOutcome: Sendable {
    /// The findings of reading every input (data, groups, members), in file and line order.
    public var log: DiagnosticLog
    /// Data rows read, over all data files.
    public var rowCount: Int
    /// For a report: the analysis' refusals (a figure or total beyond 64 bits, a falling running
    /// total), in which case nothing was written. For validation: the checks' findings (plausibility
    /// rules, then everything a report would refuse). Kept up to the reading log's limit, counted past
    /// it, so that a file with a finding on every figure holds no more than the limit in memory.
    public var findings: DiagnosticLog

    /// The first and the latest year of a figure in the panel (a withheld figure counts: it has a year);
    /// nil when there is none, or when errors in reading kept the series from the analysis.
    public var years: ClosedRange<Int>?
    /// True when a report was written: no error in reading, none in the analysis.
    public var isWritten: Bool { !log.hasErrors && findings.isEmpty }
}
