import Testing

@testable import VicTrend

@Suite("Input layouts: wide, Eurostat SDMX-CSV, withheld values")
struct LayoutTests {
    @Test(
        "the layout is detected from the header",
        arguments: [
            ("country,year,victims", InputLayout.long), ("country,2013,2014", .wide),
            ("iso3,name,2015", .wide),
            ("DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG", .sdmx),
            // Without DATAFLOW or STRUCTURE, geo,TIME_PERIOD,OBS_VALUE is a long file (other columns ignored).
            ("geo,TIME_PERIOD,OBS_VALUE", .long), ("country,year,victims,2015", .long),
            ("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS", .sdmx),
            ("LOCATION,Country,TIME,Time,Value,Flag Codes,Flags", .sdmx),
            ("Goal,Target,GeoAreaCode,GeoAreaName,TimePeriod,Value,Age,Sex", .sdmx),
        ])
    func detection(header: String, layout: InputLayout) {
        let names = header.split(separator: ",").map { ColumnMapping.normalise(String($0)) }
        #expect(RowInterpreter.detect(names, overrides: .init()) == layout)
    }

    @Test("withheld markers", arguments: ["<5", "< 10", "c", "C", ".."])
    func markers(text: String) {
        #expect(CountCell.withheldMarker(ArraySlice(Array(text.utf8))) != nil)
    }

    @Test("count cells per layout: empty and ':' are missing except in the long layout")
    func countCells() {
        let cell = { (text: String) in ArraySlice(Array(text.utf8)) }
        #expect(CountCell.read(cell(""), layout: .wide) == .success(.missing))
        #expect(CountCell.read(cell(":"), layout: .sdmx) == .success(.missing))
        #expect((try? CountCell.read(cell(""), layout: .long).get()) == nil)
        #expect(CountCell.read(cell("<5"), layout: .long) == .success(.withheld("<5")))
        #expect(CountCell.read(cell("12"), layout: .wide) == .success(.count(12)))
        #expect((try? CountCell.read(cell("<x"), layout: .wide).get()) == nil)
    }

    @Test("wide: one observation per year cell, located at the cell; empty cells are missing years")
    func wide() throws {
        let (result, path) = try readPanel(
            "country,name,2019,2020,2021\nAUS,Australia,100,,121\nBEL,Belgium,5,<5,7\n")
        #expect(!result.log.hasErrors)
        let australia = try #require(result.panel.series.first)
        #expect(australia.observations.map(\.year) == [2019, 2021])
        #expect(australia.observations[1].location == Location(file: path, line: 2, column: 20))
        let belgium = result.panel.series[1]
        #expect(belgium.withheld.map(\.marker) == ["<5"])
        #expect(result.log.diagnostics.map(\.code) == [.withheldValue])
        #expect(result.log.diagnostics.first?.severity == .info)
    }

    @Test("wide: a column that looks like a year but is not one is an error, not a silently lost column")
    func wideBadYearColumn() throws {
        let (result, _) = try readPanel("country,2019,2020 (p)\nAUS,1,2\n")
        #expect(result.log.diagnostics.map(\.code) == [.invalidYearColumn])
        #expect(result.log.diagnostics.first?.location?.column == 14)
    }

    @Test(
        "wide: a header with digits that is not a year is VT014, never a column silently left out",
        arguments: [
            "2.019", "\"2,019\"", "2 019", "Jan 19", "\u{FF12}\u{FF10}\u{FF12}\u{FF10}", "20191", "019",
            "FY19",
        ])
    func wideDigitsNotYear(header: String) throws {
        let (result, _) = try readPanel(
            "country,2018,\(header),2021,ISO 3166,name\nAUS,1,2,3,AUS,Australia\n")
        #expect(result.log.diagnostics.map(\.code) == [.invalidYearColumn], "\(header)")
        #expect(result.log.diagnostics.first?.location?.column == 14)
        #expect(result.panel.series.isEmpty)
    }

