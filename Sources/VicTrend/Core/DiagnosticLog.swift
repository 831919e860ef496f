/// Collects diagnostics up to a limit while still counting every one, so a file with a million bad
/// rows costs bounded memory but the totals stay exact.
///
/// Errors come first: an error found when the log is full takes the place of the last note kept, or
/// else of the last warning, so the errors that refuse an input are listed (up to the limit) however
/// many notes and warnings came before them — a thousand withheld figures `<5` in an old file never
/// hide the one bad count of this year's.
public struct DiagnosticLog: Sendable {
    /// Most diagnostics kept; the rest are only counted.
    public let limit: Int
    /// The diagnostics kept, in the order found (less notes and warnings an error took the place of).
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
            if severity == .error, let place = placeForError() {
                diagnostics.remove(at: place)
                diagnostics.append(make())
            }
        }
    }

    /// How many findings of `severity` were counted and not kept.
    func omitted(_ severity: Diagnostic.Severity) -> Int {
        let kept = diagnostics.count { $0.severity == severity }
        switch severity {
        case .error: return errorCount - kept
        case .warning: return warningCount - kept
        case .info: return infoCount - kept
        }
    }

    /// The kept finding an error may take the place of in a full log: the last note, else the last
    /// warning; `nil` when every kept finding is an error.
    private func placeForError() -> Int? {
        diagnostics.lastIndex { $0.severity == .info } ?? diagnostics.lastIndex { $0.severity == .warning }
    }

    /// Counts a finding of `severity` that its producer left unbuilt, being past the limit (past it for
    /// its severity, for an error: `BatchedOutput`): counted as `add` would, never kept.
    mutating func addOmitted(_ severity: Diagnostic.Severity) {
        switch severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        case .info: infoCount += 1
        }
        omittedCount += 1
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
        errorCount += other.omitted(.error)
        warningCount += other.omitted(.warning)
        infoCount += other.omitted(.info)
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
        strict.errorCount += omitted(.warning) + omitted(.error)
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
