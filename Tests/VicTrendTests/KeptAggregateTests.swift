import Testing

@testable import VicTrend

/// A total kept with `--keep-aggregates` is a series of its own, never a country: it enters no total
/// and is not counted among the countries (issue 16 review: `Insgesamt` doubled the alliance total).
@Suite("Kept aggregates: series of their own, in no total")
struct KeptAggregateTests {
    private func series(_ key: String, _ figures: [(Int, Int)]) -> Series {
        Series(
            country: key,
            observations: figures.map { year, victims in
                Observation(
                    country: key, year: year, victims: victims, location: Location(file: "t.csv", line: 2))
            })
    }

    /// Austria 100/110, Germany 200/220 and their total Insgesamt 300/330, kept.
    private var panel: Panel {
        Panel(series: [
            series("Austria", [(2019, 100), (2020, 110)]), series("Germany", [(2019, 200), (2020, 220)]),
            series("Insgesamt", [(2019, 300), (2020, 330)]),
        ])
    }

    @Test("a key is an aggregate by its country part, its code or its label; no ISO alpha-3 code is one")
    func keys() {
        #expect(Series(country: "Insgesamt", observations: []).isAggregate)
        #expect(Aggregates.isAggregateKey("Insgesamt · Wien"))
        #expect(Aggregates.isAggregateKey("EU27_2020:European Union - 27 countries (from 2020)"))
        #expect(Aggregates.isAggregateKey("XX:World"))
        #expect(!Aggregates.isAggregateKey("Austria") && !Aggregates.isAggregateKey("AUT · Wien"))
        // One word of ASCII letters and digits is looked up by its bytes, any other text by its normal
        // form: both ways give the same answer for every one-word name, however it is capitalised.
        let words = Aggregates.names.filter { name in
            name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        }
        #expect(words.count >= 20 && words.contains("insgesamt") && words.contains("world"))
        for word in words {
            for spelling in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
                #expect(Aggregates.isAggregate(spelling), "\(spelling)")
                #expect(Aggregates.isAggregate(spelling + "."), "\(spelling).")
            }
            // (Any word that starts with `oecd` is one of the OECD's groups: OECDE, OECDAM.)
            #expect(word.hasPrefix("oecd") || !Aggregates.isAggregate(word + "x"), "\(word)x")
        }
        #expect(["WLD", "G20", "Wxoecd", "150", "001", "OECDE"].allSatisfy(Aggregates.isAggregate))
        #expect(!["AUT", "Deutschland", "Worlds", "1000", "151x"].contains(where: Aggregates.isAggregate))
        let aggregateCodes = CountryTable.standard.all.map(\.alpha3).filter(Aggregates.isAggregateKey)
        #expect(aggregateCodes.isEmpty)
        // The same codes in lower case are not found among the countries: they are looked up in the
        // sets of names, and none is there either (what lets `isAggregate` pass the codes at once).
        let lowerCaseCodes = CountryTable.standard.all.map { $0.alpha3.lowercased() }
        #expect(!lowerCaseCodes.contains(where: Aggregates.isAggregate))
        #expect(CountryTable.standard.isAlpha3Code("AUT") && !CountryTable.standard.isAlpha3Code("aut"))
    }

    @Test("the alliance total is 300 and 330 from 2 countries; a group listing the total leaves it out")
    func totals() throws {
        var groups = Groups()
        groups.add(country: "Austria", to: "south")
        groups.add(country: "Insgesamt", to: "south")
        let report = try TrendAnalysis.assess(panel, options: AnalysisOptions(), groups: groups).get()
        let rows = report.totals.map { "\($0.group),\($0.year),\($0.countries),\($0.victims ?? -1)" }
        #expect(
            rows == ["alliance,2019,2,300", "alliance,2020,2,330", "south,2019,1,100", "south,2020,1,110"])
        #expect(report.totals[1].matchedVictims == 330 && report.totals[1].matchedCountries == 2)
        #expect(report.summary.countries == 2 && report.summary.observations == 4)
        // The series is still reported as a series of its own.
        #expect(report.countries.map(\.country) == ["Austria", "Germany", "Insgesamt"])
        #expect(Suppression.groupSets(report).first?.members == ["Austria", "Germany"])
    }
}
