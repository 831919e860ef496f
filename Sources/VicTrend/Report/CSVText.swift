/// CSV for the record tables: the rendering of a typed cell, and of a whole table with its header row.
/// Text cells are quoted and neutralised by `field` (RFC 4180, formula injection).
enum CSVText {
    /// `cell` as a CSV field: numbers plain (counts ungrouped, rates as fractions with 4 decimals,
    /// p-values with 4 significant digits), text from the input quoted where needed, nothing for `.empty`.
    static func cell(_ cell: ReportCell) -> String {
        var text = ""
        append(cell, to: &text)
        return text
    }

    /// Appends `cell` as a CSV field to `output`.
    static func append(_ cell: ReportCell, to output: inout String) {
        switch cell {
        case .empty:
            break
        case .text(let text):
            output += field(text)
        case .words(let text), .marker(let text):
            output += text
        case .count(let value), .integer(let value):
            output += NumberFormatting.integer(value)
        case .rate(let fraction):
            output += NumberFormatting.fixed(fraction, decimals: 4)
        case .probability(let value):
            output += NumberFormatting.significant(value)
        case .decimal(let value, let places):
            output += NumberFormatting.fixed(value, decimals: places)
        case .mark(let mark):
            output += mark.rawValue
        case .sign(let sign):
            output += sign.rawValue
        case .joined(let cells, let separator):
            for (index, part) in cells.enumerated() {
                if index > 0 { output += separator }
                append(part, to: &output)
            }
        }
    }

    /// `table` as CSV: the header row, then a line per row, each ending with a line feed.
    static func table(_ table: ReportTables.Table) -> String {
        var text = table.headers.joined(separator: ",") + "\n"
        for row in 0..<table.count {
            for (index, cell) in table.row(row).cells.enumerated() {
                if index > 0 { text += "," }
                append(cell, to: &text)
            }
            text += "\n"
        }
        return text
    }

    /// A text cell, safe for spreadsheets: a cell a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return, per OWASP's CSV-injection guidance) gets a leading `'`;
    /// a cell holding a delimiter, quote or line break is quoted as RFC 4180 says. Numbers are written by
    /// the callers as numbers and never pass through here.
    static func field(_ text: String) -> String {
        // Most cells (codes, names) need neither: one pass over the bytes says so.
        let needsQuotes = { (byte: UInt8) -> Bool in
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                UInt8(ascii: ";"):
                return true
            default: return false
            }
        }
        if let first = text.utf8.first, !"=+-@\t\r".utf8.contains(first),
            !text.utf8.contains(where: needsQuotes)
        {
            return text
        }
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard
            text.contains(where: {
                $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\r\n"
            })
        else {
            return text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
