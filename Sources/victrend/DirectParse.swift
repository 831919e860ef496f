import ArgumentParser

/// The start-up shortcut of `victrend report|validate|explain ...`: parses the arguments after the
/// subcommand's name with that subcommand as the root of the parse, and gives up (nil) on anything
/// else, so that the full parse from `victrend` runs and says what it always says.
///
/// Why: parsing from the root first looks for `--generate-completion-script` by reflecting two hidden
/// commands of swift-argument-parser, and reflects the subcommand more often; with the Swift
/// runtime's first conformance look-up of each type scanning every conformance record of the
/// executable, that is about a third of a yearly check's instructions (docs/performance.md).
///
/// The result is the same command value: the subcommand's properties are parsed, defaulted and
/// validated by the same code. Everything the shortcut does not accept — a help request (`-h`,
/// `--help`, `help`), `--version`, `--generate-completion-script`, `--experimental-dump-help`, an
/// unknown option, a failing `validate()`, no subcommand name — returns nil and is parsed again from
/// the root, which prints the usual help or message and picks the exit code. Each subcommand's
/// configuration names `victrend` as its `_superCommandName`, which tells the parser not to look for
/// the completion request when the subcommand is the root (the parser's only use of it beside the
/// help's tool name, and a full parse never has a subcommand as its root).
enum DirectParse {
    /// The subcommands that may be parsed directly, by the name that selects them: `victrend`'s own.
    static var subcommands: [ParsableCommand.Type] { VictrendCommand.configuration.subcommands }

    /// The parsed subcommand for `arguments` (without the executable's name), or nil when the full
    /// parse must decide.
    static func command(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first,
            let subcommand = subcommands.first(where: { $0.configuration.commandName == name })
        else { return nil }
        guard let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: command) == subcommand
        else { return nil }
        return command
    }
}
