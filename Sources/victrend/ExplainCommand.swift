import ArgumentParser
import VicTrend

/// `victrend explain VT103`: the catalogue entry of a diagnostic code, with a bad and a fixed example.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        _superCommandName: "victrend",
        abstract: "Explain a diagnostic code (VT103...): what it means, an input that gets it, the fix.",
        discussion: """
            Prints the catalogue entry of a code that validate or report printed, e.g. \
            error[VT103], with an example input that gets it and the same input fixed. \
            Without a code, lists every code with its one-line summary.

              victrend explain VT103
            """
    )

    @Argument(
        help: ArgumentHelp("A diagnostic code such as VT103 (or 103).", valueName: "code"),
        completion: .list(DiagnosticCode.allCases.map(\.rawValue)))
    var code: String?

    func validate() throws {
        if let code, Self.lookUp(code) == nil {
            throw ValidationError(
                "\(DisplayText.quoted(DisplayText.inert(code))) is not a victrend diagnostic code; codes are VT001 to VT307, listed by `victrend explain`"
            )
        }
    }

    func run() throws {
        let text: String
        if let code, let found = Self.lookUp(code) {
            text =
                found.explanation?.rendered
                ?? "\(found.rawValue) (\(found.defaultSeverity.rawValue)): \(found.summary)\n"
        } else {
            text = DiagnosticCode.allCases.sorted { $0.rawValue < $1.rawValue }
                .map { "\($0.rawValue)  \($0.defaultSeverity.rawValue.padding(7))  \($0.summary)\n" }.joined()
        }
        guard Terminal.output(text) else { throw ExitCode(2) }
    }

    /// The code `text` names: `VT103`, `vt103` or `103`.
    static func lookUp(_ text: String) -> DiagnosticCode? {
        let upper = text.uppercased()
        return DiagnosticCode(rawValue: upper.hasPrefix("VT") ? upper : "VT" + upper)
    }
}

extension String {
    /// The text followed by blanks up to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
