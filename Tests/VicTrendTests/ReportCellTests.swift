import Testing

@testable import VicTrend

@Suite("Typed report cells: one figure, each format's spelling and escaping")
struct ReportCellTests {
    /// The report of `rows` with the pure Poisson test (`--dispersion none`), so that the signs below are
    /// the exact test's.
    private func report(_ rows: [(String, Int, Int)]) throws -> TrendReport {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        var options = AnalysisOptions(inputs: ["in.csv"])
        options.dispersion = .none
        return try TrendAnalysis.assess(builder.build(), options: options).get()
    }

    @Test(
        "each kind of cell in Markdown, HTML and CSV",
        arguments: [
            (ReportCell.empty, "", "", ""),
            (.count(1_234_567), "1,234,567", "1,234,567", "1234567"),
            (.count(-1000), "-1,000", "-1,000", "-1000"),
            (.integer(2015), "2015", "2015", "2015"),
            (.rate(0.1), "+10.0%", "+10.0%", "0.1000"),
            (.rate(-0.0909), "\u{2212}9.1%", "\u{2212}9.1%", "-0.0909"),
            (.rate(0.00001), "0.0%", "0.0%", "0.0000"),
            (.probability(2.576e-06), "2.576e-06", "2.576e-06", "2.576e-06"),
            (.probability(0.5008), "0.5008", "0.5008", "0.5008"),
            (.decimal(12.25, places: 1), "12.3", "12.3", "12.3"),
            (.decimal(-1.5, places: 4), "-1.5000", "-1.5000", "-1.5000"),
            (.marker("<5"), "<5", "&lt;5", "<5"),
            (.words("within noise"), "within noise", "within noise", "within noise"),
            (.mark(.firstYear), "*first*", "first", "first"),
            (.mark(.zeroBase), "*base 0*", "base 0", "base 0"),
            (.sign(.withinNoise), "(✗)", "(✗)", "(✗)"),
            (.text("AUT Austria"), "AUT Austria", "AUT Austria", "AUT Austria"),
            (.text("A|B*_x"), "A\\|B\\*\\_x", "A|B*_x", "A|B*_x"),
            (.text("<b>&'q\""), "\\<b\\>&'q\"", "&lt;b&gt;&amp;&#39;q&quot;", "\"<b>&'q\"\"\""),
            (.text("a,b"), "a,b", "a,b", "\"a,b\""),
            (.text("=SUM(A1)"), "=SUM(A1)", "=SUM(A1)", "'=SUM(A1)"),
            (.text("two\nlines"), "two lines", "two&#10;lines", "\"two\nlines\""),
            (
                .joined([.marker("x"), .count(1331)], separator: " / "), "x / 1,331", "x / 1,331",
                "x / 1331"
            ),
            (
                .joined(
                    [.rate(0.09), .sign(.gap), .sign(.significantShortfall), .sign(.provisional)],
                    separator: " "),
                "+9.0% † ✗ p", "+9.0% † ✗ p", "0.0900 † ✗ p"
            ),
            (
                .joined([.count(100), .words("(2019)"), .sign(.baselineShifted)], separator: " "),
                "100 (2019) ‡", "100 (2019) ‡", "100 (2019) ‡"
            ),
        ])
    func formats(cell: ReportCell, markdown: String, html: String, csv: String) {
        #expect(MarkdownText.cell(cell) == markdown)
        #expect(HTMLText.cell(cell) == html)
        #expect(CSVText.cell(cell) == csv)
    }

    @Test("escaping leaves plain text alone and handles what is not plain")
    func escaping() {
        #expect(MarkdownText.escape("Côte d'Ivoire") == "Côte d'Ivoire")
        #expect(MarkdownText.escape("a\r\nb`[c]") == "a b\\`\\[c\\]")
        #expect(MarkdownText.escape("back\\slash") == "back\\\\slash")
        #expect(HTMLText.escape("Côte d'Ivoire") == "Côte d&#39;Ivoire")
        #expect(HTMLText.escape("tab\tcr\r\u{1}") == "tab\tcr  ")
        // Controls that would rewrite a terminal or reorder a line are shown, not passed on.
        #expect(MarkdownText.escape("a\u{1B}[2Jb\u{202E}21") == "a\\\\x1b\\[2Jb\\\\u{202e}21")
        #expect(MarkdownText.escape("x\ty\u{9B}") == "x\\\\x09y\\\\u{9b}")
        #expect(MarkdownText.escape("2019–2020 …") == "2019–2020 …")
        #expect(HTMLText.escape("b\u{202E}21\u{7F}\u{85}") == "b\\u{202e}21\\x7f\\u{85}")
        #expect(HTMLText.escape("2019–2020 …") == "2019–2020 …")
        // A CI runner's legacy command form `##[` is broken up (it reads the same once rendered).
        #expect(HTMLText.escape("a##[add-mask]x [1] #[") == "a##&#91;add-mask]x [1] #[")
        #expect(MarkdownText.escape("a##[add-mask]x") == "a##\\[add-mask\\]x")
        #expect(HTMLText.escape("Åland") == "Åland")
        // A line break (from a file name) as a reference: no line of the page begins with input text.
        #expect(HTMLText.escape("a\n::error file=x::y") == "a&#10;::error file=x::y")
    }

