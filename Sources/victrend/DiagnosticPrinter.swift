import VicTrend

/// Prints diagnostics on standard error in the compiler form `file:line:col: error[VT103]: message`.
enum DiagnosticPrinter {
    static func print(_ log: DiagnosticLog) {
        for diagnostic in log.diagnostics {
            Terminal.error(diagnostic.description)
        }
        if log.omittedCount > 0 {
            Terminal.error("victrend: \(log.omittedCount) more diagnostics not shown")
        }
    }

    /// The closing line when errors prevent a report.
    static func printRefusal(_ log: DiagnosticLog) {
        let errors = log.errorCount == 1 ? "1 error" : "\(log.errorCount) errors"
        Terminal.error("victrend: \(errors) in the input; no report written")
    }
}
