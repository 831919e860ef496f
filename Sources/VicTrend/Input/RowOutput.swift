/// Where a `RowInterpreter` puts what it finds in the rows: figures and diagnostics, in the order found.
///
/// The order is part of the contract: a duplicate found by the builder is logged between the findings
/// of the rows around it, exactly as if each row went to the builder and the log at once.
protocol RowOutput {
    /// Adds an accepted observation (a duplicate or an overflowing sum is logged).
    mutating func add(_ observation: consuming Observation)
    /// Adds a withheld year (a duplicate is logged).
    mutating func add(_ figure: WithheldFigure)
    /// Logs a finding.
    mutating func add(_ diagnostic: Diagnostic)
    /// Logs a finding of `severity` that `make` builds, only if the log keeps it (see
    /// `DiagnosticLog.add(_:_:)`).
    mutating func add(_ severity: Diagnostic.Severity, _ make: () -> Diagnostic)
    /// `add(_:)`, with the id its reader's `KnownCells` gave the key's cell (`-1` for none): a hint
    /// that lets a key already seen be found without hashing it, never a substitute for the key.
    mutating func add(_ observation: consuming Observation, cell: Int)
}

extension RowOutput {
    mutating func add(_ observation: consuming Observation, cell: Int) {
        add(observation)
    }
}

/// The figures to a `PanelBuilder` and the findings to a `DiagnosticLog`, each at once.
struct BuilderOutput: RowOutput {
    var builder: PanelBuilder
    var log: DiagnosticLog

    mutating func add(_ observation: consuming Observation) {
        if let duplicate = builder.add(observation) { log.add(duplicate) }
    }

    /// `add(_:)` with the key's hash (`RowStore.hash`) computed ahead.
    mutating func add(_ observation: consuming Observation, keyHash: Int) {
        if let duplicate = builder.add(observation, keyHash: keyHash) { log.add(duplicate) }
    }

    mutating func add(_ figure: WithheldFigure) {
        if let duplicate = builder.add(figure) { log.add(duplicate) }
    }

    mutating func add(_ diagnostic: Diagnostic) {
        log.add(diagnostic)
    }

    mutating func add(_ severity: Diagnostic.Severity, _ make: () -> Diagnostic) {
        log.add(severity, make)
    }
}
