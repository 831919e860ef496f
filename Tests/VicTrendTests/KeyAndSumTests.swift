import Testing

@testable import VicTrend

@Suite("Series keys (--by) and sums (--sum)")
struct KeyAndSumTests {
    private let text = """
        country,agency,year,victims
        AUT,Police,2019,10
        AUT,Police,2020,12
        AUT,Customs,2019,3
        AUT,Customs,2020,2
        Austria,Customs,2021,4
        BEL,Police,2019,5

        """

    @Test("--by makes the key country · agency; the country part is still matched against ISO")
    func byAgency() throws {
        let (result, _) = try readPanel(text, options: .init(keyColumns: ["country", "agency"]))
        #expect(!result.log.hasErrors)
        #expect(result.panel.series.map(\.country) == ["AUT · Customs", "AUT · Police", "BEL · Police"])
        #expect(result.panel.series[0].observations.map(\.victims) == [3, 2, 4])
        #expect(SeriesKey.country(of: "AUT · Customs") == "AUT")
        #expect(SeriesKey.country(of: "Côte d'Ivoire · a · b") == "Côte d'Ivoire")
        #expect(SeriesKey.country(of: "New Zealand") == "New Zealand")
        #expect(SeriesKey.country(of: "A ·B") == "A ·B")
        #expect(SeriesKey.country(of: " · x") == "")
        #expect(SeriesKey.country(of: "") == "")
        #expect(CountryTable.standard.displayName("AUT · Customs") == "Austria")
    }

