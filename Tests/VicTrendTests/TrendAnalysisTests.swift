import Testing

@testable import VicTrend

@Suite("Year-over-year assessment against the target")
struct TrendAnalysisTests {
    private func observation(_ country: String, _ year: Int, _ victims: Int) -> Observation {
        Observation(country: country, year: year, victims: victims, location: Location(file: "f", line: year))
    }

    private func assess(_ rows: [(String, Int, Int)], rate: String = "0.10") throws -> TrendReport {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            #expect(builder.add(observation(country, year, victims)) == nil)
        }
        return try TrendAnalysis.assess(
            builder.build(), options: AnalysisOptions(targetRate: TargetRate(parsing: rate), inputs: ["f"])
        )
        .get()
    }

    @Test("100 -> 110 meets the target; 100 -> 109 is short by exactly 1")
    func boundary() throws {
        let report = try assess([("A", 2014, 100), ("A", 2015, 110), ("B", 2014, 100), ("B", 2015, 109)])
        let met = report.assessments[1]
        #expect(met.status == .met)
        #expect(met.requiredVictims == 110)
        #expect(met.shortfall == 0)
        #expect(met.baseYear == 2014)
        #expect(met.baseVictims == 100)
        #expect(abs((met.growthRate ?? 0) - 0.10) < 1e-12)
        let short = report.assessments[3]
        #expect(short.status == .shortfall)
        #expect(short.requiredVictims == 110)
        #expect(short.shortfall == 1)
        #expect(abs((short.growthRate ?? 0) - 0.09) < 1e-12)
    }

    @Test("growth is annualised over a gap, flagged, and judged against the compounded target")
    func gap() throws {
        let report = try assess([("A", 2019, 1000), ("A", 2021, 1210), ("A", 2024, 1610)])
        let twoYears = report.assessments[1]
        // Three figures: too few to estimate the dispersion, so the test is the pure Poisson one.
        #expect(twoYears.flags == [.gap, .dispersionNotEstimated])
        #expect(twoYears.dispersion == 1)
        #expect(twoYears.yearsElapsed == 2)
        #expect(twoYears.status == .met)
        #expect(twoYears.requiredVictims == 1210)
        #expect(abs((twoYears.growthRate ?? 0) - 0.10) < 1e-12)
        // 1210 * 1.1^3 = 1610.51 -> 1611 required; 1610 is short by 1. Growth (1610/1210)^(1/3) - 1.
        let threeYears = report.assessments[2]
        #expect(threeYears.requiredVictims == 1611)
        #expect(threeYears.shortfall == 1)
        #expect(abs((threeYears.growthRate ?? 0) - 0.099_883_9) < 1e-6)
    }

    @Test("first years and zero bases are not assessed; a fall to zero is -100%")
    func notAssessed() throws {
        let report = try assess([("C", 2019, 0), ("C", 2020, 4), ("C", 2021, 3), ("C", 2022, 0)])
        let rows = report.assessments
        #expect(rows[0].status == .notAssessed)
        #expect(rows[0].flags == [.firstYear])
        #expect(rows[0].baseYear == nil)
        #expect(rows[1].status == .notAssessed)
        #expect(rows[1].flags == [.zeroBase])
        #expect(rows[1].baseVictims == 0)
        #expect(rows[1].growthRate == nil && rows[1].requiredVictims == nil && rows[1].shortfall == nil)
        #expect(rows[2].requiredVictims == 5)  // 4 * 1.1 = 4.4 -> 5
        #expect(rows[2].shortfall == 2)
        #expect(rows[2].growthRate == -0.25)
        #expect(rows[3].requiredVictims == 4)  // 3.3 -> 4
        #expect(rows[3].shortfall == 4)
        #expect(rows[3].growthRate == -1)
    }

    @Test("the small sample, computed by hand")
    func smallSample() throws {
        let report = try assess([
            ("AUS", 2019, 100), ("AUS", 2020, 110), ("AUS", 2021, 120), ("AUS", 2022, 150),
            ("BEL", 2019, 1000), ("BEL", 2021, 1210), ("BEL", 2022, 1100),
            ("CAN", 2019, 0), ("CAN", 2020, 4), ("CAN", 2021, 3), ("CAN", 2022, 0),
        ])
        #expect(
            report.assessments.map(\.requiredVictims) == [
                nil, 110, 121, 132, nil, 1210, 1331, nil, nil, 5, 4,
            ])
        #expect(report.assessments.map(\.shortfall) == [nil, 0, 1, 0, nil, 0, 231, nil, nil, 2, 4])
        let summary = report.summary
        #expect(summary.countries == 3)
        #expect(summary.observations == 11)
        #expect(summary.assessed == 7)
        #expect(summary.met == 3)
        #expect(summary.shortOfTarget == 4)
        #expect(summary.firstYears == 3)
        #expect(summary.zeroBases == 1)
        #expect(summary.totalShortfall == 238)
        #expect(summary.firstYear == 2019 && summary.lastYear == 2022)
    }

    @Test("another target rate changes the required counts exactly")
    func otherRate() throws {
        let report = try assess([("A", 2020, 200), ("A", 2021, 225), ("A", 2022, 252)], rate: "0.125")
        #expect(report.assessments[1].requiredVictims == 225)
        #expect(report.assessments[1].status == .met)
        #expect(report.assessments[2].requiredVictims == 254)  // 225 * 1.125 = 253.125 -> 254
        #expect(report.assessments[2].shortfall == 2)
    }

    @Test("a required count beyond 64 bits is a diagnostic, not a wrapped number")
    func overflow() throws {
        var builder = PanelBuilder()
        _ = builder.add(observation("A", 2000, Int.max / 2))
        _ = builder.add(observation("A", 2010, 5))
        let result = TrendAnalysis.assess(builder.build(), options: AnalysisOptions())
        guard case .failure(let list) = result else {
            Issue.record("accepted an overflowing required count")
            return
        }
        // The country-year and the alliance total built on it.
        #expect(list.diagnostics.map(\.code) == [.requiredCountOverflow, .requiredCountOverflow])
        #expect(list.diagnostics.first?.location?.line == 2010)
    }
}
