import Testing

@testable import VicTrend

@Suite("HTML size limit: refused before anything is built")
struct HTMLSizeLimitTests {
    private let here = Location(file: "f", line: 1)

    @Test("the estimate: 20,000 bytes, then 1,000 a series, 320 a row and 40 a series-year cell")
    func estimate() {
        #expect(HTMLReporter.estimatedBytes(seriesCount: 2, rowCount: 10, yearCount: 5) == 26_200)
        #expect(HTMLReporter.estimatedBytes(seriesCount: 0, rowCount: 0, yearCount: 0) == 20_000)
        #expect(HTMLReporter.estimatedBytes(seriesCount: Int.max, rowCount: 1, yearCount: 2) == Int.max)
        #expect(HTMLReporter.estimatedBytes(seriesCount: 1 << 40, rowCount: 1, yearCount: 1 << 30) == Int.max)
        #expect(HTMLReporter.estimatedBytes(seriesCount: -5, rowCount: -1, yearCount: 3) == 20_000)
    }

    @Test("2,000 series of up to 135 years are written, and 10,000 of up to 24 years")
    func accepted() {
        #expect(HTMLReporter.sizeProblem(seriesCount: 2_000, rowCount: 20_000, yearCount: 10) == nil)
        #expect(HTMLReporter.sizeProblem(seriesCount: 2_000, rowCount: 270_000, yearCount: 135) == nil)
        // 20,000 + 13,000,000 + 76,800,000 + 9,600,000 bytes.
        #expect(HTMLReporter.sizeProblem(seriesCount: 10_000, rowCount: 240_000, yearCount: 24) == nil)
    }

    @Test("more series than charts allowed, or a page over 100 MB, are refused with the reason")
    func refused() {
        #expect(
            HTMLReporter.sizeProblem(seriesCount: 10_001, rowCount: 10_001, yearCount: 1)
                == "the HTML report draws a chart for every series and takes at most 10,000 series; this input "
                + "has 10,001 series, 10,001 rows over 1 year. Choose the Markdown, JSON or CSV format, or "
                + "report fewer series")
        // 20,000 + 13,000,000 + 80,000,000 + 10,000,000 bytes: 103,020,000, shown rounded up.
        #expect(
            HTMLReporter.sizeProblem(seriesCount: 10_000, rowCount: 250_000, yearCount: 25)
                == "the HTML report of this input (10,000 series, 250,000 rows over 25 years) would be about "
                + "104 MB; it is limited to 100 MB. Choose the Markdown, JSON or CSV format, or report fewer "
                + "series or years")
        #expect(HTMLReporter.sizeProblem(seriesCount: 500, rowCount: 3_000_000, yearCount: 9_000) != nil)
        #expect(HTMLReporter.sizeProblem(seriesCount: Int.max, rowCount: Int.max, yearCount: Int.max) != nil)
    }

    @Test("a panel is measured by its series, rows (withheld years too) and distinct years")
    func panel() {
        let panel = Panel(series: [
            Series(
                country: "A",
                observations: [
                    Observation(country: "A", year: 2019, victims: 1, location: here),
                    Observation(country: "A", year: 2020, victims: 2, location: here),
                ],
                withheld: [WithheldFigure(country: "A", year: 2021, marker: "<5", location: here)]),
            Series(
                country: "B",
                observations: [
                    Observation(country: "B", year: 2020, victims: 3, location: here),
                    Observation(country: "B", year: 12, victims: 4, location: here),
                ]),
        ])
        // 2 series, 5 rows, years 12, 2019, 2020, 2021: 20,000 + 2,000 + 1,600 + 320 bytes.
        #expect(HTMLReporter.estimatedBytes(seriesCount: 2, rowCount: 5, yearCount: 4) == 24_520)
        #expect(HTMLReporter.sizeProblem(panel) == nil)
        let wide = Panel(
            series: (0...10_000).map { index in
                Series(
                    country: "K\(index)",
                    observations: [Observation(country: "K\(index)", year: 2020, victims: 1, location: here)])
            })
        #expect(
            HTMLReporter.sizeProblem(wide)?.contains("this input has 10,001 series, 10,001 rows over 1 year")
                == true)
    }

    @Test("the estimate bounds the page from above, and not by much")
    func estimateBoundsThePage() throws {
        var random = SeededGenerator(seed: 3)
        var builder = PanelBuilder()
        for series in 0..<300 {
            var level = Int.random(in: 5..<505, using: &random)
            for year in 2000..<2012 {
                let key = "C" + String(100_000 + series).dropFirst()
                _ = builder.add(Observation(country: key, year: year, victims: level, location: here))
                level = max(1, level * Int.random(in: 90...120, using: &random) / 100)
            }
        }
        let report = try TrendAnalysis.assess(builder.build(), options: AnalysisOptions(inputs: ["in.csv"]))
            .get()
        let bytes = HTMLReporter.report(report).utf8.count
        let estimate = HTMLReporter.estimatedBytes(seriesCount: 300, rowCount: 3_600, yearCount: 12)
        #expect(estimate == 1_706_000)
        #expect(bytes <= estimate && bytes * 10 >= estimate * 8, "\(bytes) bytes")
    }
}