    @Test("--by may not name the year, the count or a wide file's year column (VT011)")
    func byFigures() throws {
        for (name, column) in [("year", "year"), ("victims", "count")] {
            let (result, _) = try readPanel(text, options: .init(keyColumns: [name]))
            #expect(result.log.diagnostics.map(\.code) == [.ambiguousColumn])
            #expect(
                result.log.diagnostics.first?.message.hasPrefix("--by names '\(name)', the \(column) column")
                    == true)
        }
        let wide = "country,agency,2019,2020\nAUT,Police,10,12\n"
        let (refused, _) = try readPanel(wide, options: .init(keyColumns: ["2019"]))
        #expect(refused.log.diagnostics.first?.message.hasPrefix("--by names '2019', a year column") == true)
        let (kept, _) = try readPanel(wide, options: .init(keyColumns: ["agency"]))
        #expect(!kept.log.hasErrors && kept.panel.series.map(\.country) == ["AUT · Police"])
    }

    @Test("--by: the summary counts countries once, and the series (keys) beside them")
    func byCountsCountries() throws {
        let (result, _) = try readPanel(text, options: .init(keyColumns: ["country", "agency"]))
        let report = try TrendAnalysis.assess(result.panel, options: AnalysisOptions(inputs: ["in.csv"]))
            .get()
        #expect(report.summary.countries == 2)
        #expect(report.summary.series == 3)
        let markdown = MarkdownReporter.report(report)
        #expect(markdown.contains("- Countries: 2\n- Series (one per country and --by value): 3\n"))
        let (plain, _) = try readPanel(text, options: .init(sum: true))
        let whole = try TrendAnalysis.assess(plain.panel, options: AnalysisOptions(inputs: ["in.csv"])).get()
        #expect(whole.summary.countries == 2 && whole.summary.series == 2)
        #expect(!MarkdownReporter.report(whole).contains("- Series"))
    }

    @Test("--sum adds rows that share key and year, in any order")
    func sums() throws {
        let (result, _) = try readPanel(text, options: .init(sum: true))
        #expect(!result.log.hasErrors)
        #expect(result.panel.series.map(\.country) == ["AUT", "BEL"])
        #expect(result.panel.series[0].observations.map(\.year) == [2019, 2020, 2021])
        #expect(result.panel.series[0].observations.map(\.victims) == [13, 14, 4])
        var builder = PanelBuilder(summing: true)
        let at = Location(file: "f", line: 1)
        for (year, victims) in [(2020, 1), (2019, 2), (2020, 3), (2019, 4), (2021, 5), (2020, 6)] {
            #expect(builder.add(Observation(country: "X", year: year, victims: victims, location: at)) == nil)
        }
        #expect(builder.build().series.first?.observations.map(\.victims) == [6, 10, 5])
    }

    @Test(
        "--sum: a row repeated cell for cell in its file is counted once (VT206); equal parts that differ in a column are added"
    )
    func sumRepeatedRow() throws {
        let text = """
            country,year,agency,victims
            AUT,2019,Police,60
            AUT,2019,Customs,40
            AUT,2020,Police,70
            AUT,2020 , Police,70
            AUT,2020,Customs,70

            """
        let (result, path) = try readPanel(text, options: .init(sum: true))
        #expect(!result.log.hasErrors)
        // 2020: Police 70 once (line 5 repeats line 4 but for blanks), Customs 70 added.
        #expect(result.panel.series.map(\.country) == ["AUT"])
        #expect(result.panel.series[0].observations.map(\.victims) == [100, 140])
        #expect(
            result.log.diagnostics.map { "\($0.code.rawValue) \($0.location?.line ?? 0)" } == ["VT206 5"])
        #expect(
            result.log.diagnostics.first?.message.contains("repeats the row at \(path):4 cell for cell")
                == true)
        // Without --sum, the same rows are duplicates of AUT 2019 and 2020 as before.
        let (plain, _) = try readPanel(text)
        #expect(
            plain.log.diagnostics.map(\.code) == [
                .duplicateObservation, .repeatedObservation, .repeatedObservation,
            ])
    }

    @Test("--sum: a row repeated cell for cell in another file is added, with a warning (VT207)")
    func sumRepeatedAcrossFiles() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let first = try fixtures.file("first.csv", "country,year,victims\nAUT,2019,100\nAUT,2020,120\n")
        let second = try fixtures.file("second.csv", "country,year,victims\nAUT,2020,120\nAUT,2021,140\n")
        let result = try PanelReader(options: .init(sum: true)).read([first, second])
        #expect(!result.log.hasErrors)
        #expect(result.panel.series[0].observations.map(\.victims) == [100, 240, 140])
        #expect(
            result.log.diagnostics.map {
                "\($0.code.rawValue) \($0.location?.file == second) \($0.location?.line ?? 0)"
            }
                == ["VT207 true 2"])
        #expect(
            result.log.diagnostics.first?.message.contains("repeats the row at \(first):3 cell for cell")
                == true)
        #expect(result.log.diagnostics.first?.severity == .warning)
    }

    @Test(
        "--sum: a figure repeated from another file however written, or spelt otherwise in its file, is warned of"
    )
    func sumRepeatedFigures() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let first = try fixtures.file("first.csv", "country,year,victims\nAT,2019,100\nAT,2020,120\n")
        let second = try fixtures.file(
            "second.csv",
            "country,agency,year,victims\nAustria,police,2019,100\nAustria,police,2020,130\n"
                + "Austria,ngo,2020,130\n AT ,hotline,2020,120\nÖsterreich,ngo,2020,130\n")
        let result = try PanelReader(options: .init(sum: true)).read([first, second])
        #expect(!result.log.hasErrors)
        #expect(result.panel.series[0].observations.map(\.victims) == [200, 630])
        // Line 2 repeats first.csv:2 (another file, written otherwise), line 5 first.csv:3 (another file,
        // a column more); line 4 is a part written as line 3 (no warning); line 6 repeats line 4's figure
        // with the country written otherwise.
        #expect(
            result.log.diagnostics.map {
                "\($0.code.rawValue) \($0.location?.file == second) \($0.location?.line ?? 0)"
            } == ["VT207 true 2", "VT207 true 5", "VT207 true 6"])
        #expect(
            result.log.diagnostics.first?.message
                == "'AUT' 2019: the same count (100) as the row at \(first):2 of another file, and --sum adds both: "
                + "right if they are parts (of two agencies), but if one repeats or revises the other, the figure "
                + "is counted twice")
        #expect(
            result.log.diagnostics.last?.message.hasPrefix(
                "'AUT' 2020: the same count (130) as the row at \(second):4, whose country is written otherwise, "
            )
                == true)
        // Without --sum the spellings meet as duplicates, as before.
        let plain = try PanelReader().read([first, second])
        #expect(!plain.log.diagnostics.contains { $0.code == .rowRepeatedAcrossFiles })
    }

    @Test("--sum: a withheld part makes the year withheld; an overflowing sum is an error")
    func sumEdges() {
        var builder = PanelBuilder(summing: true)
        let at = Location(file: "f", line: 1)
        _ = builder.add(Observation(country: "X", year: 2020, victims: 5, location: at))
        _ = builder.add(WithheldFigure(country: "X", year: 2020, marker: "<5", location: at))
        _ = builder.add(Observation(country: "X", year: 2021, victims: Int.max, location: at))
        #expect(
            builder.add(Observation(country: "X", year: 2021, victims: 1, location: at))?.code
                == .totalOverflow)
        let series = builder.build().series[0]
        #expect(series.observations.map(\.year) == [2021])
        #expect(series.withheld.map(\.year) == [2020])
    }

    @Test("--by with a column the header lacks, and an empty key cell, are errors")
    func byErrors() throws {
        let (missing, _) = try readPanel(text, options: .init(keyColumns: ["region"]))
        #expect(missing.log.diagnostics.map(\.code) == [.missingColumn])
        #expect(
            missing.log.diagnostics.first?.message
                == "--by names the column 'region', which the header does not have: 'country', 'agency', "
                + "'year', 'victims'")
        let (empty, _) = try readPanel(
            "country,agency,year,victims\nAUT,,2019,1\n", options: .init(keyColumns: ["agency"]))
        #expect(empty.log.diagnostics.map(\.code) == [.emptyCountry])
    }

    @Test("without --sum or --by, the duplicate message says how to add or key such rows")
    func hint() throws {
        let (result, _) = try readPanel(text)
        #expect(result.log.diagnostics.first?.message.contains("--sum") == true)
    }
}
