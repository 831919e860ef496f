import Testing

@testable import VicTrend

@Suite("The reports say why a test, trend or projection is missing")
struct UntestedReasonTests {
    private func report(_ rows: [(String, Int, Int)], options: AnalysisOptions = AnalysisOptions()) throws
        -> TrendReport
    {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            let location = Location(file: "f", line: year)
            #expect(
                builder.add(Observation(country: country, year: year, victims: victims, location: location))
                    == nil)
        }
        return try TrendAnalysis.assess(builder.build(), options: options).get()
    }

    private let rows: [(String, Int, Int)] = [
        ("A", 2019, 100), ("A", 2020, 110), ("A", 2021, 120), ("A", 2022, 150),
        ("B", 2020, 0), ("B", 2021, 7), ("B", 2022, 9),
        ("C", 2019, 5), ("C", 2020, 0), ("C", 2021, 0), ("C", 2022, 0),
    ]

    @Test("tested rows have no reason; a zero base, fewer than 4 figures and no finite fit say so")
    func defaults() throws {
        let report = try report(rows)
        let a = report.assessments.filter { $0.country == "A" }
        #expect(a[0].untested == nil && a[1...].allSatisfy { $0.test != nil && $0.untested == nil })
        let b = report.assessments.filter { $0.country == "B" }
        #expect(b.map(\.untested) == [nil, .zeroBase, nil])
        #expect(report.countries.map(\.trendUntested) == [nil, .fewFigures, .noFit])
        #expect(report.countries.map(\.projectionUntested) == [nil, .fewFigures, .noFit])
        // The zero base is in the summary already; nothing else went untested.
        #expect(ReportTables.untestedSentences(report).isEmpty)
        let json = JSONReporter.report(report)
        #expect(json.contains("\"trend_not_run\": \"no-finite-fit\""))
        #expect(json.contains("\"test_not_run\": \"zero-base\""))
        let markdown = MarkdownReporter.report(report)
        #expect(markdown.contains("no trend: fewer than 4 figures since the latest break"))
        #expect(markdown.contains("no projection: no finite trend fits the counts since the latest break"))
    }

    @Test("--no-test and running totals: every compared year and total says why")
    func turnedOff() throws {
        var options = AnalysisOptions()
        options.exactTest = false
        let untested = try report(rows, options: options)
        // A: 3 compared years; B: 2021 has a zero base, 2022 is compared; C: 2020 is compared (5 → 0), 2021
        // and 2022 have zero bases. 5 in all.
        #expect(untested.assessments.filter { $0.untested == .testTurnedOff }.count == 5)
        #expect(
            ReportTables.untestedSentences(untested).first
                == "Not tested: 5 country-years and 3 totals, because the exact test was turned off (--no-test)."
        )
        #expect(MarkdownReporter.report(untested).contains("not tested (--no-test)"))
        #expect(HTMLReporter.report(untested).contains("because the exact test was turned off (--no-test)."))
        let cumulative = try report(
            [("A", 2019, 100), ("A", 2020, 110), ("A", 2021, 130), ("A", 2022, 150)],
            options: AnalysisOptions(series: .cumulative))
        #expect(
            cumulative.assessments.map(\.untested) == [nil, .runningTotals, .runningTotals, .runningTotals])
        #expect(cumulative.countries[0].trendUntested == .runningTotals)
        #expect(cumulative.countries[0].projectionUntested == .runningTotals)
    }

    @Test("a count above 2^53 is not tested, and the reports say so")
    func huge() throws {
        let big = 1 << 54
        let report = try report([("A", 2021, big), ("A", 2022, big + big / 5)])
        #expect(report.assessments[1].untested == .countAbove2To53)
        let sentence = try #require(ReportTables.untestedSentences(report).first)
        #expect(
            sentence.hasPrefix(
                "Not tested: 1 country-year and 1 total, because the exact test is not computed"))
        #expect(JSONReporter.report(report).contains("\"test_not_run\": \"count-above-2^53\""))
    }

    @Test("a target year at the latest figure: no projection, and why")
    func pastTargetYear() throws {
        let report = try report(rows, options: AnalysisOptions(targetYear: 2022))
        #expect(report.countries[0].projection == nil)
        #expect(report.countries[0].projectionUntested == .targetYearNotAfterLatest)
        #expect(
            JSONReporter.report(report).contains("\"projection_not_made\": \"target-year-not-after-latest\""))
    }

    @Test(
        "suppression under an estimated dispersion: the country's tests, trend and projection say suppressed")
    func suppressed() throws {
        let rows: [(String, Int, Int)] = [
            ("A", 2019, 100), ("A", 2020, 3), ("A", 2021, 120), ("A", 2022, 150), ("A", 2023, 160),
        ]
        let published = Suppression.apply(try report(rows), policy: Suppression.Policy(threshold: 5))
        let country = try #require(published.countries.first)
        #expect(country.trend == nil && country.trendUntested == .suppressed)
        #expect(country.projection == nil && country.projectionUntested == .suppressed)
        // 2020 and 2021 involve the hidden 3; 2022 and 2023 lose their test to the estimated φ.
        #expect(
            published.assessments.map(\.untested) == [
                nil, .suppressed, .suppressed, .suppressed, .suppressed,
            ])
        #expect(
            ReportTables.untestedSentences(published).contains {
                $0.hasPrefix("Not tested: 4 country-years") && $0.hasSuffix("would give it away.")
            })
    }

    @Test("a target year so far away that the projection overflows: none, and why")
    func farAway() throws {
        // A: b ≈ 0.134 a year; exp(0.134 × 7,977) is beyond binary64.
        let report = try report(rows, options: AnalysisOptions(targetYear: 9999))
        #expect(report.countries[0].projection == nil)
        #expect(report.countries[0].projectionUntested == .projectionOutOfRange)
        // The growth needed is still finite, computed in logarithms: (ln 100 + 7,980 ln 1.1 − ln 150) / 7,977
        // = 0.0952949…, e^that − 1 = 0.0999835 (100 in 2019 grown by 10% a year to 9999, from 150 in 2022).
        #expect(abs((report.countries[0].requiredGrowthToTargetYear ?? 0) - 0.09998351673055009) < 1e-12)
        // And in 2023 from 150 in 2022: 100 × 1.1^4 / 150 − 1 = −0.0239.
        let near = try self.report(rows, options: AnalysisOptions(targetYear: 2023))
        #expect(abs((near.countries[0].requiredGrowthToTargetYear ?? 0) - (146.41 / 150 - 1)) < 1e-12)
        #expect(JSONReporter.report(report).contains("\"projection_not_made\": \"projection-out-of-range\""))
    }
}
