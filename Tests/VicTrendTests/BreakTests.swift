import Testing

@testable import VicTrend

@Suite("Breaks (b, d): a new segment for comparisons, the trajectory, the periods and the totals")
struct BreakTests {
    private func panel(_ rows: [(String, Int, Int, [ObservationFlag])]) -> Panel {
        var builder = PanelBuilder()
        for (country, year, victims, flags) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: year),
                    flags: flags))
        }
        return builder.build()
    }

    /// A: 100 (2015), 105, 120 flagged at 2017, 130, 150, 160 (2020).
    private func series(breakFlags: [ObservationFlag]) -> [(String, Int, Int, [ObservationFlag])] {
        [
            ("A", 2015, 100, []), ("A", 2016, 105, []), ("A", 2017, 120, breakFlags), ("A", 2018, 130, []),
            ("A", 2019, 150, []), ("A", 2020, 160, []),
        ]
    }

    @Test(
        "a break in the middle: not compared, the trajectory restarts from its figure, the periods start there",
        arguments: [
            ([ObservationFlag.breakInSeries], [YearAssessment.Flag.trajectoryRestarted, .breakInSeries]),
            ([.definitionDiffers], [.trajectoryRestarted, .definitionDiffers]),
            (
                [.breakInSeries, .definitionDiffers],
                [.trajectoryRestarted, .breakInSeries, .definitionDiffers]
            ),
        ])
    func middle(flags: [ObservationFlag], shown: [YearAssessment.Flag]) throws {
        let report = try TrendAnalysis.assess(panel(series(breakFlags: flags)), options: AnalysisOptions())
            .get()
        let rows = report.assessments
        #expect(rows.map(\.year) == [2015, 2016, 2017, 2018, 2019, 2020])
        // 2016: ⌈100 × 1.1⌉ = 110 > 105, short 5. 2017: the break, not compared.
        #expect(rows[1].requiredVictims == 110 && rows[1].shortfall == 5)
        #expect(rows[2].status == .notAssessed && rows[2].baseYear == nil && rows[2].flags == shown)
        // 2018 against 2017: ⌈120 × 1.1⌉ = 132 > 130; 2019 against 2018: ⌈143⌉ ≤ 150, met.
        #expect(rows[3].baseYear == 2017 && rows[3].requiredVictims == 132 && rows[3].shortfall == 2)
        #expect(rows[4].status == .met && rows[4].flags.isEmpty)
        // Trajectory: 100, 110, then from 120: 120, 132, ⌈145.2⌉ = 146, ⌈159.72⌉ = 160.
        #expect(rows.map(\.trajectoryVictims) == [100, 110, 120, 132, 146, 160])
        #expect(rows.map(\.trajectoryGap) == [0, 5, 0, 2, 0, 0])
        let summary = try #require(report.countries.first)
        #expect(summary.baselineYear == 2017 && summary.baselineVictims == 120 && !summary.baselineShifted)
        #expect(summary.yearsAssessed == 4 && summary.yearsMet == 1 && summary.totalShortfall == 12)
        // Both periods start at the break: 120 (2017) → 160 (2020), (4/3)^(1/3) − 1 = 10.06% a year,
        // R ≥ 0.95 (160 ≥ 120 × 1.095³ = 157.55).
        let long = try #require(summary.longTerm)
        #expect(long.fromYear == 2017 && long.fromVictims == 120 && long.toYear == 2020)
        #expect(abs((long.cagr ?? 0) - 0.100_642_416_3) < 1e-10)
        #expect(long.category == .significantProgress)
        #expect(summary.shortTerm == long)
    }

    @Test("a flag on the first year changes nothing; only definition-differs is shown there")
    func firstYear() throws {
        let rows = try TrendAnalysis.assess(
            panel([("A", 2015, 100, [.breakInSeries, .definitionDiffers]), ("A", 2016, 110, [])]),
            options: AnalysisOptions()
        ).get().assessments
        #expect(rows[0].flags == [.firstYear, .definitionDiffers])
        #expect(rows[1].status == .met && rows.map(\.trajectoryVictims) == [100, 110])
    }

    @Test("--baseline-year before the break: the trajectory still restarts; after it: starts at the baseline")
    func explicitBaseline() throws {
        let input = panel(series(breakFlags: [.breakInSeries]))
        let before = try TrendAnalysis.assess(input, options: AnalysisOptions(baselineYear: 2016)).get()
        #expect(before.assessments.map(\.trajectoryVictims) == [nil, 105, 120, 132, 146, 160])
        #expect(before.assessments[2].flags == [.trajectoryRestarted, .breakInSeries])
        #expect(before.countries[0].baselineYear == 2017)
        // From 130 (2018): 130, ⌈143⌉ = 143, ⌈157.3⌉ = 158. The break before it restarts nothing.
        let after = try TrendAnalysis.assess(input, options: AnalysisOptions(baselineYear: 2018)).get()
        #expect(after.assessments.map(\.trajectoryVictims) == [nil, nil, nil, 130, 143, 158])
        #expect(after.assessments[2].flags == [.breakInSeries])
        // The periods ignore the baseline: they start at the break.
        #expect(
            after.countries[0].longTerm?.fromYear == 2017 && after.countries[0].shortTerm.fromYear == 2017)
    }

    @Test("a cumulative series: no new identifications across a break, and a fall there is no error")
    func cumulative() throws {
        let report = try TrendAnalysis.assess(
            panel([
                ("A", 2015, 100, []), ("A", 2016, 150, []), ("A", 2017, 120, [.definitionDiffers]),
                ("A", 2018, 200, []), ("A", 2019, 290, []),
            ]), options: AnalysisOptions(series: .cumulative)
        ).get()
        let rows = report.assessments
        #expect(rows.map(\.newVictims) == [nil, 50, nil, 80, 90])
        // 2019: 90 a year after 80 a year, one year apart (midpoints 2017.5 and 2018.5); none at 2018.
        #expect(rows[3].newGrowthRate == nil)
        #expect(abs((rows[4].newGrowthRate ?? 0) - 0.125) < 1e-12)
    }

    @Test(
        "totals: a country whose year is a break is left out of that year's like-for-like comparison",
        arguments: [ObservationFlag.breakInSeries, .definitionDiffers])
    func totals(flag: ObservationFlag) throws {
        let rows: [(String, Int, Int, [ObservationFlag])] = [
            ("A", 2016, 105, []), ("A", 2017, 120, [flag]), ("A", 2018, 130, []), ("B", 2016, 50, []),
            ("B", 2017, 60, []), ("B", 2018, 70, []),
        ]
        let totals = try TotalsAnalysis.totals(panel(rows), groups: Groups(), options: AnalysisOptions())
            .get()
        // 2017: both count in the total (180), only B is compared: 50 → 60, ⌈55⌉ = 55, met.
        #expect(totals[1].victims == 180 && totals[1].countries == 2)
        #expect(totals[1].matchedCountries == 1 && totals[1].matchedVictims == 60)
        #expect(totals[1].comparison.baseVictims == 50 && totals[1].comparison.requiredVictims == 55)
        #expect(totals[1].comparison.status == .met)
        // 2018: both again, 180 → 200, ⌈198⌉ = 198, met.
        #expect(totals[2].matchedCountries == 2 && totals[2].comparison.baseVictims == 180)
        #expect(totals[2].comparison.requiredVictims == 198)
        // A alone: no country left to compare in 2017.
        let alone = try TotalsAnalysis.totals(
            panel(Array(rows.prefix(3))), groups: Groups(), options: AnalysisOptions()
        ).get()
        #expect(alone[1].comparison.flags == [.noOverlap] && alone[1].matchedCountries == 0)
    }

    @Test("source flags: d is read as definition-differs, in SDMX and through the compact store")
    func reading() throws {
        #expect(ObservationStatus.eurostatMeaning("d") == .flag(.definitionDiffers))
        // Out of key order, so the input is read whole, through the compact rows (five flag bits).
        let text = """
            DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG
            X,1,A,EL,2020,41,bdepu
            X,1,A,AT,2019,12,
            X,1,A,AT,2020,14,d
            X,1,A,EL,2019,30,

            """
        let (result, _) = try readPanel(text)
        #expect(!result.log.hasErrors)
        let observations = result.panel.series.flatMap(\.observations)
        #expect(observations.map(\.victims) == [12, 14, 30, 41])
        #expect(observations[1].flags == [.definitionDiffers])
        #expect(observations[3].flags == ObservationFlag.allCases)
    }
}
