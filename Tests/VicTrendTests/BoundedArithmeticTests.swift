import Testing

@testable import VicTrend

/// The exact target arithmetic stays exact, and does no big-number work where the answer is known to
/// be beyond 64 bits: a series of 9,000 years costs time in proportion to its rows.
@Suite("Bounded work per series: exact arithmetic, plausibility rules")
struct BoundedArithmeticTests {
    private static let factors: [(UInt64, UInt64)] = [
        (11, 10), (21, 20), (101, 100), (1001, 1000), (219, 200), (8, 5), (2, 1),
        (1_000_000_001, 1_000_000_000),
    ]

    @Test("the logarithmic test never calls beyond 64 bits what fits, and ceilScaled stays exact")
    func neverWrong() {
        var generator = SeededGenerator(seed: 7)
        for (a, b) in Self.factors {
            for _ in 0..<60 {
                let base =
                    Int.random(in: 1...Int.max, using: &generator)
                    >> Int.random(in: 0...62, using: &generator)
                let years = Int.random(in: 0...600, using: &generator)
                let slow = ExactGrowth.slowCeilScaled(base, by: a, over: b, years: years)
                if ExactGrowth.surelyExceedsInt(base, by: a, over: b, years: years) {
                    #expect(slow == nil, "\(base) x (\(a)/\(b))^\(years)")
                }
                #expect(ExactGrowth.ceilScaled(base, by: a, over: b, years: years) == slow)
            }
        }
        // Just past 64 bits and just below: 2 x 1.1^n crosses Int.max between n = 450 and 451.
        #expect(ExactGrowth.ceilScaled(2, by: 11, over: 10, years: 450) != nil)
        #expect(ExactGrowth.ceilScaled(2, by: 11, over: 10, years: 451) == nil)
        #expect(!ExactGrowth.surelyExceedsInt(1, by: 1, over: 1, years: 1_000_000))
    }

    @Test("progress comparisons decided from logarithms agree with multiplying out, near ties included")
    func reaches() {
        var generator = SeededGenerator(seed: 11)
        for (a, b) in Self.factors {
            for _ in 0..<80 {
                let base = Int.random(in: 1...1_000_000_000, using: &generator)
                let years = Int.random(in: 0...200, using: &generator)
                // Values on both sides of base x (a/b)^years, one apart, and far away.
                var values = [0, 1, base, Int.max, Int.random(in: 0...Int.max, using: &generator)]
                if let exact = ExactGrowth.slowCeilScaled(base, by: a, over: b, years: years) {
                    values += [exact - 1, exact, exact + 1].filter { $0 >= 0 }
                }
                for value in values {
                    #expect(
                        ExactGrowth.reaches(value, from: base, factor: a, over: b, years: years)
                            == ExactGrowth.reachesExactly(value, from: base, factor: a, over: b, years: years),
                        "\(value) vs \(base) x (\(a)/\(b))^\(years)")
                }
            }
        }
        #expect(ExactGrowth.reaches(5, from: 0, factor: 11, over: 10, years: 3))
        #expect(!ExactGrowth.reaches(0, from: 5, factor: 11, over: 10, years: 3))
        #expect(ExactGrowth.reaches(0, from: 0, factor: 11, over: 10, years: 3))
    }

    @Test(
        "one key with 9,000 years: every year assessed, the same refusals, in bounded time",
        .timeLimit(.minutes(1)))
    func nineThousandYears() throws {
        var builder = PanelBuilder()
        for year in 1000..<10000 {
            let observation = Observation(
                country: "AUS", year: year, victims: year == 1000 ? 5 : 5 + year % 7,
                location: Location(file: "f", line: year))
            #expect(builder.add(observation) == nil)
        }
        let panel = builder.build()
        var options = AnalysisOptions(inputs: ["f"])
        options.exactTest = false
        var rows = 0
        var tests = TestCache()
        var seriesProblems: [Diagnostic] = []
        for series in panel.series {
            _ = TrendAnalysis.assessSeries(series, options: options, tests: &tests, problems: &seriesProblems)
            {
                _ in rows += 1
            }
        }
        #expect(rows == 9000)
        var problems: [Diagnostic] = []
        if case .failure(let list) = TrendAnalysis.assess(panel, options: options) {
            problems = list.diagnostics
        }
        // 5 x 1.1^n passes Int.max at n = 442: every year from 1442 on is refused, once each.
        let first = try #require(
            (0...500).first { ExactGrowth.slowCeilScaled(5, by: 11, over: 10, years: $0) == nil })
        #expect(first == 442)
        let lines = problems.map { $0.location?.line ?? 0 }
        #expect(problems.allSatisfy { $0.code == .requiredCountOverflow })
        #expect(lines == Array(1442...9999))
        #expect(problems.first?.message.contains("from 5 in 1000 exceeds 64 bits") == true)
        var checks = PanelValidation(
            rules: PlausibilityRules(options: .init(currentYear: 2026)), series: .annual, limit: .max)
        builder.forEachBatch(rows: 1 << 16) { checks.add($0) }
        let validation = checks.findings().diagnostics
        #expect(validation.filter { $0.code == .requiredCountOverflow }.count == lines.count)
        // With validate's limit: 1,000 kept as a log keeps them (the rules' warnings come first, and the
        // errors take their places), all counted.
        var bounded = PanelValidation(
            rules: PlausibilityRules(options: .init(currentYear: 2026)), series: .annual)
        builder.forEachBatch(rows: 1 << 16) { bounded.add($0) }
        let log = bounded.findings()
        var oracle = DiagnosticLog()
        oracle.add(contentsOf: validation)
        #expect(log.diagnostics == oracle.diagnostics)
        #expect(log.diagnostics.count == 1000 && log.diagnostics.allSatisfy { $0.severity == .error })
        #expect(log.errorCount + log.warningCount + log.infoCount == validation.count)
    }

    @Test(
        "series of 4,500 figures between 4,500 withheld years: no missing year, in bounded time",
        .timeLimit(.minutes(1)))
    func withheldYears() throws {
        var text = "country,year,victims\n"
        for country in ["AUS", "AUT", "BEL", "CAN"] {
            for year in 1000..<10000 { text += "\(country),\(year),\(year % 2 == 0 ? "7" : "<5")\n" }
        }
        let (result, _) = try readPanel(text)
        #expect(result.panel.observationCount == 4 * 4500)
        #expect(result.panel.series.allSatisfy { $0.withheld.count == 4500 })
        let rules = PlausibilityRules(options: .init(earliestYear: 1000, currentYear: 9999))
        #expect(rules.check(result.panel).isEmpty)
    }

    @Test("a gap of thousands of years is described from its withheld years, not year by year")
    func missingYearsAroundWithheld() throws {
        let (result, _) = try readPanel(
            "country,year,victims\nAUS,1000,5\nAUS,1003,<5\nAUS,1005,c\nAUS,9999,7\n")
        let rules = PlausibilityRules(options: .init(earliestYear: 1000, currentYear: 9999))
        #expect(
            rules.check(result.panel).map(\.message) == [
                "AUS has no figure for 1001–1002, 1004, 1006–9998 (between 1000 and 9999); growth is annualised "
                    + "over the gap"
            ])
    }
}
