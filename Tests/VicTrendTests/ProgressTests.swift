import Foundation
import Testing

@testable import VicTrend

@Suite("Trajectory, CAGR and Eurostat progress categories")
struct ProgressTests {
    private func observation(_ year: Int, _ victims: Int, _ country: String = "A") -> Observation {
        Observation(country: country, year: year, victims: victims, location: Location(file: "f", line: year))
    }

    private func progress(_ from: (Int, Int), _ to: (Int, Int), rate: String = "0.10") throws
        -> ProgressAssessment
    {
        ProgressAssessment(
            from: observation(from.0, from.1), to: observation(to.0, to.1),
            target: try TargetRate(parsing: rate))
    }

    private func analyse(_ rows: [(String, Int, Int)], options: AnalysisOptions = AnalysisOptions()) throws
        -> TrendReport
    {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            #expect(builder.add(observation(year, victims, country)) == nil)
        }
        return try TrendAnalysis.assess(builder.build(), options: options).get()
    }

    @Test(
        "the issue's worked examples (target 10%)",
        arguments: [
            ((2019, 1000), (2023, 1500), 0.1067, ProgressAssessment.Category.significantProgress),
            ((2017, 80), (2022, 125), 0.0934, .moderateProgress),
            ((2018, 200), (2023, 260), 0.0539, .insufficientProgress),
            ((2020, 500), (2023, 480), -0.0135, .movementAway),
        ])
    func workedExamples(from: (Int, Int), to: (Int, Int), cagr: Double, category: ProgressAssessment.Category)
        throws
    {
        let result = try progress(from, to)
        #expect(abs((result.cagr ?? 0) - cagr) < 0.00005, "\(result.cagr ?? 0)")
        #expect(result.category == category)
    }

    @Test("the category boundary is decided exactly: 1000 -> 1095 significant, 1094 moderate")
    func exactBoundary() throws {
        #expect(try progress((2020, 1000), (2021, 1095)).category == .significantProgress)
        #expect(try progress((2020, 1000), (2021, 1094)).category == .moderateProgress)
        // R = 0.60 exactly: 1000 -> 1060 is moderate, 1059 insufficient.
        #expect(try progress((2020, 1000), (2021, 1060)).category == .moderateProgress)
        #expect(try progress((2020, 1000), (2021, 1059)).category == .insufficientProgress)
        // R = 0: no change is insufficient progress, one fewer is movement away.
        #expect(try progress((2020, 1000), (2022, 1000)).category == .insufficientProgress)
        #expect(try progress((2020, 1000), (2022, 999)).category == .movementAway)
        // Over two years the thresholds compound: 1.095^2 = 1.199025, so 1000 -> 1200 is significant,
        // 1199 moderate.
        #expect(try progress((2020, 1000), (2022, 1200)).category == .significantProgress)
        #expect(try progress((2020, 1000), (2022, 1199)).category == .moderateProgress)
    }

    @Test("fewer than two figures or a zero start is not assessable")
    func notAssessable() throws {
        #expect(try progress((2020, 0), (2023, 50)).category == .notAssessable)
        #expect(try progress((2020, 10), (2020, 10)).category == .notAssessable)
        #expect(try progress((2020, 0), (2023, 50)).cagr == nil)
        #expect(try progress((2020, 10), (2021, 11), rate: "0").ratio == nil)
    }

    @Test("trajectory from each country's first year, exact, with its gap")
    func trajectory() throws {
        let report = try analyse([("A", 2019, 100), ("A", 2020, 105), ("A", 2022, 130)])
        // 100, 100 * 1.1 = 110, 100 * 1.1^3 = 133.1 -> 134.
        #expect(report.assessments.map(\.trajectoryVictims) == [100, 110, 134])
        #expect(report.assessments.map(\.trajectoryGap) == [0, 5, 4])
    }

    @Test("a baseline year without a figure shifts to the country's next year, flagged")
    func baselineShifted() throws {
        let options = AnalysisOptions(baselineYear: 2020)
        let report = try analyse(
            [("A", 2019, 50), ("A", 2021, 200), ("A", 2022, 210), ("B", 2020, 10)], options: options)
        let a = report.assessments.filter { $0.country == "A" }
        #expect(a.map(\.trajectoryVictims) == [nil, 200, 220])
        #expect(a.map(\.trajectoryGap) == [nil, 0, 10])
        #expect(a[1].flags.contains(.baselineShifted))
        #expect(!a[2].flags.contains(.baselineShifted))
        let summary = try #require(report.countries.first)
        #expect(summary.baselineYear == 2021)
        #expect(summary.baselineShifted)
        // The long-term period is Eurostat's (the past 15 years), not the trajectory's: from 2019.
        #expect(summary.longTerm?.fromYear == 2019)
        #expect(report.countries[1].baselineShifted == false)
    }

    @Test("country summary: counts, latest growth, short-term window, growth needed by the target year")
    func summary() throws {
        let rows: [(String, Int, Int)] = [
            ("A", 2013, 100), ("A", 2014, 90), ("A", 2016, 150), ("A", 2018, 160), ("A", 2019, 170),
            ("A", 2021, 200),
        ]
        let report = try analyse(rows, options: AnalysisOptions(targetYear: 2025))
        let summary = try #require(report.countries.first)
        #expect(summary.yearsReported == 6)
        #expect(summary.yearsAssessed == 5)
        // Met: 2016 (150 >= ceil(90 * 1.21) = 109), 2021 (200 >= ceil(170 * 1.21) = 206)? no: short by 6.
        #expect(summary.yearsMet == 1)
        // Shortfalls: 2014 (110 - 90 = 20), 2018 (182 - 160 = 22), 2019 (176 - 170 = 6), 2021 (206 - 200 = 6).
        #expect(summary.totalShortfall == 54)
        #expect(abs((summary.latestGrowth ?? 0) - ((200.0 / 170.0).squareRoot() - 1)) < 1e-12)
        // Short term: latest 2021 - 5 = 2016, the first year on or after it.
        #expect(summary.shortTerm.fromYear == 2016)
        #expect(summary.longTerm?.fromYear == 2013)
        // Trajectory in 2025: 100 * 1.1^12 = 313.84...; needed from 200 over 4 years.
        var trajectory = 100.0
        for _ in 0..<12 { trajectory *= 1.1 }
        let needed = (trajectory / 200).squareRoot().squareRoot() - 1
        #expect(abs((summary.requiredGrowthToTargetYear ?? 0) - needed) < 1e-9)
    }

    @Test("significance: a large shortfall is significant, a small-count one is within noise")
    func significance() throws {
        let report = try analyse([("A", 2020, 1210), ("A", 2021, 1100), ("B", 2020, 4), ("B", 2021, 3)])
        #expect(report.assessments[1].significance == .significantShortfall)
        #expect(report.assessments[3].significance == .withinNoise)
        #expect(report.assessments[0].test == nil)
        let met = try analyse([("C", 2020, 100), ("C", 2021, 120)]).assessments[1]
        #expect(met.significance == nil)
        #expect(met.test != nil)
    }
}

