import Testing

@testable import VicTrend

/// Running totals read with a date column (`--series cumulative`): the reader's dates and refusals, and
/// the analysis annualised by days / 365.25. The expected figures were computed in R (4.x), e.g.
///
///     options(digits = 17); t <- 2130 / 365.25; 1.7^(1 / t) - 1; 10000 * 1.1^t
///
/// and the three-figure series by the script in `threeDates` below.
@Suite("Running totals at dates: read, refused, annualised by days / 365.25")
struct DatedRunningTotalsTests {
    private static var dated: PanelReader.Options {
        var options = PanelReader.Options(countries: .verbatim)
        options.readsDates = true
        return options
    }

    private static let cumulative = AnalysisOptions(series: .cumulative)

    /// The diagnostics of reading `text` with dates: (code, line, column, message).
    private func diagnostics(_ text: String, options: PanelReader.Options = dated) throws
        -> [(code: DiagnosticCode, line: Int?, column: Int?, message: String)]
    {
        let (result, _) = try readPanel(text, options: options)
        return result.log.diagnostics.map {
            ($0.code, $0.location?.line, $0.location?.column, $0.message)
        }
    }

    private func date(_ text: String) throws -> AsOfDate { try AsOfDate.parse(text).get() }

    // MARK: - Reading

    @Test("a date column in both forms gives each figure its date, and the date's year is its year")
    func bothForms() throws {
        let (result, _) = try readPanel(
            "country,date,victims\nICSE,2017-01,10000\nICSE,2022-11-18,31000\n", options: Self.dated)
        #expect(result.log.diagnostics.isEmpty)
        let figures = try #require(result.panel.series.first).observations
        #expect(figures.map(\.year) == [2017, 2022])
        #expect(figures.map(\.victims) == [10000, 31000])
        #expect(
            figures.map(\.asOf) == [
                AsOfDate(year: 2017, month: 1, day: 1, monthOnly: true),
                AsOfDate(year: 2022, month: 11, day: 18, monthOnly: false),
            ])
        #expect(figures.compactMap(\.asOf).map(\.text) == ["2017-01", "2022-11-18"])
    }

    @Test("as_of (any case) beside a year column that agrees; --date-column as written first")
    func alias() throws {
        let (result, _) = try readPanel(
            "Country,Year,AS_OF,Victims,date\nICSE,2017,2017-01,10000,x\nICSE,2022,2022-11,17000,y\n",
            options: {
                var options = Self.dated
                options.dateColumn = "AS_OF"
                return options
            }())
        #expect(result.log.diagnostics.isEmpty)
        #expect(
            result.panel.series.first?.observations.compactMap(\.asOf).map(\.text) == ["2017-01", "2022-11"])
    }

    @Test("a date in another year than the year cell is refused at the date (VT141)")
    func wrongYear() throws {
        let found = try diagnostics(
            "country,year,date,victims\nICSE,2017,2017-01,10000\nICSE,2021,2022-11,17000\n")
        #expect(found.count == 1)
        #expect(found.first?.code == .dateYearMismatch)
        #expect(found.first?.line == 3 && found.first?.column == 11)
        #expect(
            found.first?.message
                == "the date 2022-11 is in 2022 but the 'year' cell says 2021; correct one of them, or leave "
                + "out the year column (the date gives the year)")
    }

    @Test("an empty or invalid date is refused where it stands (VT140), and the row is left out")
    func invalidDates() throws {
        let found = try diagnostics(
            "country,date,victims\nICSE,,10000\nICSE,2023-02-29,17000\nICSE,2024-01,1\n")
        #expect(found.map(\.code) == [.invalidDate, .invalidDate])
        #expect(found.map(\.line) == [2, 3])
        #expect(found.map(\.column) == [6, 6])
        #expect(
            found.map(\.message) == [
                "the date is empty; every running total needs the date it stands at (YYYY-MM-DD, or YYYY-MM for a month)",
                "'2023-02-29': 2023-02 has 28 days",
            ])
        let (result, _) = try readPanel(
            "country,date,victims\nICSE,,10000\nICSE,2024-01,1\n", options: Self.dated)
        #expect(result.panel.observationCount == 1)
    }

    @Test("--date-column naming no column is VT010; two date columns without it are VT011")
    func unknownColumn() throws {
        var options = Self.dated
        options.dateColumn = "stand"
        let missing = try diagnostics("country,date,victims\nICSE,2017-01,1\n", options: options)
        #expect(missing.map(\.code) == [.missingColumn])
        #expect(
            missing.first?.message
                == "expected a column named 'stand' (--date-column); the header has 3 columns: 'country', "
                + "'date', 'victims'")
        let two = try diagnostics("country,date,as of,victims\nICSE,2017-01,2017-01,1\n")
        #expect(two.map(\.code) == [.ambiguousColumn])
        #expect(
            two.first?.message
                == "several columns could be the date: 'date' (column 2), 'as of' (column 3); choose one with "
                + "--date-column")
    }

    @Test("without a date column a cumulative file still needs its year column")
    func yearStillNeeded() throws {
        let found = try diagnostics("country,victims\nICSE,1\n")
        #expect(found.map(\.code) == [.missingColumn])
        #expect(
            found.first?.message.hasSuffix(
                "; running totals may instead have a date column (date or as_of, or --date-column NAME)")
                == true)
    }

    @Test("annual counts ignore a date column (no number changes); --date-column is refused (VT142)")
    func annual() throws {
        let (result, _) = try readPanel(
            "country,year,date,victims\nAUT,2019,2019-03,10\nAUT,2020,garbage,11\n",
            options: PanelReader.Options(countries: .verbatim))
        #expect(result.log.diagnostics.isEmpty)
        #expect(result.panel.series.first?.observations.map(\.asOf) == [nil, nil])
        var options = PanelReader.Options(countries: .verbatim)
        options.dateColumn = "date"
        #expect(
            try diagnostics("country,year,date,victims\nAUT,2019,2019-03,10\n", options: options).map(\.code)
                == [.dateColumnRefused])
    }

    @Test("--date-column for a wide or SDMX file is refused (VT142)")
    func otherLayouts() throws {
        var options = Self.dated
        options.dateColumn = "as_of"
        let wide = try diagnostics("country,2017,2022\nICSE,10000,17000\n", options: options)
        #expect(wide.map(\.code) == [.dateColumnRefused])
        #expect(
            wide.first?.message
                == "--date-column as_of applies to the long layout (country,date,victims); this is a wide file "
                + "(one column per year): leave out --date-column, or give the running totals in a long file")
        let sdmx = try diagnostics(
            "DATAFLOW,freq,geo,TIME_PERIOD,OBS_VALUE\nX,A,AT,2019,10\n", options: options)
        #expect(sdmx.map(\.code) == [.dateColumnRefused])
    }

    @Test("two dates of one key in one calendar year are a duplicate (VT201), even with the same count")
    func sameYear() throws {
        let found = try diagnostics("country,date,victims\nICSE,2022-03,30000\nICSE,2022-11,30000\n")
        #expect(found.map(\.code) == [.duplicateObservation])
        #expect(found.first?.line == 3)
        #expect(found.first?.message.hasPrefix("ICSE 2022 is given twice: 30000 as of 2022-03 at ") == true)
        #expect(
            found.first?.message.hasSuffix(
                "30000 as of 2022-11 here; a running total is one figure per country and calendar year: keep "
                    + "one of the rows (the latest date, usually)") == true)
    }

    @Test("files of one panel are dated all or none (VT143, at the later file's header)")
    func mixedFiles() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let first = try fixtures.file("icse.csv", "country,date,victims\nICSE,2017-01,10000\n")
        let second = try fixtures.file("ncmec.csv", "country,year,victims\nNCMEC,2017,9000\n")
        let result = try PanelReader(options: Self.dated).read([first, second])
        #expect(result.log.diagnostics.map(\.code) == [.datesInSomeFiles])
        #expect(result.log.diagnostics.first?.location == Location(file: second, line: 1))
        #expect(result.log.diagnostics.first?.message.contains("but \(first) has one") == true)
    }

    // MARK: - The analysis

    /// The assessments of `text` read with dates, as running totals.
    private func assessed(_ text: String, options: AnalysisOptions = cumulative) throws -> TrendReport {
        let (result, _) = try readPanel(text, options: Self.dated)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics)")
        return try TrendAnalysis.assess(result.panel, options: options).get()
    }

    @Test("the issue's example: 10,000 on 2017-01-01, 17,000 on 2022-11-01 (t = 2,130 / 365.25)")
    func issueExample() throws {
        let report = try assessed("country,date,victims\nICSE,2017-01-01,10000\nICSE,2022-11,17000\n")
        let row = report.assessments[1]
        // R: 2130 / 365.25; 1.7^(1 / t) - 1; 10000 * 1.1^t = 17433.576857660417; 7000 / t
        #expect(abs(try #require(row.elapsedYears) - 5.8316221765913756) < 1e-14)
        #expect(abs(try #require(row.growthRate) - 0.095259733408737057) < 1e-14)
        #expect(row.requiredVictims == 17_434)
        #expect(row.shortfall == 434)
        #expect(row.status == .shortfall)
        #expect(row.trajectoryVictims == 17_434)
        #expect(row.newVictims == 7_000)
        #expect(abs(try #require(row.newPerYear) - 1200.3521126760563) < 1e-9)
        #expect(row.untested == .runningTotals && row.test == nil)
        #expect(row.flags == [.gap])
        #expect(row.asOf?.text == "2022-11" && row.baseAsOf?.text == "2017-01-01")
    }

    @Test("three dates: growth, required, trajectory and the growth of new per year (R's values)")
    func threeDates() throws {
        // R: d <- as.Date(c("2017-01-01", "2019-06-30", "2022-11-01")); v <- c(10000, 17300, 31000)
        //    t <- as.numeric(diff(d)) / 365.25; (v[-1] / v[-3])^(1 / t) - 1; v[-3] * 1.1^t
        //    newper <- diff(v) / t; (newper[2] / newper[1])^(1 / (as.numeric(d[3] - d[1]) / 365.25 / 2)) - 1
        //    10000 * 1.1^(as.numeric(d - d[1]) / 365.25)
        let report = try assessed(
            "country,date,victims\nICSE,2017-01,10000\nICSE,2019-06-30,17300\nICSE,2022-11,31000\n")
        let rows = report.assessments
        #expect(rows.map(\.requiredVictims) == [nil, 12_681, 23_786])
        #expect(rows.map(\.status) == [.notAssessed, .met, .met])
        #expect(rows.map(\.trajectoryVictims) == [10_000, 12_681, 17_434])
        let expected: [(Double, Double, Double)] = [
            (2.4914442162902124, 0.24607857157558977, 2930.0274725274721),
            (3.3401779603011637, 0.1908003412026964, 4101.5778688524588),
        ]
        for (row, (t, growth, perYear)) in zip(rows.dropFirst(), expected) {
            #expect(abs(try #require(row.elapsedYears) - t) < 1e-14)
            #expect(abs(try #require(row.growthRate) - growth) < 1e-13)
            #expect(abs(try #require(row.newPerYear) - perYear) < 1e-9)
        }
        #expect(rows[1].newGrowthRate == nil)
        #expect(abs(try #require(rows[2].newGrowthRate) - 0.12227429760950081) < 1e-13)
        // The short-term window (2017-01 to 2022-11): CAGR over 5.8316 years; 31,000 ≥ 10,000 × 1.095^t
        // (16,976.5), significant progress. R: (31000 / 10000)^(1 / (2130 / 365.25)) - 1
        let summary = try #require(report.countries.first)
        #expect(abs(try #require(summary.shortTerm.cagr) - 0.21411031709098971) < 1e-13)
        #expect(summary.shortTerm.category == .significantProgress)
    }

    @Test("a whole number of mean years (1,461 days = 4) uses the exact integer method")
    func wholeYears() throws {
        // 2017-01-01 → 2021-01-01 is 1,461 days: 10,000 × 1.1^4 = 14,641 exactly, which meets it (the
        // floating-point rule would have asked for 14,642).
        let report = try assessed("country,date,victims\nICSE,2017-01-01,10000\nICSE,2021-01-01,14641\n")
        #expect(report.assessments[1].elapsedYears == 4)
        #expect(report.assessments[1].requiredVictims == 14_641)
        #expect(report.assessments[1].status == .met)
        // 2,922 days are 8 years: ⌈10,000 × 1.1^8⌉ = ⌈21,435.8881⌉.
        #expect(DatedGrowth.ceilScaled(10_000, by: 11, over: 10, days: 2 * 1_461) == 21_436)
    }

    @Test("within 1e-9 of a whole number the required count is one more (the conservative rule)")
    func conservative() {
        // R: 1000000002 * 1.1^(365 / 365.25) = 1099928244.6515095: ⌈⌉ is 1,099,928,245, but 0.35 is within
        // 1e-9 × 1.1e9 of 1,099,928,245, so 1,099,928,246 is asked for.
        #expect(DatedGrowth.ceilScaled(1_000_000_002, by: 11, over: 10, days: 365) == 1_099_928_246)
        // R: 123 * 1.1^(1000 / 365.25) = 159.67322869093766, far from a whole number: ⌈⌉ = 160.
        #expect(DatedGrowth.ceilScaled(123, by: 11, over: 10, days: 1_000) == 160)
        #expect(DatedGrowth.ceilScaled(0, by: 11, over: 10, days: 1_000) == 0)
        #expect(DatedGrowth.ceilScaled(Int.max / 2, by: 11, over: 10, days: 3_000) == nil)
        #expect(DatedGrowth.growthRate(from: 1, to: 1_000_000, days: 1) == nil)
    }

    @Test("the trends CSV shows as_of and elapsed_years for dated totals only")
    func table() throws {
        let report = try assessed("country,date,victims\nICSE,2017-01-01,10000\nICSE,2022-11,17000\n")
        let lines = CSVReporter.report(report).split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "country,year,as_of,victims,base_year,base_victims,elapsed_years,growth_rate,required_victims,"
                + "shortfall,status,flags,trajectory_victims,trajectory_gap,p_value,ratio_low,ratio_high,"
                + "significance,country_name,dispersion,new_victims,new_per_year,new_growth_rate")
        #expect(lines[1] == "ICSE,2017,2017-01-01,10000,,,,,,,not-assessed,first-year,10000,0,,,,,,,,,")
        #expect(
            lines[2]
                == "ICSE,2022,2022-11,17000,2017,10000,5.8316,0.0953,17434,434,shortfall,gap,17434,434,,,,,,,"
                + "7000,1200.35,")
        #expect(
            CSVReporter.report(report, columns: [.country, .asOf, .elapsedYears]).hasPrefix(
                "country,as_of,elapsed_years\nICSE,2017-01-01,\nICSE,2022-11,5.8316\n"))
        let undated = try TrendAnalysis.assess(
            Panel(series: [
                Series(
                    country: "ICSE",
                    observations: [
                        Observation(
                            country: "ICSE", year: 2017, victims: 1, location: Location(file: "x", line: 2))
                    ])
            ]), options: Self.cumulative
        ).get()
        #expect(!CSVReporter.report(undated).contains("as_of"))
        #expect(CSVReporter.report(undated, columns: [.country, .asOf]) == "country\nICSE\n")
        // --suppressed-as empty lists the columns before the input is read: the dated ones are left out
        // again for an undated table, and kept for a dated one.
        let empty = TrendColumn.columns(nil, series: .cumulative, cells: .empty)
        #expect(
            CSVReporter.report(undated, columns: empty).hasPrefix(
                "country,year,victims,victims_status,base_year,base_victims,growth_rate,"))
        #expect(
            CSVReporter.report(report, columns: empty).hasPrefix(
                "country,year,as_of,victims,victims_status,base_year,base_victims,elapsed_years,growth_rate,")
        )
    }

    @Test("a withheld running total keeps its date; --sum adds parts at one date, refuses two dates")
    func withheldAndSums() throws {
        let report = try assessed(
            "country,date,victims\nICSE,2017-01,10000\nICSE,2019-06,c\nICSE,2022-11,31000\n")
        #expect(report.assessments.map { $0.asOf?.text } == ["2017-01", "2019-06", "2022-11"])
        #expect(report.assessments[1].flags == [.withheld])
        // The withheld year is no base: 2022-11 is compared with 2017-01 (5.8316 years).
        #expect(report.assessments[2].requiredVictims == 17_434)
        var summing = Self.dated
        summing.sum = true
        let (parts, _) = try readPanel(
            "country,date,victims\nICSE,2017-01,4000\nICSE,2017-01,6000\nICSE,2022-11,31000\n",
            options: summing)
        #expect(parts.log.diagnostics.isEmpty)
        #expect(parts.panel.series.first?.observations.map(\.victims) == [10_000, 31_000])
        let two = try diagnostics(
            "country,date,victims\nICSE,2017-01,4000\nICSE,2017-06,6000\n", options: summing)
        #expect(two.map(\.code) == [.duplicateObservation])
        #expect(two.first?.message.hasPrefix("ICSE 2017 is given twice: 4000 as of 2017-01 at ") == true)
    }
}
