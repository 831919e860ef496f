import ArgumentParser
import VicTrend

/// The `victrend` command: checks yearly identified-victim counts against the Global Alliance goal.
///
/// Exit codes: 0 success; 1 the input has errors (diagnostics printed); 2 usage errors, unreadable
/// inputs, or an output that cannot be written.
@main
struct VictrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "victrend",
        abstract: "Check yearly identified-victim counts against the goal of at least 10% growth a year.",
        discussion: """
            The Global Alliance against child sexual abuse online aims to increase the number of \
            identified victims in INTERPOL's ICSE database by at least 10% a year. victrend reads \
            aggregate yearly counts per country (CSV) and reports growth, shortfalls and progress.

            Exit codes: 0 success, 1 the input has errors, 2 usage error or unreadable/unwritable file.
            """,
        version: "\(VicTrendVersion.current) (commit \(buildCommit))",
        subcommands: [ReportCommand.self, ValidateCommand.self, ExplainCommand.self]
    )

    /// Parses and runs, mapping every failure to victrend's exit codes (ArgumentParser's own usage
    /// code, 64, becomes 2).
    static func main() {
        Signals.install()
        do {
            var command = try DirectParse.command(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            if exitCode(for: error) == .success {
                Self.exit(withError: error)
            }
            // Usage errors quote the arguments, which may be file names from a submission, or values
            // pasted from one: cut, and made safe for a terminal and a CI log.
            if let unknown = SubcommandSuggestion.message(arguments: Array(CommandLine.arguments.dropFirst()))
            {
                Terminal.error(DisplayText.logLine(UsageMessage.bounded(unknown)))
            } else {
                Terminal.error(DisplayText.logLines(UsageMessage.bounded(fullMessage(for: error))))
            }
            Self.exit(withError: ExitCode(2))
        }
    }
}
