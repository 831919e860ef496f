import ArgumentParser
import VicTrend

/// Prints diagnostics on standard error in the compiler form `file:line:col: error[VT103]: message`.
enum DiagnosticPrinter {
    static func print(_ log: DiagnosticLog) {
        for diagnostic in log.diagnostics {
            Terminal.error(diagnostic.description)
        }
        if log.omittedCount > 0 {
            let more = log.omittedCount == 1 ? "1 more diagnostic" : "\(log.omittedCount) more diagnostics"
            Terminal.error("victrend: \(more) not shown")
        }
    }

    /// Prints the analysis' refusal (its diagnostics and the closing line); returns exit code 1 for the
    /// command to throw.
    static func refusal(_ log: DiagnosticLog) -> ExitCode {
        print(log)
        printRefusal(log)
        return ExitCode(1)
    }

    /// The closing line when errors prevent a report.
    static func printRefusal(_ log: DiagnosticLog) {
        let errors = log.errorCount == 1 ? "1 error" : "\(log.errorCount) errors"
        Terminal.error("victrend: \(errors) in the input; no report written")
    }
}
