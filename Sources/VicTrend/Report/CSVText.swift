/// CSV for the record tables: the rendering of a typed cell, and of a whole table with its header row.
/// Text cells are quoted and neutralised by `field` (RFC 4180, formula injection).
enum CSVText {
    /// `cell` as a CSV field: numbers plain (counts ungrouped, rates as fractions with 4 decimals,
    /// p-values with 4 significant digits), text from the input quoted where needed, nothing for `.empty`.
    static func cell(_ cell: ReportCell, style: CSVStyle = .plain) -> String {
        var text = ""
        append(cell, to: &text, style: style)
        return text
    }

    /// Appends `cell` as a CSV field to `output`, in `style` (its decimal separator for decimal cells;
    /// quoted where it holds the delimiter).
    static func append(_ cell: ReportCell, to output: inout String, style: CSVStyle = .plain) {
        if style == .plain {
            output += text(cell, style: style)
        } else {
            output += style.quoted(text(cell, style: style))
        }
    }

    /// The text of `cell` (see `cell`), not yet quoted for a delimiter other than `,`.
    private static func text(_ cell: ReportCell, style: CSVStyle) -> String {
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            return field(text)
        case .words(let text), .marker(let text):
            return text
        case .count(let value), .integer(let value):
            return NumberFormatting.integer(value)
        case .rate(let fraction):
            return style.decimal(NumberFormatting.fixed(fraction, decimals: 4))
        case .probability(let value):
            return style.decimal(NumberFormatting.significant(value))
        case .decimal(let value, let places):
            return style.decimal(NumberFormatting.fixed(value, decimals: places))
        case .mark(let mark):
            return mark.rawValue
        case .sign(let sign):
            return sign.rawValue
        case .joined(let cells, let separator):
            var output = ""
            for (index, part) in cells.enumerated() {
                if index > 0 { output += separator }
                output += text(part, style: style)
            }
            return output
        }
    }

    /// `table` as CSV: the header row, then a line per row, each ending with a line feed (`style`: its
    /// delimiter, decimal separator and line end).
    static func table(_ table: ReportTables.Table, style: CSVStyle = .plain) -> String {
        let delimiter = String(decoding: [style.delimiter], as: UTF8.self)
        var text = table.headers.joined(separator: delimiter) + style.lineEnd
        for row in 0..<table.count {
            for (index, cell) in table.row(row).cells.enumerated() {
                if index > 0 { text += delimiter }
                append(cell, to: &text, style: style)
            }
            text += style.lineEnd
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
