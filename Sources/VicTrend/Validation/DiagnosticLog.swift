/// Collects diagnostics up to a limit while still counting every one, so a file with a million bad
/// rows costs bounded memory but the totals stay exact.
public struct DiagnosticLog: Sendable {
    /// Most diagnostics kept; the rest are only counted.
    public let limit: Int
    /// The diagnostics kept, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Errors found, kept or not.
    public private(set) var errorCount = 0
    /// Warnings found, kept or not.
    public private(set) var warningCount = 0
    /// Diagnostics found beyond `limit`.
    public private(set) var omittedCount = 0

    public init(limit: Int = 1000) {
        self.limit = limit
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        case .info: break
        }
        if diagnostics.count < limit {
            diagnostics.append(diagnostic)
        } else {
            omittedCount += 1
        }
    }

    public mutating func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// True when any error was found.
    public var hasErrors: Bool { errorCount > 0 }
}
