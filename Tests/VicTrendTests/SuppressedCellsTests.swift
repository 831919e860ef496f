import Testing

@testable import VicTrend

@Suite("--suppressed-as: markers for people, empty cells and victims_status for programs")
struct SuppressedCellsTests {
    /// AUS 100 → 110 and CAN 8 → 4 → withheld (`<5` in the source), suppressed below 5: CAN 2020 is
    /// `<5`, AUS 2020 `x` (it would give CAN's count away as the alliance total minus AUS).
    private func published() throws -> TrendReport {
        let place = Location(file: "f.csv", line: 2)
        let series = [
            Series(
                country: "AUS",
                observations: [
                    Observation(country: "AUS", year: 2019, victims: 100, location: place),
                    Observation(country: "AUS", year: 2020, victims: 110, location: place),
                ]),
            Series(
                country: "CAN",
                observations: [
                    Observation(country: "CAN", year: 2019, victims: 8, location: place),
                    Observation(country: "CAN", year: 2020, victims: 4, location: place),
                ],
                withheld: [WithheldFigure(country: "CAN", year: 2021, marker: "<5", location: place)]),
        ]
        let report = try TrendAnalysis.assess(Panel(series: series), options: AnalysisOptions()).get()
        return Suppression.apply(report, policy: .init(threshold: 5))
    }

    @Test("markers: <5 and x in victims, the withheld year empty; no victims_status column")
    func markers() throws {
        let columns: [TrendColumn] = [.country, .year, .victims, .status]
        #expect(TrendColumn.columns(columns, series: .annual, cells: .marker) == columns)
        #expect(TrendColumn.columns(nil, series: .annual, cells: .marker) == nil)
        #expect(
            CSVReporter.report(try published(), columns: columns)
                == """
                country,year,victims,status
                AUS,2019,100,not-assessed
                AUS,2020,x,suppressed
                CAN,2019,8,not-assessed
                CAN,2020,<5,suppressed
                CAN,2021,,not-assessed

                """)
    }

    @Test("empty: victims holds numbers only, victims_status after it says suppressed or withheld")
    func empty() throws {
        let chosen = try #require(
            TrendColumn.columns([.country, .year, .victims, .status], series: .annual, cells: .empty))
        #expect(chosen == [.country, .year, .victims, .status, .victimsStatus])
        #expect(
            CSVReporter.report(try published(), columns: chosen)
                == """
                country,year,victims,victims_status,status
                AUS,2019,100,,not-assessed
                AUS,2020,,suppressed,suppressed
                CAN,2019,8,,not-assessed
                CAN,2020,,suppressed,suppressed
                CAN,2021,,withheld,not-assessed

                """)
        // Every default column, then victims_status; not added when victims is not written.
        let every = try #require(TrendColumn.columns(nil, series: .annual, cells: .empty))
        #expect(every == TrendColumn.all(for: .annual) + [.victimsStatus])
        #expect(!TrendColumn.all(for: .cumulative).contains(.victimsStatus))
        #expect(
            TrendColumn.columns([.country, .status], series: .annual, cells: .empty) == [.country, .status])
        let header = CSVReporter.report(try published(), columns: every).split(separator: "\n")[0]
        #expect(header.hasPrefix("country,year,victims,victims_status,base_year,base_victims,growth_rate,"))
    }

    @Test("the totals table: victims_status after victims, suppressed where the total is withheld")
    func totals() throws {
        let report = try published()
        let marker = TotalsCSVReporter.report(report)
        let empty = TotalsCSVReporter.report(report, cells: .empty)
        #expect(marker.hasPrefix("group,year,countries,victims,base_year,"))
        #expect(empty.hasPrefix("group,year,countries,victims,victims_status,base_year,"))
        // 2019: 108 (both countries); 2020: 114 published; the cells otherwise agree.
        let lines = empty.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(lines[1].prefix(5) == ["alliance", "2019", "2", "108", ""])
        #expect(lines[2].prefix(5) == ["alliance", "2020", "2", "114", ""])
        for (withStatus, without) in zip(lines, marker.split(separator: "\n")) {
            var cells = withStatus
            cells.remove(at: 4)
            #expect(cells.joined(separator: ",") == without)
        }
    }
}
