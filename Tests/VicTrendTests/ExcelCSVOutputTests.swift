import Testing

@testable import VicTrend

/// The CSV reporters render typed cells in a `CSVStyle`; `--excel` asks for `;` with decimal commas and
/// CR LF (the whole tables' bytes are asserted by the end-to-end golden files in samples/expected/excel/).
@Suite("CSV for Excel (--excel): byte-order mark, delimiter, decimal commas")
struct ExcelCSVOutputTests {
    private let semicolon = ExcelCSV(delimiter: UInt8(ascii: ";")).style
    private let comma = ExcelCSV().style

    @Test("';': a decimal comma in decimal cells only; counts and text untouched, quoted where ';' needs it")
    func semicolonCells() {
        let cells: [(ReportCell, String)] = [
            (.rate(-0.0909), "-0,0909"), (.probability(1.234e-05), "1,234e-05"),
            (.probability(0.5271), "0,5271"),
            (.decimal(1523.6, places: 1), "1523,6"), (.decimal(578.36111, places: 4), "578,3611"),
            (.count(1234), "1234"), (.integer(-3), "-3"),
            // A key (country, or a --by column such as agency) is text even when it looks like a decimal.
            (.text("1.5"), "1.5"), (.text("Austria;x"), "\"Austria;x\""),
            (.text("A \"quoted\", name"), "\"A \"\"quoted\"\", name\""),
            (.words("not-assessed"), "not-assessed"),
            (.joined([.words("gap"), .words("provisional")], separator: ";"), "\"gap;provisional\""),
            (.empty, ""),
        ]
        for (cell, written) in cells {
            #expect(CSVText.cell(cell, style: semicolon) == written, "\(cell)")
        }
    }

    @Test("',' for Excel and plain CSV: every cell as victrend writes it, a decimal point")
    func commaCells() {
        for style in [comma, CSVStyle.plain] {
            #expect(CSVText.cell(.rate(0.1), style: style) == "0.1000")
            #expect(CSVText.cell(.probability(1.234e-05), style: style) == "1.234e-05")
            #expect(CSVText.cell(.text("Korea, Republic of"), style: style) == "\"Korea, Republic of\"")
            #expect(
                CSVText.cell(.joined([.words("gap"), .words("provisional")], separator: ";"), style: style)
                    == "gap;provisional")
        }
        #expect(comma.lineEnd == "\r\n")
        #expect(CSVStyle.plain.lineEnd == "\n")
        #expect(semicolon.delimiter == UInt8(ascii: ";") && semicolon.decimalComma)
        #expect(!comma.decimalComma)
    }
}
