import Testing

@testable import VicTrend

/// What the Markdown and HTML reports say of a shortfall: `✗` only for a significant one (or, in a report
/// with no test at all, for any), `(✗)` within the noise, `✗?` for one that was not tested where others
/// were; and the summary's counts, which add up.
@Suite("Shortfall signs, legends and the summary's counts")
struct ShortfallSignTests {
    private func report(
        _ rows: [(String, Int, Int)], withheld: [(String, Int)] = [], keepAggregates: Bool = false,
        exactTest: Bool = true, suppressBelow: Int? = nil, dispersion: Dispersion = .none
    ) throws -> TrendReport {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        for (country, year) in withheld {
            _ = builder.add(
                WithheldFigure(
                    country: country, year: year, marker: "c", location: Location(file: "f", line: 1)))
        }
        var options = AnalysisOptions(inputs: ["in.csv"])
        options.exactTest = exactTest
        options.dispersion = dispersion
        let whole = try TrendAnalysis.assess(builder.build(), options: options).get()
        return suppressBelow.map { Suppression.apply(whole, policy: .init(threshold: $0)) } ?? whole
    }

    /// 2^53 + 1 grown to one short of the target: the test refuses counts above 2^53, so the year is
    /// short but untested; BEL's 100 → 105 is tested (p = 0.3776, within the noise).
    private let aboveTwoTo53 = [
        ("AUT", 2019, 9_007_199_254_740_993), ("AUT", 2020, 9_907_919_180_215_092),
        ("BEL", 2019, 100), ("BEL", 2020, 105),
    ]

    @Test("an untested shortfall in a tested report is ✗?, coloured as short, and the legend says so")
    func untestedShortfall() throws {
        let report = try report(aboveTwoTo53)
        let austria = try #require(report.assessments.first { $0.country == "AUT" && $0.year == 2020 })
        #expect(austria.status == .shortfall && austria.shortfall == 1 && austria.test == nil)
        #expect(austria.untested == .countAbove2To53)
        #expect(MarkdownReporter.cell(austria) == "+10.0% ✗?")
        #expect(ReportTables.outcome(austria) == .short)
        let belgium = try #require(report.assessments.first { $0.country == "BEL" && $0.year == 2020 })
        #expect(MarkdownReporter.cell(belgium) == "+5.0% (✗)")
        #expect(ReportTables.hasUntestedShortfall(report))
        let markdown = MarkdownReporter.report(report)
        #expect(markdown.contains("✗? short, not tested (the summary says why); "))
        #expect(markdown.contains("| AUT Austria | *first* | +10.0% ✗? |"))
        let html = HTMLReporter.report(report)
        #expect(html.contains("<span class=\"key short\">✗?</span> short, not tested (see the notes) "))
        #expect(!html.contains("<td class=\"significant\""))
    }

    @Test("a tested report with no untested shortfall keeps its legend as it was")
    func testedLegend() throws {
        let report = try report([("BEL", 2019, 100), ("BEL", 2020, 105)])
        #expect(!ReportTables.hasUntestedShortfall(report))
        #expect(!MarkdownReporter.report(report).contains("✗?"))
        #expect(!HTMLReporter.report(report).contains("✗?"))
    }

