/// What `victrend validate` found: the findings and what was read.
public struct ValidationReport: Sendable {
    /// The findings (warnings already promoted under `--strict`).
    public var log: DiagnosticLog
    /// Input paths as given; diagnostics are listed in this file order, then by line and column.
    public var inputs: [String]
    /// Data rows read over all inputs.
    public var rowCount: Int

    public init(log: DiagnosticLog, inputs: [String], rowCount: Int) {
        self.log = log
        self.inputs = inputs
        self.rowCount = rowCount
    }

    /// The kept diagnostics in file, line and column order.
    public var diagnostics: [Diagnostic] { log.sorted(files: inputs) }

    /// `2 errors, 1 warning in 3 files (120 rows)`.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [count(log.errorCount, "error"), count(log.warningCount, "warning")]
        if log.infoCount > 0 { parts.append(count(log.infoCount, "note")) }
        return parts.joined(separator: ", ")
            + " in \(count(inputs.count, "file")) (\(count(rowCount, "row")))"
            + (log.omittedCount > 0 ? "; \(log.omittedCount) not listed" : "")
    }

    /// What the findings past the log's limit were, when there were any: `1,260 more findings not
    /// listed (1,260 notes); the first 1,000 are, errors first`. The formats without a summary line
    /// (JSON, SARIF) say it in their own way.
    var omitted: String? {
        guard log.omittedCount > 0 else { return nil }
        let kinds = [
            (log.omitted(.error), "error"), (log.omitted(.warning), "warning"), (log.omitted(.info), "note"),
        ].filter { $0.0 > 0 }.map { "\(NumberFormatting.grouped($0.0)) \($0.1)\($0.0 == 1 ? "" : "s")" }
        let count = log.omittedCount
        return "\(NumberFormatting.grouped(count)) more finding\(count == 1 ? "" : "s") not listed ("
            + kinds.joined(separator: ", ") + "); the first \(NumberFormatting.grouped(log.limit)) are, "
            + "errors first"
    }
}

/// A rendering of validation findings: each format is one small stateless type.
public protocol DiagnosticReporter {
    /// The name used with `validate --format`.
    static var identifier: String { get }
    /// The whole output, ending with a newline.
    static func report(_ report: ValidationReport) -> String
}

/// The formats `victrend validate --format` offers.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:col: error[VT103]: message`, like compilers.
    case text
    /// One JSON array of diagnostics.
    case json
    /// GitHub Actions workflow commands (annotations).
    case github
    /// SARIF 2.1.0, for code-scanning upload.
    case sarif

    /// The type that renders this format.
    public var reporter: any DiagnosticReporter.Type {
        switch self {
        case .text: return TextDiagnosticReporter.self
        case .json: return JSONDiagnosticReporter.self
        case .github: return GitHubDiagnosticReporter.self
        case .sarif: return SARIFDiagnosticReporter.self
        }
    }
}

/// Compiler-style lines, then a summary line.
public enum TextDiagnosticReporter: DiagnosticReporter {
    public static let identifier = "text"

    public static func report(_ report: ValidationReport) -> String {
        report.diagnostics.map { $0.description + "\n" }.joined() + "victrend: \(report.summary)\n"
    }
}

/// A JSON array; each element has `code`, `severity` (`error`, `warning`, `info`), `file`, `line`,
/// `column` (each `null` where none applies), in a workbook `sheet` (then `line` is the row and `column`
/// the column, A = 1), `message` and `summary` (the rule's one-line text). A run that could not check
/// (exit 2: an input that cannot be read) is one element with `code` `null` (`failedRun`); findings
/// past the limit (counted, not listed) are one last element with `code` `null` and severity `info`
/// saying how many.
public enum JSONDiagnosticReporter: DiagnosticReporter {
    public static let identifier = "json"

    public static func report(_ report: ValidationReport) -> String {
        let elements = report.diagnostics.map { diagnostic in
            JSONText.object(
                [
                    ("code", JSONText.string(diagnostic.code.rawValue)),
                    ("severity", JSONText.string(diagnostic.severity.rawValue)),
                    ("file", diagnostic.location.map { JSONText.string($0.file) } ?? "null"),
                    ("line", diagnostic.location.map { String($0.line) } ?? "null"),
                    ("column", diagnostic.location?.column.map(String.init) ?? "null"),
                ] + (diagnostic.location?.sheet.map { [("sheet", JSONText.string($0))] } ?? []) + [
                    ("message", JSONText.string(diagnostic.message)),
                    ("summary", JSONText.string(diagnostic.code.summary)),
                ])
        }
        // Findings past the limit: one last element without a code says how many, of which kinds.
        let omitted = report.omitted.map { text in
            JSONText.object([
                ("code", "null"), ("severity", JSONText.string("info")), ("file", "null"), ("line", "null"),
                ("column", "null"), ("message", JSONText.string(text)),
                ("summary", JSONText.string("Findings past the limit are counted, not listed.")),
            ])
        }
        let all = elements + (omitted.map { [$0] } ?? [])
        return "[" + all.map { "\n  " + $0 }.joined(separator: ",") + (all.isEmpty ? "" : "\n") + "]\n"
    }

    /// The array of a run stopped by `error` before any check: one element, `code` `null`, so that a
    /// CI step that parses the output reads why (never an empty array, which would read as "no findings").
    public static func failedRun(_ error: VictrendError) -> String {
        var file = "null"
        if case .unreadable(let input) = error { file = JSONText.string(input.path) }
        let element = JSONText.object([
            ("code", "null"), ("severity", JSONText.string("error")), ("file", file), ("line", "null"),
            ("column", "null"), ("message", JSONText.string(error.description)),
            ("summary", JSONText.string("victrend could not check the inputs (exit 2).")),
        ])
        return "[\n  " + element + "\n]\n"
    }
}
