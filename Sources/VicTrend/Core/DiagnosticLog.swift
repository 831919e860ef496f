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
    /// Notes found, kept or not.
    public private(set) var infoCount = 0
    /// Diagnostics found beyond `limit`.
    public private(set) var omittedCount = 0

    public init(limit: Int = 1000) {
        self.limit = limit
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.severity) { diagnostic }
    }

    /// Counts a diagnostic of `severity` and keeps the one `make` builds, calling it only while the log
    /// is under its limit: past it, a bad row costs a count, not a message (nor a "did you mean" search).
    /// `make` must build a diagnostic of that severity.
    mutating func add(_ severity: Diagnostic.Severity, _ make: () -> Diagnostic) {
        switch severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        case .info: infoCount += 1
        }
        if diagnostics.count < limit {
            diagnostics.append(make())
        } else {
            omittedCount += 1
        }
    }

    /// Counts a finding of `severity` known to fall past the limit (the log is full when it arrives): it
    /// is counted, as `add` would, and never built.
    mutating func addOmitted(_ severity: Diagnostic.Severity) {
        let limit = limit
        add(severity) {
            Diagnostic(.oversizedRecord, severity: severity, at: nil, "a finding past the limit of \(limit)")
        }
    }

    public mutating func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Adds `other`'s findings after this log's: its kept diagnostics as `add` would, and the ones it
    /// only counted as counted here too. With the same limit, the result keeps and counts exactly what
    /// one log given both sequences in turn would.
    public mutating func add(contentsOf other: DiagnosticLog) {
        add(contentsOf: other.diagnostics)
        // What `other` only counted is only counted here (its text is gone), even with room to spare.
        let kept = { (severity: Diagnostic.Severity) in other.diagnostics.count { $0.severity == severity } }
        errorCount += other.errorCount - kept(.error)
        warningCount += other.warningCount - kept(.warning)
        infoCount += other.infoCount - kept(.info)
        omittedCount += other.omittedCount
    }

    /// `diagnostics` in a new log with this one's limit.
    func findings(_ diagnostics: [Diagnostic]) -> DiagnosticLog {
        var log = DiagnosticLog(limit: limit)
        log.add(contentsOf: diagnostics)
        return log
    }

    /// True when nothing was found (kept or only counted).
    public var isEmpty: Bool { errorCount + warningCount + infoCount == 0 }

    /// The same findings with every warning made an error (`--strict`).
    public func promotingWarnings() -> DiagnosticLog {
        var strict = DiagnosticLog(limit: limit)
        for var diagnostic in diagnostics {
            if diagnostic.severity == .warning { diagnostic.severity = .error }
            strict.add(diagnostic)
        }
        strict.errorCount +=
            warningCount - diagnostics.filter { $0.severity == .warning }.count
            + errorCount - diagnostics.filter { $0.severity == .error }.count
        strict.omittedCount = omittedCount
        strict.infoCount = infoCount
        return strict
    }

    /// The kept diagnostics sorted by file (in the order of `files`, others after), line and column.
    public func sorted(files: [String]) -> [Diagnostic] {
        let rank = Dictionary(files.enumerated().map { ($1, $0) }) { first, _ in first }
        return diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.location, b.element.location)
            let keyX = (rank[x?.file ?? ""] ?? files.count, x?.line ?? 0, x?.column ?? 0, a.offset)
            let keyY = (rank[y?.file ?? ""] ?? files.count, y?.line ?? 0, y?.column ?? 0, b.offset)
            return keyX < keyY
        }.map(\.element)
    }

    /// True when any error was found.
    public var hasErrors: Bool { errorCount > 0 }
}
