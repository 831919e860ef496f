/// Why an output written while the series arrive (the trends table, the JSON report) was not written;
/// in both cases nothing of it appears.
enum StreamFailure: Error {
    /// The analysis refused the input (figures beyond 64 bits, a falling running total).
    case diagnostics(DiagnosticList)
    /// The output could not be written.
    case output(OutputError)
}
