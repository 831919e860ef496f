/// "Did you mean" for a mistyped subcommand (`victrend reprot data.csv`), which the parser reports only
/// as unexpected arguments. Consulted only after parsing failed, so it costs nothing on a normal run.
enum SubcommandSuggestion {
    /// The subcommands a user can type.
    static let names = VictrendCommand.configuration.subcommands.map { $0._commandName } + ["help"]

    /// The message for `arguments` (without the program name) when the first one is not an option
    /// and not a subcommand: `victrend: unknown subcommand 'reprot'; did you mean 'report'?`, or the
    /// list of subcommands when none is close (at most 2 edits, and fewer than half the letters).
    /// `nil` when the first argument is an option or a subcommand (the parser's message applies).
    static func message(arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let typed = first.lowercased()
        let ranked = names.map { (name: $0, distance: editDistance(typed, $0)) }.min {
            $0.distance < $1.distance
        }
        let quoted = "'\(first)'"
        if let ranked, ranked.distance <= min(2, max(1, ranked.name.count / 2)) {
            return "victrend: unknown subcommand \(quoted); did you mean '\(ranked.name)'?"
        }
        return "victrend: unknown subcommand \(quoted); the subcommands are "
            + names.joined(separator: ", ") + " (see victrend --help)"
    }

    /// The Levenshtein distance between two texts, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