    @Test("growth cells: the note or the rate, then the signs in order")
    func growth() throws {
        let report = try report([
            ("A", 2014, 100), ("A", 2015, 109), ("A", 2017, 200), ("A", 2018, 100), ("Z", 2014, 0),
            ("Z", 2016, 1),
        ])
        let cells = report.assessments.map(ReportTables.growth)
        #expect(
            cells.map(MarkdownText.cell) == [
                "*first*", "+9.0% (✗)", "+35.5% †", "\u{2212}50.0% ✗", "*first*", "*base 0* †",
            ])
        #expect(cells[0] == .mark(.firstYear))
        #expect(cells[3] == .joined([.rate(-0.5), .sign(.significantShortfall)], separator: " "))
        #expect(cells[5] == .joined([.mark(.zeroBase), .sign(.gap)], separator: " "))
        var withheld = report.assessments[0]
        withheld.flags = [.withheld]
        #expect(ReportTables.growth(withheld) == .mark(.withheld))
        var suppressed = report.assessments[1]
        suppressed.status = .suppressed
        #expect(ReportTables.growth(suppressed) == .mark(.suppressed))
        var flagged = report.assessments[0]
        flagged.flags = [.firstYear, .breakInSeries, .estimated, .provisional]
        #expect(
            ReportTables.growth(flagged)
                == .joined([.mark(.breakInSeries), .sign(.provisional), .sign(.estimated)], separator: " "))
    }

    @Test("published counts: the number, the suppression marker, or the source's marker")
    func victims() throws {
        var row = try report([("A", 2014, 1234)]).assessments[0]
        #expect(ReportTables.victims(row) == .count(1234))
        #expect(
            ReportTables.victimsAndTrajectory(row) == .joined([.count(1234), .count(1234)], separator: " / "))
        row.victims = nil
        row.suppressedMarker = "x"
        #expect(ReportTables.victims(row) == .marker("x"))
        row.suppressedMarker = nil
        row.withheldMarker = "<5"
        row.trajectoryVictims = nil
        #expect(ReportTables.victimsAndTrajectory(row) == .marker("<5"))
        row.withheldMarker = nil
        #expect(ReportTables.victims(row) == .empty)
    }

    @Test("the year grid: countries in report order, a column per year, gaps empty")
    func grid() throws {
        let report = try report([("B", 2015, 5), ("A", 2014, 1), ("A", 2015, 2), ("A", 2017, 3)])
        let grid = YearGrid(report.assessments)
        #expect(grid.years == [2014, 2015, 2017])
        #expect(grid.countries.map(\.key) == ["A", "B"])
        #expect(grid.cells(of: grid.countries[0]).map { $0?.victims } == [1, 2, 3])
        #expect(grid.cells(of: grid.countries[1]).map { $0?.victims } == [nil, 5, nil])
        #expect(grid.countries.map(\.rows) == [0..<3, 3..<4])
        #expect(YearGrid([]).countries.isEmpty && YearGrid([]).years.isEmpty)
    }

    /// Every row of `table`, made.
    private func rows(_ table: ReportTables.Table) -> [ReportTables.Row] {
        (0..<table.count).map(table.row)
    }

    @Test("the shared tables: a cell for every column, typed")
    func tables() throws {
        let report = try report([("AUT", 2019, 1000), ("AUT", 2020, 900), ("B|C", 2019, 3), ("B|C", 2021, 9)])
        let progress = rows(ReportTables.progress(report))
        #expect(progress.allSatisfy { $0.cells.count == ReportTables.progress(report).headers.count })
        #expect(ReportTables.progress(report).headers.count == ReportTables.progress(report).alignments.count)
        #expect(progress[0].cells[0] == .text("AUT Austria"))
        #expect(progress[0].cells[2] == .joined([.integer(0), .integer(1)], separator: "/"))
        #expect(progress[0].cells[4] == .joined([.count(1000), .words("(2019)")], separator: " "))
        #expect(progress[0].cells[5] == .joined([.count(900), .count(1100)], separator: " / "))
        let shortfalls = rows(ReportTables.shortfalls(report))
        #expect(shortfalls.count == 1 && shortfalls[0].outcome == .significant)
        #expect(shortfalls[0].cells[3] == .count(1000) && shortfalls[0].cells[6] == .count(200))
        let totals = rows(ReportTables.totals(report))
        #expect(totals.map { $0.cells[0] } == [.words("Alliance"), .words("Alliance"), .words("Alliance")])
        #expect(totals.allSatisfy { $0.outcome == nil })
        #expect(totals[1].cells[5] == .joined([.count(1000), .count(900)], separator: " → "))
        #expect(totals[2].cells[6] == .mark(.noOverlap))
        for table in [ReportTables.countryRecords(report), ReportTables.totalRecords(report)] {
            #expect(rows(table).allSatisfy { $0.cells.count == table.headers.count })
        }
        // 2019 to 2021 is under Eurostat's 3 years: both periods are not assessable (long_term_from 2019).
        // Two figures: dispersion 1 (not estimated), no trend test and no projection; the growth
        // needed to the default target year 2023: (3 × 1.1^4 / 9)^(1/2) − 1 = −0.3014.
        #expect(
            CSVText.table(ReportTables.countryRecords(report)).split(separator: "\n")[2]
                == "B|C,2019,2021,2,1,1,0,0.7321,2019,3,no,4,0,2019,,,not-assessable,2019,,,not-assessable,"
                + "-0.3014,,1.0000,,,,,,,,,,,,,")
    }
}
