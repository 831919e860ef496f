/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=VT101::message`.
///
/// GitHub shows at most 10 error and 10 warning annotations per step, so the first 10 of each become
/// annotations and the rest are printed as plain lines, followed by a notice of how many were not
/// annotated. `stepSummary` renders every finding as a Markdown table for `$GITHUB_STEP_SUMMARY`.
///
/// Input text never becomes a command. In an annotation, every field has its control characters
/// other than CR and LF escaped (`DisplayText`: ESC is `\x1b`) and `##[` (the runner's legacy command
/// form) broken up; then the Actions toolkit's escaping applies: `%` → `%25`, CR → `%0D`, LF → `%0A`,
/// and in properties also `:` → `%3A`, `,` → `%2C`. The plain lines are `Diagnostic.description`
/// (`DisplayText.logLine`: every control escaped, a line break as `\x0a`, so no text starts a line of
/// its own, and no line begins with `::`); `%` stays as it is there, since the runner does not
/// unescape plain lines.
public enum GitHubDiagnosticReporter: DiagnosticReporter {
    public static let identifier = "github"

    /// Annotations GitHub shows per step and severity.
    public static let annotationLimit = 10

    public static func report(_ report: ValidationReport) -> String {
        var output = ""
        var annotated: [Diagnostic.Severity: Int] = [:]
        var plain = 0
        for diagnostic in report.diagnostics {
            let used = annotated[diagnostic.severity, default: 0]
            if used < annotationLimit {
                annotated[diagnostic.severity] = used + 1
                output += command(diagnostic) + "\n"
            } else {
                plain += 1
                output += diagnostic.description + "\n"
            }
        }
        let more = plain + report.log.omittedCount
        if more > 0 {
            output +=
                "::notice title=victrend::"
                + escapeData(
                    "\(more) more finding\(more == 1 ? "" : "s") not shown as annotations (GitHub shows "
                        + "\(annotationLimit) per kind); see the log above and the step summary") + "\n"
        }
        output += "victrend: \(report.summary)\n"
        return output
    }

    /// The annotation of a run stopped by `error` before any check (exit 2), on the input that could not
    /// be read when that is the reason: the pull request shows why, not only the log.
    public static func failedRun(_ error: VictrendError) -> String {
        var properties: [String] = []
        if case .unreadable(let input) = error {
            properties.append(
                "file="
                    + escapeProperty(
                        DisplayText.inert(WorkingDirectoryPath.relative(input.path), exceptLineBreaks: true)))
        }
        properties.append("title=victrend")
        return "::error \(properties.joined(separator: ","))::"
            + escapeData(DisplayText.inert(error.description, exceptLineBreaks: true)) + "\n"
    }

    /// One workflow command.
    static func command(_ diagnostic: Diagnostic) -> String {
        let kind: String
        switch diagnostic.severity {
        case .error: kind = "error"
        case .warning: kind = "warning"
        case .info: kind = "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append(
                "file="
                    + escapeProperty(
                        DisplayText.inert(
                            WorkingDirectoryPath.relative(location.file), exceptLineBreaks: true)))
            properties.append("line=\(location.line)")
            if let column = location.column { properties.append("col=\(column)") }
        }
        properties.append("title=" + escapeProperty(diagnostic.code.rawValue))
        // An annotation has no sheet: a workbook's finding names its cell (`Wide!D5: ...`).
        let message = escapeData(DisplayText.inert(diagnostic.messageNamingSheet, exceptLineBreaks: true))
        return "::\(kind) \(properties.joined(separator: ","))::\(message)"
    }

    /// Every finding as a Markdown table, for `$GITHUB_STEP_SUMMARY`.
    public static func stepSummary(_ report: ValidationReport) -> String {
        var lines = ["## victrend validate", "", report.summary, ""]
        let diagnostics = report.diagnostics
        if !diagnostics.isEmpty {
            lines.append("| Severity | Code | Location | Message |")
            lines.append("|:--|:--|:--|:--|")
            for diagnostic in diagnostics {
                let cells = [
                    diagnostic.severity.word, diagnostic.code.rawValue,
                    MarkdownText.escape(DisplayText.escapingControls(diagnostic.location?.description ?? "")),
                    MarkdownText.escape(DisplayText.escapingControls(diagnostic.message)),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Message escaping of the Actions toolkit (`escapeData`). Works on Unicode scalars: in a Swift
    /// `String`, CR LF is one character and would not match a lone CR.
    static func escapeData(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    /// Property escaping of the Actions toolkit (`escapeProperty`).
    static func escapeProperty(_ text: String) -> String {
        escape(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
    }

    private static func escape(_ text: String, _ table: [(Unicode.Scalar, String)]) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let replacement = table.first(where: { $0.0 == scalar })?.1 {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
