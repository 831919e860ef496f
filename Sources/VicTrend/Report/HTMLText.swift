/// HTML for the writers: escaping of text and attribute values (the output parses as HTML and as XML),
/// and the rendering of a typed table cell.
enum HTMLText {
    static func escape(_ text: String) -> String {
        // Most texts hold nothing to escape: one pass over the bytes says so.
        guard text.utf8.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            // `##[` (a CI runner's command, were the page printed in a log) as `##&#91;`: reads the same.
            case "[" where result.utf8.last == UInt8(ascii: "#") && result.hasSuffix("##"): result += "&#91;"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // A line break as a reference, which renders the same: no line of the page then begins with
            // text from the input, such as a file name's `::error::` that a CI runner would run.
            case "\n": result += "&#10;"
            case _ where scalar.value < 0x20 && scalar != "\t": result += " "
            // DEL, C1 and bidirectional controls (which would reorder the cell) shown as `\u{202e}`.
            case _ where scalar.value >= 0x7F && DisplayText.isControl(scalar):
                result += DisplayText.shown(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for the bytes `escape` changes.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "["):
            return true
        case UInt8(ascii: "\n"):
            return true
        case UInt8(ascii: "\t"):
            return false
        case 0x7F, 0xC2, 0xD8, 0xE2:
            // DEL, and the lead bytes of C1 and bidirectional controls (others of their blocks too).
            return true
        default:
            return byte < 0x20
        }
    }

    /// `cell` as HTML text: everything escaped, counts grouped (`1,234`), rates as signed percentages
    /// (`+12.3%`), notes as plain words (`first`), signs as they are.
    static func cell(_ cell: ReportCell) -> String {
        var text = ""
        append(cell, to: &text)
        return text
    }

    /// Appends `cell` as HTML text to `output`.
    static func append(_ cell: ReportCell, to output: inout String) {
        switch cell {
        case .empty:
            break
        case .text(let text), .words(let text), .marker(let text):
            output += escape(text)
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
            output += escape(mark.rawValue)
        case .sign(let sign):
            output += escape(sign.rawValue)
        case .joined(let cells, let separator):
            for (index, part) in cells.enumerated() {
                if index > 0 { output += escape(separator) }
                append(part, to: &output)
            }
        }
    }
}
