/// CSV for the record tables: the rendering of a typed cell, and of a whole table with its header row.
/// Text cells are quoted and neutralised by `CSVReporter.field` (RFC 4180, formula injection).
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
            output += CSVReporter.field(text)
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
}