    @Test("a suppressed count's untested neighbour is ✗?, not ✗")
    func suppressedNeighbour() throws {
        // CHE 2020: 22 → 24 is short of 25 (+9.1%). With AUT's 3 below 5 suppressed and CHE's 2018 beside
        // it (secondary suppression), CHE's dispersion, estimated from its segment, would give 2018 away:
        // the year is short and not tested.
        let report = try report(
            [
                ("AUT", 2018, 3), ("AUT", 2019, 10), ("AUT", 2020, 12), ("AUT", 2021, 14),
                ("BEL", 2018, 50), ("BEL", 2019, 55), ("BEL", 2020, 60), ("BEL", 2021, 66),
                ("CHE", 2018, 20), ("CHE", 2019, 22), ("CHE", 2020, 24), ("CHE", 2021, 27),
            ], suppressBelow: 5, dispersion: .estimate)
        let untested = report.assessments.filter { $0.status == .shortfall && $0.test == nil }
        #expect(
            untested.map { "\($0.country) \($0.year) \($0.untested.map { "\($0)" } ?? "-")" } == [
                "CHE 2020 suppressed"
            ])
        for row in untested {
            #expect(MarkdownReporter.cell(row).hasSuffix("✗?"))
            #expect(ReportTables.outcome(row) == .short)
        }
    }

    @Test("--no-test: ✗ is 'short', never 'significantly so', and no test is described")
    func noTest() throws {
        let report = try report(aboveTwoTo53, exactTest: false)
        let belgium = try #require(report.assessments.first { $0.country == "BEL" && $0.year == 2020 })
        #expect(MarkdownReporter.cell(belgium) == "+5.0% ✗")
        let markdown = MarkdownReporter.report(report)
        #expect(markdown.contains("✗ short of the 10% target (not tested: --no-test); † annualised"))
        #expect(!markdown.contains("significantly so"))
        #expect(!markdown.contains(report.options.dispersion.caveat))
        let html = HTMLReporter.report(report)
        #expect(html.contains("<span class=\"key significant\">✗</span> short (not tested) "))
        #expect(!html.contains("significantly so"))
        #expect(!html.contains("The significance test treats"))
    }

    @Test("the shortfalls sentence counts countries only, and names the kept aggregates' years")
    func shortfallSentence() throws {
        let report = try report(
            [("AUT", 2019, 100), ("AUT", 2020, 105), ("World", 2019, 5000), ("World", 2020, 5400)])
        // Both are short (AUT needs 110, World 5,500); only AUT is a country.
        #expect(report.shortfalls.count == 2)
        #expect(
            ReportTables.shortfallSentence(report, listed: 2)
                == "1 country-year fell short of the target, by 5 victims in all. The table also lists 1 year "
                + "of kept aggregates (--keep-aggregates), which are no country's and are left out of these "
                + "figures.")
        let onlyAggregates = try self.report([("World", 2019, 5000), ("World", 2020, 5400)])
        #expect(
            ReportTables.shortfallSentence(onlyAggregates, listed: 1)
                == "No country-year fell short of the target. The table also lists 1 year of kept aggregates "
                + "(--keep-aggregates), which are no country's and are left out of these figures.")
        #expect(
            ReportTables.shortfallSentence(
                try self.report([("AUT", 2019, 100), ("AUT", 2020, 109)]), listed: 1)
                == "1 country-year fell short of the target, by 1 victim in all.")
    }

    @Test("the summary: a withheld year has no figure, and the years not assessed add up by reason")
    func summaryCounts() throws {
        // AUT: first 2018, met 2019, withheld 2020, 2021 compared with 2019. BEL: first, zero base after
        // a base of 0. CHE: first, short.
        let report = try report(
            [
                ("AUT", 2018, 100), ("AUT", 2019, 120), ("AUT", 2021, 150),
                ("BEL", 2018, 0), ("BEL", 2019, 5),
                ("CHE", 2018, 50), ("CHE", 2019, 50),
            ], withheld: [("AUT", 2020)])
        let summary = report.summary
        #expect(summary.observations == 7)
        #expect(summary.withheld == 1)
        #expect(summary.assessed == 3)
        #expect(summary.met == 2 && summary.shortOfTarget == 1)
        #expect(summary.firstYears == 3 && summary.zeroBases == 1)
        #expect(summary.breaks == 0 && summary.suppressed == 0 && summary.otherNotAssessed == 0)
        #expect(
            summary.observations
                == summary.assessed + summary.firstYears + summary.zeroBases + summary.breaks
                + summary.suppressed
                + summary.otherNotAssessed)
        let markdown = MarkdownReporter.report(report)
        #expect(markdown.contains("- Country-years with a figure: 7\n"))
        #expect(markdown.contains("- Not assessed: 3 first years, 1 after a base of zero\n"))
        #expect(markdown.contains("- Withheld by the source (no figure, not assessed): 1\n"))
    }
}
