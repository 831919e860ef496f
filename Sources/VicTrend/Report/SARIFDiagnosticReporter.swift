/// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning upload: one run,
/// the rule catalogue (every `DiagnosticCode`, with help text and default level) and one result per
/// finding with its physical location. GitHub's code scanning refuses a whole log with a result that has
/// none, so a finding about the inputs as a whole (an alliance total beyond 64 bits, VT202/VT203) is
/// placed at line 1 of the first input.
public enum SARIFDiagnosticReporter: DiagnosticReporter {
    public static let identifier = "sarif"

    static let toolVersion = VicTrendVersion.current

    public static func report(_ report: ValidationReport) -> String {
        let codes = DiagnosticCode.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules = codes.map { code in
            JSONText.object([
                ("id", JSONText.string(code.rawValue)),
                ("name", JSONText.string(ruleName(code))),
                ("shortDescription", JSONText.object([("text", JSONText.string(code.summary))])),
                ("help", JSONText.object([("text", JSONText.string(help(code)))])),
                (
                    "defaultConfiguration",
                    JSONText.object([("level", JSONText.string(level(code.defaultSeverity)))])
                ),
            ])
        }
        let results = report.diagnostics.map { diagnostic in
            var members: [(String, String)] = [
                ("ruleId", JSONText.string(diagnostic.code.rawValue)),
                ("ruleIndex", String(ruleIndex[diagnostic.code] ?? 0)),
                ("level", JSONText.string(level(diagnostic.severity))),
                // SARIF's region has no sheet: a workbook's finding names its cell (`Wide!D5: ...`).
                ("message", JSONText.object([("text", JSONText.string(diagnostic.messageNamingSheet))])),
            ]
            if let location = diagnostic.location ?? report.inputs.first.map({ Location(file: $0, line: 1) })
            {
                var region: [(String, String)] = [("startLine", String(max(1, location.line)))]
                if let column = location.column { region.append(("startColumn", String(column))) }
                let physical = JSONText.object([
                    ("artifactLocation", JSONText.object([("uri", JSONText.string(uri(location.file)))])),
                    ("region", JSONText.object(region)),
                ])
                members.append(
                    ("locations", JSONText.array([JSONText.object([("physicalLocation", physical)])])))
            }
            return JSONText.object(members)
        }
        var members = [("tool", JSONText.object([("driver", driver(rules: rules))]))]
        if let omitted = report.omitted {
            // Findings past the limit are counted, not listed: said as a note of the run, so that a
            // viewer does not take the results for all there is.
            let notification = JSONText.object([
                ("level", JSONText.string("note")),
                ("message", JSONText.object([("text", JSONText.string(omitted))])),
            ])
            let invocation = JSONText.object([
                ("executionSuccessful", "true"),
                ("toolExecutionNotifications", JSONText.array([notification])),
            ])
            members.append(("invocations", JSONText.array([invocation])))
        }
        members.append(("results", JSONText.array(results)))
        return log(JSONText.object(members))
    }

    /// A valid SARIF log for a run that stopped before judging any figure (an input that cannot be
    /// read, a pattern that matched no file): no results, and one invocation that did not succeed
    /// (exit code 2) with the error as a tool execution notification pointing at the file. A CI step
    /// that uploads the file `if: always()` then shows why instead of failing on an empty file.
    public static func failedRun(_ error: VictrendError) -> String {
        var notification: [(String, String)] = [
            ("level", JSONText.string("error")),
            ("message", JSONText.object([("text", JSONText.string(error.description))])),
        ]
        if case .unreadable(let input) = error {
            let physical = JSONText.object([
                ("artifactLocation", JSONText.object([("uri", JSONText.string(uri(input.path)))]))
            ])
            notification.append(
                ("locations", JSONText.array([JSONText.object([("physicalLocation", physical)])])))
        }
        let invocation = JSONText.object([
            ("executionSuccessful", "false"),
            ("exitCode", "2"),
            ("toolExecutionNotifications", JSONText.array([JSONText.object(notification)])),
        ])
        let run = JSONText.object([
            ("tool", JSONText.object([("driver", driver(rules: []))])),
            ("invocations", JSONText.array([invocation])),
            ("results", JSONText.array([])),
        ])
        return log(run)
    }

    /// The tool's description. No informationUri: victrend has no public home yet, and a placeholder
    /// address would point whoever registers it at every SARIF viewer's users.
    private static func driver(rules: [String]) -> String {
        JSONText.object([
            ("name", JSONText.string("victrend")),
            ("version", JSONText.string(toolVersion)),
            ("rules", JSONText.array(rules)),
        ])
    }

    /// The SARIF log holding one run.
    private static func log(_ run: String) -> String {
        JSONText.object([
            ("$schema", JSONText.string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", JSONText.string("2.1.0")),
            ("runs", JSONText.array([run])),
        ]) + "\n"
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// The rule's name: its Swift case name, e.g. `invalidCount`.
    static func ruleName(_ code: DiagnosticCode) -> String { String(describing: code) }

    /// Help text: what the rule checks and the command that explains it.
    static func help(_ code: DiagnosticCode) -> String {
        "\(code.summary) `victrend explain \(code.rawValue)` explains it, with an example and its fix."
    }

    /// A path as a URI reference (percent-encoding what URIs cannot hold): relative as it is, absolute
    /// as a `file` URI.
    static func uri(_ given: String) -> String {
        let path = WorkingDirectoryPath.relative(given)
        var result = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (character.isLetter || character.isNumber || "/-._~".contains(character)) {
                result.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        // An absolute path (outside the working directory) is a `file` URI (RFC 8089:
        // `file:///tmp/a.csv`); a relative one stays a relative reference, resolved against the
        // repository by code scanning.
        return path.hasPrefix("/") ? "file://" + result : result
    }
}
