/// Markdown for the writers: escaping of text from the input, and the rendering of a typed table cell.
enum MarkdownText {
    /// Text made safe for a table cell: `|` and the characters that start emphasis, code, links or HTML
    /// escaped with a backslash, line breaks as spaces, other control characters (bidirectional ones
    /// too) shown as `DisplayText` shows them (`\x1b`, `\u{202e}`), so that a report printed to a
    /// terminal cannot rewrite it.
    static func escape(_ text: String) -> String {
        // Most texts (codes, names) hold none of them: one pass over the bytes says so.
        guard text.utf8.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            case "`", "*", "_", "[", "]", "<", ">", "\\": result += "\\" + String(character)
            default:
                if character.unicodeScalars.contains(where: DisplayText.isControl) {
                    for scalar in character.unicodeScalars {
                        result += MarkdownText.escapedBackslashes(DisplayText.shown(scalar))
                    }
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// `text` with each backslash doubled (an escaped control's `\x1b` reads `\x1b` once rendered).
    private static func escapedBackslashes(_ text: String) -> String {
        text.split(separator: "\\", omittingEmptySubsequences: false).joined(separator: "\\\\")
    }

    /// True for the bytes `escape` may change (a character it changes starts with one of them).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "`"), UInt8(ascii: "*"),
            UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "\\"), 0x7F, 0xC2, 0xD8, 0xE2:
            return true
        default:
            return byte < 0x20
        }
    }

    /// `cell` as Markdown: text from the input escaped, counts grouped (`1,234`), rates as signed
    /// percentages (`+12.3%`), notes emphasised (`*first*`), markers and signs as they are.
    static func cell(_ cell: ReportCell) -> String {
        var text = ""
        append(cell, to: &text)
        return text
    }

    /// Appends `cell` as Markdown to `output`.
    static func append(_ cell: ReportCell, to output: inout String) {
        switch cell {
        case .empty:
            break
        case .text(let text):
            output += escape(text)
        case .words(let text), .marker(let text):
            output += text
        case .count(let value):
            output += NumberFormatting.grouped(value)
        case .integer(let value):
            output += NumberFormatting.integer(value)
        case .rate(let fraction):
            output += NumberFormatting.percent(fraction)
        case .probability(let value):
            output += NumberFormatting.significant(value)
        case .decimal(let value, let places):
            output += NumberFormatting.fixed(value, decimals: places)
        case .mark(let mark):
            output += "*" + mark.rawValue + "*"
        case .sign(let sign):
            output += sign.rawValue
        case .joined(let cells, let separator):
            for (index, part) in cells.enumerated() {
                if index > 0 { output += separator }
                append(part, to: &output)
            }
        }
    }
}
