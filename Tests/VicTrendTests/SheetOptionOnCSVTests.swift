import Testing

@testable import VicTrend

/// `--sheet` names sheets of workbooks; with no workbook among the inputs it applies to nothing: one
/// warning per file (VT162), each read whole, as without the option. Beside a workbook, a CSV file
/// gets no warning (WorkbookReaderTests reads such a mixed list).
@Suite("--sheet with a CSV input (VT162)")
struct SheetOptionOnCSVTests {
    @Test("one warning naming the sheets, at the file; every figure is read as without --sheet")
    func warnsAndReads() throws {
        let (result, path) = try readPanel(
            "country,year,victims\nAUT,2019,12\nAUT,2020,14\n", options: .init(sheets: ["2020", "Tabelle 1"]))
        #expect(result.log.diagnostics.map(\.code) == [.sheetOptionOnCSV])
        let warning = try #require(result.log.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == Location(file: path, line: 1))
        #expect(
            warning.message.hasPrefix(
                "--sheet '2020', 'Tabelle 1' applies to .xlsx workbooks, and no input is one"))
        #expect(result.panel.series.map(\.country) == ["AUT"])
        #expect(result.panel.series.first?.observations.map(\.victims) == [12, 14])
    }

    @Test("without --sheet, no warning")
    func silentWithout() throws {
        let (result, _) = try readPanel("country,year,victims\nAUT,2019,12\n")
        #expect(result.log.diagnostics.isEmpty)
    }
}
