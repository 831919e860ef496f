import Testing

@testable import VicTrend

@Suite("--columns: the trends table with chosen columns")
struct TrendColumnTests {
    @Test("a list is read into columns, or refused with the reason")
    func selection() {
        #expect(
            TrendColumn.selection(" growth_rate , country", series: .annual)
                == .success([.growthRate, .country]))
        #expect(TrendColumn.selection("year,countryx", series: .annual) == .failure(.unknown("countryx")))
        #expect(TrendColumn.selection("year,,victims", series: .annual) == .failure(.unknown("")))
        #expect(TrendColumn.selection("year,year", series: .annual) == .failure(.repeated(.year)))
        #expect(
            TrendColumn.selection("new_victims", series: .annual) == .failure(.cumulativeOnly(.newVictims)))
        #expect(TrendColumn.selection("new_victims", series: .cumulative) == .success([.newVictims]))
        #expect(TrendColumn.selection(" , ", series: .annual) == .failure(.empty))
        #expect(
            TrendColumn.SelectionError.unknown("x").description.contains(
                "country,year,as_of,victims,victims_status,base_year"))
        #expect(TrendColumn.all(for: .annual).count == 18 && TrendColumn.all(for: .cumulative).count == 21)
        #expect(TrendColumn.all(for: .annual, dated: true).count == 18)
        #expect(
            TrendColumn.all(for: .cumulative, dated: true).map(\.rawValue).prefix(8) == [
                "country", "year", "as_of", "victims", "base_year", "base_victims", "elapsed_years",
                "growth_rate",
            ])
        #expect(TrendColumn.allCases.map(\.position) == Array(0..<24))
        #expect(TrendColumn.selection("as_of", series: .annual) == .failure(.cumulativeOnly(.asOf)))
        #expect(
            TrendColumn.SelectionError.cumulativeOnly(.elapsedYears).description
                == "the column elapsed_years is written for running totals read with dates: it needs --series "
                + "cumulative")
        #expect(
            TrendColumn.selection("as_of,elapsed_years", series: .cumulative)
                == .success([.asOf, .elapsedYears]))
    }

    /// The table of `report` as rows of cells (no cell here holds a comma or quote).
    private func cells(_ text: String) -> [[String]] {
        text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test("any choice of columns writes the full table's cells of those columns, in the table's order")
    func projection() throws {
        var generator = SeededGenerator(seed: 21)
        for series in [SeriesKind.annual, .cumulative] {
            var builder = PanelBuilder()
            for (index, country) in ["AUT", "BEL", "C1"].enumerated() {
                var victims = 50 + 40 * index
                for year in 2013...2024 where year != 2018 {
                    _ = builder.add(
                        Observation(
                            country: country, year: year, victims: victims,
                            location: Location(file: "f", line: year - 2000)))
                    victims += Int.random(in: (series == .cumulative ? 0 : -9)...15, using: &generator)
                }
            }
            let options = AnalysisOptions(series: series, baselineYear: 2014)
            let full = cells(
                CSVReporter.report(try TrendAnalysis.assess(builder.build(), options: options).get()))
            let all = TrendColumn.all(for: series)
            #expect(full[0] == all.map(\.rawValue))
            for _ in 0..<40 {
                let chosen = all.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 }
                guard !chosen.isEmpty else { continue }
                let text = CSVReporter.report(
                    try TrendAnalysis.assess(builder.build(), options: options).get(),
                    columns: chosen.shuffled(using: &generator))
                let positions = chosen.map { column in all.firstIndex(of: column) ?? -1 }
                #expect(cells(text) == full.map { row in positions.map { row[$0] } })
            }
        }
    }
}