    @Test("wide: a year heading two columns is one error at the header (VT011), not one per row")
    func wideRepeatedYear() throws {
        let (result, path) = try readPanel("country,2019,2020,\" 2019\"\nAUS,1,2,1\nBEL,3,4,5\n")
        #expect(
            result.log.diagnostics.map(\.message) == [
                "the year 2019 heads two columns (2 and 4); a wide file has one column per year: remove one, or "
                    + "rename it if it is another year"
            ])
        #expect(result.log.diagnostics.map(\.code) == [.ambiguousColumn])
        #expect(result.log.diagnostics.first?.location == Location(file: path, line: 1, column: 19))
        #expect(result.panel.series.isEmpty)
    }

    @Test("wide: a bad cell is reported at its own column")
    func wideBadCell() throws {
        let (result, path) = try readPanel("country,2019,2020\nAUS,1,1.5\n")
        #expect(result.log.diagnostics.map(\.code) == [.invalidCount])
        #expect(result.log.diagnostics.first?.location == Location(file: path, line: 2, column: 7))
    }

    private let sdmx = """
        DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS
        X(1.0),22/05/26,A,NR,AT,2019,12,,
        X(1.0),22/05/26,A,NR,AT,2020,14,bp,
        X(1.0),22/05/26,A,NR,EL,2019,:,c,C
        X(1.0),22/05/26,A,NR,EU27_2020,2019,100,,
        X(1.0),22/05/26,A,NR,UK,2019,:,,
        X(1.0),22/05/26,A,P_HTHAB,AT,2019,0.13,,

        """

    @Test("SDMX: several values of a dimension must be chosen with --filter, and nothing else is reported")
    func sdmxAmbiguous() throws {
        let (result, _) = try readPanel(sdmx)
        #expect(result.log.diagnostics.map(\.code) == [.ambiguousDimension])
        #expect(result.log.diagnostics.first?.message.contains("'unit' (NR, P_HTHAB)") == true)
        #expect(result.panel.observationCount == 0)
    }

    @Test("SDMX with --filter: flags kept, confidential withheld, aggregates left out, ':' missing")
    func sdmxFiltered() throws {
        let (result, _) = try readPanel(sdmx, options: .init(filters: ["unit": "nr"]))
        #expect(!result.log.hasErrors)
        #expect(result.log.diagnostics.map(\.code) == [.withheldValue, .aggregateLeftOut])
        #expect(result.panel.series.map(\.country) == ["AUT", "GRC"])
        let austria = result.panel.series[0].observations
        #expect(austria.map(\.victims) == [12, 14])
        #expect(austria[1].flags == [.breakInSeries, .provisional])
        #expect(result.panel.series[1].withheld.map(\.marker) == ["c"])
    }

    /// Found by the fuzzer: a series whose every figure is withheld crashed the country summary.
    @Test("a country whose every figure is withheld is reported, not assessed")
    func allWithheld() throws {
        let (result, _) = try readPanel("country,year,victims\nAUT,2020,<5\nAUT,2021,c\nBEL,2020,5\n")
        #expect(!result.log.hasErrors)
        let report = try TrendAnalysis.assess(result.panel, options: AnalysisOptions()).get()
        let austria = try #require(report.countries.first { $0.country == "AUT" })
        #expect(austria.yearsReported == 0 && austria.firstYear == 2020 && austria.lastYear == 2021)
        #expect(austria.shortTerm.category == .notAssessable && austria.longTerm == nil)
        for format in ReportFormat.allCases { #expect(!format.reporter().report(report).isEmpty) }
    }

    @Test("a --filter column that does not exist is an error")
    func unknownFilter() throws {
        let (result, _) = try readPanel(
            "country,year,victims\nAUT,2019,1\n", options: .init(filters: ["unit": "NR"]))
        #expect(result.log.diagnostics.map(\.code) == [.unknownFilterColumn])
    }

    @Test("--filter works on any layout")
    func filterLong() throws {
        let (result, _) = try readPanel(
            "country,year,victims,source\nAUT,2019,1,police\nAUT,2019,5,total\n",
            options: .init(filters: ["source": "total"]))
        #expect(!result.log.hasErrors)
        #expect(result.panel.series.first?.observations.map(\.victims) == [5])
    }

    @Test("filters that keep no row are an error naming the values the column holds")
    func filterKeepsNothing() throws {
        let text =
            "country,year,victims,source,unit\nAUT,2019,1,police,NR\nAUT,2019,5,total,NR\nBEL,2019,2,Police,NR\n"
        // The first filter keeps rows; the second turns them all away: its column's values are named.
        let (result, _) = try readPanel(text, options: .init(filters: ["source": "police", "unit": "RT"]))
        #expect(result.log.diagnostics.map(\.code) == [.filterKeepsNothing])
        #expect(
            result.log.diagnostics.first?.message
                == "--filter source=police unit=RT keeps none of the 3 rows; the column 'unit' holds 'NR' "
                + "(compared ignoring case)")
        // Values are listed once whatever their case, at most eight of them.
        var many = "country,year,victims,unit\n"
        for index in 0..<12 {
            many += "AUT,\(2000 + index),1,U\(index % 10)\nAUT,\(2020 + index),1,u\(index % 10)\n"
        }
        let (listed, _) = try readPanel(many, options: .init(filters: ["unit": "none"]))
        #expect(
            listed.log.diagnostics.first?.message
                == "--filter unit=none keeps none of the 24 rows; the column 'unit' holds 'U0', 'U1', 'U2', 'U3', "
                + "'U4', 'U5', 'U6', 'U7', ... (compared ignoring case)")
    }

    @Test(
        "Eurostat aggregates are recognised",
        arguments: [
            ("EU27_2020", true), ("EU28", true), ("EA20", true), ("EEA", true), ("EFTA", true), ("EU", true),
            ("UE27", true), ("ue28", true), ("UE", true), ("EST", false), ("EUR", false), ("ESP", false),
            ("UEA", false), ("UKR", false), ("UE-27", true), ("Unione europea", true), ("EU-28", true),
        ])
    func aggregates(text: String, isAggregate: Bool) {
        #expect(Aggregates.isAggregate(text) == isAggregate)
    }

    @Test(
        "a break is not compared with the year before; withheld years are shown, not assessed, and skipped as bases"
    )
    func analysis() throws {
        var builder = PanelBuilder()
        let at = { (line: Int) in Location(file: "f", line: line) }
        _ = builder.add(Observation(country: "AUT", year: 2019, victims: 10, location: at(2)))
        _ = builder.add(WithheldFigure(country: "AUT", year: 2020, marker: "<5", location: at(3)))
        _ = builder.add(Observation(country: "AUT", year: 2021, victims: 12, location: at(4)))
        _ = builder.add(
            Observation(country: "AUT", year: 2022, victims: 30, location: at(5), flags: [.breakInSeries]))
        _ = builder.add(
            Observation(country: "AUT", year: 2023, victims: 33, location: at(6), flags: [.provisional]))
        let rows = try TrendAnalysis.assess(builder.build(), options: AnalysisOptions()).get().assessments
        #expect(rows.map(\.year) == [2019, 2020, 2021, 2022, 2023])
        #expect(rows[1].victims == nil && rows[1].withheldMarker == "<5" && rows[1].flags == [.withheld])
        // 10 -> 12 over two years; segments of 2 figures have no dispersion estimate.
        #expect(rows[2].baseYear == 2019 && rows[2].flags == [.gap, .dispersionNotEstimated])
        #expect(rows[3].status == .notAssessed && rows[3].flags == [.trajectoryRestarted, .breakInSeries])
        // The trajectory restarts from the break's 30: 30, then ⌈33⌉ = 33.
        #expect(rows.map(\.trajectoryVictims) == [10, nil, 13, 30, 33])
        #expect(
            rows[4].baseYear == 2022 && rows[4].status == .met
                && rows[4].flags == [.provisional, .dispersionNotEstimated])
        #expect(
            builder.add(WithheldFigure(country: "AUT", year: 2019, marker: "c", location: at(9)))?.code
                == .duplicateObservation)
    }
}