@Suite("Cumulative (running-total) series")
struct CumulativeTests {
    private func analyse(_ rows: [(Int, Int)]) -> Result<TrendReport, DiagnosticList> {
        var builder = PanelBuilder()
        for (year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: "X", year: year, victims: victims, location: Location(file: "f", line: year)))
        }
        return TrendAnalysis.assess(builder.build(), options: AnalysisOptions(series: .cumulative))
    }

    @Test("totals are assessed as given; new identifications and their growth are derived")
    func derived() throws {
        let report = try analyse([(2020, 100), (2021, 150), (2022, 220), (2024, 400)]).get()
        let rows = report.assessments
        #expect(rows.map(\.newVictims) == [nil, 50, 70, 180])
        #expect(rows.map(\.newPerYear) == [nil, 50, 70, 90])
        #expect(rows[1].newGrowthRate == nil)
        // Consecutive years: midpoints one year apart, so growth = 70 / 50 - 1.
        #expect(abs((rows[2].newGrowthRate ?? 0) - 0.4) < 1e-12)
        // 2022-2024 (midpoint 2023) after 2021-2022 (midpoint 2021.5): 1.5 years apart.
        #expect(abs((rows[3].newGrowthRate ?? 0) - (pow(90.0 / 70.0, 1 / 1.5) - 1)) < 1e-12)
        #expect(rows[1].status == .met)  // 150 >= 110
        #expect(rows[1].test == nil)  // running totals are not tested
        #expect(rows[2].requiredVictims == 165)
    }

    @Test("a falling running total is a diagnostic at the later row")
    func decrease() {
        guard case .failure(let list) = analyse([(2020, 10), (2021, 12), (2022, 11)]) else {
            Issue.record("accepted a falling running total")
            return
        }
        #expect(list.diagnostics.map(\.code) == [.cumulativeDecrease])
        #expect(list.diagnostics.first?.location?.line == 2022)
    }
}
