import Testing

@testable import VicTrend

@Suite("Panel: series in a locale-independent order")
struct PanelTests {
    private static func series(_ country: String, _ counts: [Int]) -> Series {
        Series(
            country: country,
            observations: counts.enumerated().map { offset, victims in
                Observation(
                    country: country, year: 2020 + offset, victims: victims,
                    location: Location(file: "in.csv", line: 2 + offset))
            })
    }

    @Test("the public initialiser sorts by Unicode scalar values: upper case before lower, accents last")
    func sortsByScalars() {
        let panel = Panel(series: [
            Self.series("Åland", [1]), Self.series("ZAF", [2, 3]), Self.series("aut", [4]),
            Self.series("AUT", [5, 6, 7]), Self.series("Zimbabwe", [8]),
        ])
        #expect(panel.series.map(\.country) == ["AUT", "ZAF", "Zimbabwe", "aut", "Åland"])
        #expect(panel.observationCount == 8)
        #expect(Panel(series: []).observationCount == 0)
    }
}
