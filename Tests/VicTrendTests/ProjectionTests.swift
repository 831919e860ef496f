import Foundation
import Testing

@testable import VicTrend

@Suite("The projection to the target year: default year, breaks, edges, and the JSON written as it goes")
struct ProjectionTests {
    private func observation(_ country: String, _ year: Int, _ victims: Int, break isBreak: Bool = false)
        -> Observation
    {
        Observation(
            country: country, year: year, victims: victims, location: Location(file: "f", line: year),
            flags: isBreak ? [.breakInSeries] : [])
    }

    private func panel(_ rows: [Observation]) -> Panel {
        var builder = PanelBuilder()
        for row in rows { #expect(builder.add(row) == nil) }
        return builder.build()
    }

    /// The small sample's AUS (R: μ 189.678951012822, se.fit 0.144518548735596), BEL (3 figures) and CAN
    /// (baseline 0).
    private var sample: Panel {
        panel(
            [
                observation("AUS", 2019, 100), observation("AUS", 2020, 110), observation("AUS", 2021, 120),
                observation("AUS", 2022, 150), observation("BEL", 2020, 1000), observation("BEL", 2021, 1210),
                observation("BEL", 2022, 1100), observation("CAN", 2019, 0), observation("CAN", 2020, 4),
                observation("CAN", 2021, 3), observation("CAN", 2022, 0),
            ])
    }

    @Test(
        "the default target year is two years after the panel's latest; AUS on track, BEL none, CAN no trajectory"
    )
    func defaultYear() throws {
        let report = try TrendAnalysis.assess(sample, options: AnalysisOptions()).get()
        #expect(report.projectionYear == 2024)
        let aus = try #require(report.countries[0].projection)
        #expect(aus.year == 2024)
        #expect(abs(aus.victims - 189.67895101282227) < 1e-9)
        // ⌈100 × 1.1^5⌉ = ⌈161.051⌉ = 162; 150 → 162 needs +12, the fit projects +39.7: on track.
        #expect(aus.trajectory == 162 && aus.category == .onTrack)
        // V = 189.679 + 189.679² × 0.1445185² = 941.11; t = (162 − 189.679)/30.678 = −0.90226; 1 − pt(t, 2).
        #expect(abs((aus.probabilityOnTrajectory ?? 0) - 0.76892640663290912) < 1e-9)
        #expect(report.countries[1].projection == nil)
        let can = try #require(report.countries[2].projection)
        #expect(can.trajectory == nil && can.probabilityOnTrajectory == nil && can.category == nil)
        #expect(can.low == 0 && can.high > can.victims)
    }

    @Test("a target year at or before a country's latest figure projects nothing; a given year is kept")
    func givenYear() throws {
        let past = try TrendAnalysis.assess(sample, options: AnalysisOptions(targetYear: 2022)).get()
        #expect(past.projectionYear == 2022)
        #expect(past.countries.allSatisfy { $0.projection == nil && $0.requiredGrowthToTargetYear == nil })
        let later = try TrendAnalysis.assess(sample, options: AnalysisOptions(targetYear: 2030)).get()
        #expect(later.countries[0].projection?.year == 2030)
        // ⌈100 × 1.1^11⌉ = ⌈285.31…⌉ = 286.
        #expect(later.countries[0].projection?.trajectory == 286)
        let empty = try TrendAnalysis.assess(Panel(series: []), options: AnalysisOptions()).get()
        #expect(empty.projectionYear == nil)
    }

    @Test("after a break the fit and the trajectory start at the break's figure")
    func afterBreak() throws {
        let rows = [
            observation("A", 2015, 100), observation("A", 2016, 110), observation("A", 2017, 121),
            observation("A", 2018, 133), observation("A", 2019, 500, break: true),
            observation("A", 2020, 540),
            observation("A", 2021, 600), observation("A", 2022, 640),
        ]
        let report = try TrendAnalysis.assess(panel(rows), options: AnalysisOptions()).get()
        let country = try #require(report.countries.first)
        #expect(country.trend?.fromYear == 2019)
        let projection = try #require(country.projection)
        // ⌈500 × 1.1^5⌉ = ⌈805.255⌉ = 806, from the break's figure (not 100 × 1.1^9 from 2015).
        #expect(projection.year == 2024 && projection.trajectory == 806)
        let fit = try #require(
            PoissonTrendFit.fit(
                [(2019, 500), (2020, 540), (2021, 600), (2022, 640)].map { (year: $0, victims: $1) }))
        #expect(abs(projection.victims - fit.fitted(at: 2024)) < 1e-9)
    }

    @Test("the JSON written as it goes projects at the end, to the same figures as the whole report")
    func streamed() throws {
        for options in [AnalysisOptions(), AnalysisOptions(targetYear: 2027)] {
            let report = try TrendAnalysis.assess(sample, options: options).get()
            let whole = JSONReporter.report(report)
            for batchRows in [1, 4, 100] {
                #expect(try stream(sample, options: options, batchRows: batchRows) == whole)
            }
            let year = options.targetYear ?? 2024
            #expect(whole.contains("\"projection_year\": \(year),\n    \"confidence\""))
            #expect(
                whole.contains(
                    "\"projection_category\": \"on-track\",\n      \"projection_not_made\": null\n    }"))
        }
    }

    @Test("the countries' tails spooled in blocks of 1 to 3, in memory and in a file: the same bytes")
    func spooledTails() throws {
        let report = try TrendAnalysis.assess(sample, options: AnalysisOptions()).get()
        let expected = JSONReporter.report(report)
        for block in 1...3 {
            var memory = JSONReportWriter(storage: JSONMemoryStorage(), chunkSize: 5, tailBlock: block)
            for row in report.assessments { memory.add(row) }
            for country in report.countries { memory.add(country, deferred: block == 2) }
            memory.finish(
                options: report.options, suppression: nil, provenance: nil, summary: memory.summary,
                totals: report.totals, diagnostics: [])
            #expect(String(decoding: memory.storage.document, as: UTF8.self) == expected, "\(block)")
            let fixtures = try Fixtures()
            defer { fixtures.remove() }
            let path = fixtures.directory.appendingPathComponent("tails.json").path
            let output = try StagedOutput(path: path)
            var file = JSONReportWriter(
                storage: try JSONFileStorage(output: output), chunkSize: 5, tailBlock: block)
            for row in report.assessments { try file.add(row) }
            for country in report.countries { try file.add(country, deferred: block != 2) }
            try file.finish(
                options: report.options, suppression: nil, provenance: nil, summary: file.summary,
                totals: report.totals, diagnostics: [])
            try output.commit()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "\(block)")
        }
    }
}
