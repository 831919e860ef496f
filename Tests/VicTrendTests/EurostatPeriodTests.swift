import Testing

@testable import VicTrend

@Suite("Eurostat's periods: long term the past 15 years, short term the past 5, at least 3 years")
struct EurostatPeriodTests {
    private func summary(_ years: ClosedRange<Int>, breakAt: Int? = nil, victims: (Int) -> Int = { _ in 100 })
        throws -> CountrySummary
    {
        var builder = PanelBuilder()
        for year in years {
            _ = builder.add(
                Observation(
                    country: "A", year: year, victims: victims(year),
                    location: Location(file: "f", line: year),
                    flags: year == breakAt ? [.breakInSeries] : []))
        }
        let report = try TrendAnalysis.assess(builder.build(), options: AnalysisOptions()).get()
        return try #require(report.countries.first)
    }

    @Test("2005–2024: long term from 2009 (2024 − 15), short term from 2019 (2024 − 5)")
    func twentyYears() throws {
        let country = try summary(2005...2024)
        #expect(country.longTerm?.fromYear == 2009 && country.longTerm?.toYear == 2024)
        #expect(country.shortTerm.fromYear == 2019 && country.shortTerm.toYear == 2024)
        // Flat at 100: CAGR 0, R = 0, insufficient progress.
        #expect(country.longTerm?.cagr == 0 && country.longTerm?.category == .insufficientProgress)
        #expect(country.shortTerm.category == .insufficientProgress)
    }

    @Test("2022–2024: both from 2022, 2 years apart: not assessable; 2021–2024: 3 years, assessable")
    func tooShort() throws {
        let short = try summary(2022...2024)
        #expect(short.shortTerm.fromYear == 2022 && short.shortTerm.category == .notAssessable)
        #expect(short.shortTerm.cagr == nil && short.longTerm?.category == .notAssessable)
        let three = try summary(2021...2024) { 1000 + 100 * ($0 - 2021) }
        // 1000 → 1300 over 3 years: 1.3^(1/3) − 1 = 9.14% a year; 1300 < 1000 × 1.095³ = 1312.9, and
        // ≥ 1000 × 1.06³ = 1191.0: moderate progress.
        #expect(three.shortTerm.fromYear == 2021 && three.shortTerm.category == .moderateProgress)
        #expect(three.longTerm == three.shortTerm)
    }

    @Test("a break clips both periods; a break in the latest year leaves nothing to assess")
    func clipped() throws {
        let mid = try summary(2005...2024, breakAt: 2012)
        #expect(mid.longTerm?.fromYear == 2012 && mid.shortTerm.fromYear == 2019)
        let last = try summary(2005...2024, breakAt: 2024)
        #expect(last.longTerm?.fromYear == 2024 && last.longTerm?.category == .notAssessable)
        #expect(last.shortTerm.fromYear == 2024 && last.shortTerm.category == .notAssessable)
    }

    @Test("gaps: the first figure on or after the period's first year")
    func gaps() throws {
        var builder = PanelBuilder()
        for (year, victims) in [(2003, 10), (2010, 20), (2016, 30), (2020, 40), (2024, 50)] {
            _ = builder.add(
                Observation(
                    country: "A", year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        let country = try #require(
            try TrendAnalysis.assess(builder.build(), options: AnalysisOptions()).get().countries.first)
        // 2024 − 15 = 2009: 2010. 2024 − 5 = 2019: 2020.
        #expect(country.longTerm?.fromYear == 2010 && country.longTerm?.fromVictims == 20)
        #expect(country.shortTerm.fromYear == 2020 && country.shortTerm.fromVictims == 40)
    }
}
