import Testing

@testable import VicTrend

/// Properties checked on random panels (seeded, so every run checks the same cases).
@Suite("Properties on random panels")
struct PropertyTests {
    private struct Row {
        var country: String
        var year: Int
        var victims: Int
    }

    private func randomRows(_ generator: inout SeededGenerator, countries: Int = 12) -> [Row] {
        var rows: [Row] = []
        let codes = Array(CountryTable.countries.prefix(countries).map(\.alpha3))
        for code in codes {
            var level = Int.random(in: 0...400, using: &generator)
            for year in 2010...2024 where Int.random(in: 0..<10, using: &generator) > 1 {
                rows.append(Row(country: code, year: year, victims: level))
                level = max(0, level + Int.random(in: -40...60, using: &generator))
            }
        }
        return rows
    }

    private func csv(_ rows: [Row]) -> String {
        "country,year,victims\n" + rows.map { "\($0.country),\($0.year),\($0.victims)\n" }.joined()
    }

    /// The trends, summary and totals CSV of reading `files` (each a CSV text).
    private func outputs(_ files: [String], generator: inout SeededGenerator) throws -> [String] {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        var paths: [String] = []
        for (index, text) in files.enumerated() { paths.append(try fixtures.file("part\(index).csv", text)) }
        let result = try PanelReader().read(paths)
        #expect(!result.log.hasErrors, "\(result.log.diagnostics.prefix(3))")
        let report = try TrendAnalysis.assess(result.panel, options: AnalysisOptions()).get()
        return [
            CSVReporter.report(report), SummaryCSVReporter.report(report), TotalsCSVReporter.report(report),
        ]
    }

    @Test("a count exactly on target meets it, one fewer falls short by one")
    func onTarget() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let base = Int.random(in: 1...1_000_000, using: &generator)
            let years = Int.random(in: 1...12, using: &generator)
            let rate = try TargetRate(parsing: "0.\(Int.random(in: 0...30, using: &generator))")
            let options = AnalysisOptions(targetRate: rate)
            let factor = rate.growthFactor
            let required = try #require(
                ExactGrowth.ceilScaled(base, by: factor.numerator, over: factor.denominator, years: years))
            let met = Comparison(victims: required, year: 2020 + years, base: (2020, base), options: options)
            #expect(met.status == .met && met.shortfall == 0)
            let short = Comparison(
                victims: required - 1, year: 2020 + years, base: (2020, base), options: options)
            #expect(short.status == .shortfall && short.shortfall == 1)
            // The required count is the least that meets: just below the exact target.
            #expect(
                ExactGrowth.reaches(
                    required, from: base, factor: factor.numerator, over: factor.denominator, years: years))
            #expect(
                !ExactGrowth.reaches(
                    required - 1, from: base, factor: factor.numerator, over: factor.denominator, years: years
                ))
        }
    }

    @Test("shortfalls are never negative and statuses agree with them")
    func shortfalls() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            let rows = randomRows(&generator)
            var builder = PanelBuilder()
            for row in rows {
                _ = builder.add(
                    Observation(
                        country: row.country, year: row.year, victims: row.victims,
                        location: Location(file: "f", line: 1)))
            }
            let report = try TrendAnalysis.assess(builder.build(), options: AnalysisOptions()).get()
            for row in report.assessments {
                if let shortfall = row.shortfall {
                    #expect(shortfall >= 0)
                    #expect((shortfall == 0) == (row.status == .met))
                }
            }
            for total in report.totals { #expect((total.comparison.shortfall ?? 0) >= 0) }
        }
    }

    @Test("shuffling rows or splitting them across files never changes any output")
    func shuffleAndSplit() throws {
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<8 {
            let rows = randomRows(&generator)
            let expected = try outputs([csv(rows)], generator: &generator)
            let shuffled = rows.shuffled(using: &generator)
            #expect(try outputs([csv(shuffled)], generator: &generator) == expected)
            let parts = Int.random(in: 2...5, using: &generator)
            var files = Array(repeating: [Row](), count: parts)
            for row in shuffled { files[Int.random(in: 0..<parts, using: &generator)].append(row) }
            #expect(try outputs(files.map(csv), generator: &generator) == expected)
        }
    }

    @Test("what the CSV writer writes, the reader reads back identically")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 31)
        let alphabet = Array("abcXYZ ,;\"'=+-@\t\r\nÄé·|") + ["\r\n"]
        for _ in 0..<200 {
            let length = Int.random(in: 1...12, using: &generator)
            var text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            // Keys are trimmed by design and formula-like text gets a protective quote (tested elsewhere):
            // start and end with a letter so the text must come back unchanged.
            text = "k" + text + "k"
            let cell = CSVText.field(text)
            let (result, _) = try readPanel(
                "country,year,victims\n\(cell),2020,1\n", options: .init(countries: .verbatim))
            // A key with a control character (a tab, a line break) is read back whole, then refused.
            if text.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                #expect(result.log.diagnostics.map(\.code) == [.controlInKey], "\(text.debugDescription)")
                #expect(result.log.diagnostics.first?.location?.line == 2)
                continue
            }
            #expect(!result.log.hasErrors, "\(text.debugDescription): \(result.log.diagnostics)")
            let read = try #require(result.panel.series.first?.country)
            // Formula-like text comes back with the protective quote, exactly as a spreadsheet would show it.
            let expected = "=+-@\t\r".contains(text.first ?? "a") ? "'" + text : text
            #expect(
                read == expected,
                "\(text.debugDescription) -> \(cell.debugDescription) -> \(read.debugDescription)")
        }
    }
}
