/// A finding about the input: what is wrong, where, and how serious it is.
///
/// The library returns diagnostics as values and never prints them; the command-line tool renders them
/// (`file:line:col: error[VT103]: message`) and turns errors into a non-zero exit code.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How much a finding matters.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The input cannot be used as it is; no report is produced.
        case error
        /// Suspicious but usable.
        case warning
        /// Worth knowing; nothing is wrong.
        case info

        /// The word the text format and the summaries use: `error`, `warning`, `note` (as compilers
        /// print a note; JSON keeps the raw value `info`, SARIF has its level `note`).
        var word: String { self == .info ? "note" : rawValue }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .info: return 2
            }
        }
    }

    /// Stable identifier of the rule that produced the finding.
    public var code: DiagnosticCode
    /// Severity; by default the code's own.
    public var severity: Severity
    /// Where the finding applies; `nil` for findings about the whole run.
    public var location: Location?
    /// What is wrong and what would be right, in one or two sentences.
    public var message: String

    /// A finding. A message longer than `maxMessageLength` Unicode scalars (one that quotes a huge
    /// cell or header) is cut there and ends with `...`, so a kept finding costs bounded memory.
    public init(
        _ code: DiagnosticCode, severity: Severity? = nil, at location: Location?, _ message: String
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.location = location
        self.message =
            message.utf8.count > Self.maxMessageLength
            ? DisplayText.prefix(message, limit: Self.maxMessageLength) : message
    }

    /// The message, led by the workbook cell it concerns (`'Data 2024'!C2: ...`) when the location has
    /// a sheet: for formats whose location cannot name one (a GitHub annotation, SARIF's region).
    var messageNamingSheet: String {
        location?.sheetReference.map { "\($0): \(message)" } ?? message
    }

    /// The longest message kept, in Unicode scalars.
    public static let maxMessageLength = 2000

    /// Compiler-style text, one line safe for a terminal or a CI log (`DisplayText.logLine`: controls
    /// in the file name or the message escaped, no workflow command): `file:line:col: error[VT103]:
    /// message`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return DisplayText.logLine("\(prefix)\(severity.word)[\(code.rawValue)]: \(message)")
    }
}

extension Sequence<Diagnostic> {
    /// True when any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
