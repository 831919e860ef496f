import VicTrend

/// The text of a usage error as victrend prints it: swift-argument-parser and the option parsers quote
/// the value they refuse whole ("The value '…' is invalid"), and a value may be a megabyte pasted from
/// a file. Each quoted span longer than `quoteLimit` Unicode scalars is cut to that many, then `...`,
/// and each line to `lineLimit`; the rendering (`DisplayText.logLines`) then escapes controls.
enum UsageMessage {
    static let quoteLimit = 60
    static let lineLimit = 2_000

    static func bounded(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            DisplayText.prefix(cuttingQuotes(String(line)), limit: lineLimit)
        }.joined(separator: "\n")
    }

    /// `line` with the text between each pair of single quotes cut to `quoteLimit` scalars.
    private static func cuttingQuotes(_ line: String) -> String {
        let parts = line.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return line }
        // Parts 1, 3, 5… are quoted when a closing quote follows them (an odd part before the last).
        return parts.enumerated().map { index, part in
            index % 2 == 1 && index < parts.count - 1
                ? DisplayText.prefix(String(part), limit: quoteLimit) : String(part)
        }.joined(separator: "'")
    }
}
