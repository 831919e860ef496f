import Testing

@testable import VicTrend

@Suite("Alliance and group totals with like-for-like growth")
struct TotalsTests {
    private func panel(_ rows: [(String, Int, Int)]) -> Panel {
        var builder = PanelBuilder()
        for (country, year, victims) in rows {
            _ = builder.add(
                Observation(
                    country: country, year: year, victims: victims, location: Location(file: "f", line: 1)))
        }
        return builder.build()
    }

    /// R 4.2: φ_A, φ_B = max(1, summary(glm(v ~ year, family = quasipoisson))$dispersion) of A and B;
    /// φ = (φ_A (150 + 90) + φ_B (240 + 260)) / 740; p = pbeta(1 − 1.1/2.1, (390 + 350)/φ − 390/φ, 390/φ + 1).
    @Test("a total's φ weighs its countries' φ by their counts (Var of a sum = Σ φ_i μ_i); R's values")
    func totalDispersion() throws {
        let rows = [
            ("A", 2020, 100), ("A", 2021, 130), ("A", 2022, 90), ("A", 2023, 150),
            ("B", 2020, 200), ("B", 2021, 210), ("B", 2022, 260), ("B", 2023, 240),
        ]
        let totals = try TotalsAnalysis.totals(panel(rows), groups: Groups(), options: AnalysisOptions())
            .get()
        let last = try #require(totals.last)
        #expect(last.year == 2023 && last.matchedVictims == 390 && last.comparison.baseVictims == 350)
        let phi = try #require(last.comparison.dispersion)
        #expect(abs(phi - 3.42650620566662578) < 1e-12)
        let p = try #require(last.comparison.test?.pValue)
        #expect(abs(p - 0.56422185784199985) < 1e-12)
        #expect(!last.comparison.flags.contains(.dispersionNotEstimated))
        // With the pure Poisson test (--dispersion none) the same total is tested with φ = 1; with a fixed
        // φ, with that φ.
        var none = AnalysisOptions()
        none.dispersion = .none
        #expect(
            try TotalsAnalysis.totals(panel(rows), groups: Groups(), options: none).get().last?.comparison
                .dispersion == 1)
        var fixed = AnalysisOptions()
        fixed.dispersion = .fixed(2.5)
        #expect(
            try TotalsAnalysis.totals(panel(rows), groups: Groups(), options: fixed).get().last?.comparison
                .dispersion == 2.5)
        // A country whose segment is too short for an estimate counts with φ = 1, and the total says so.
        let short = try TotalsAnalysis.totals(
            panel([("A", 2022, 90), ("A", 2023, 150)] + rows.filter { $0.0 == "B" }), groups: Groups(),
            options: AnalysisOptions()
        ).get()
        let mixed = try #require(short.last?.comparison)
        #expect(abs((mixed.dispersion ?? 0) - (1 * 240 + 1.83548701773661316 * 500) / 740) < 1e-12)
        #expect(mixed.flags.contains(.dispersionNotEstimated))
    }

    @Test("a country joining does not count as growth")
    func joining() throws {
        // A grows 100 -> 105 (short of 110); B joins in 2021 with 500, tripling the raw total.
        let totals = try TotalsAnalysis.totals(
            panel([("A", 2020, 100), ("A", 2021, 105), ("B", 2021, 500)]), groups: Groups(),
            options: AnalysisOptions()
        ).get()
        #expect(totals.count == 2)
        let second = totals[1]
        #expect(second.group == "alliance")
        #expect(second.countries == 2)
        #expect(second.victims == 605)
        #expect(second.matchedCountries == 1)
        #expect(second.matchedVictims == 105)
        #expect(second.comparison.baseVictims == 100)
        #expect(second.comparison.requiredVictims == 110)
        #expect(second.comparison.shortfall == 5)
        #expect(second.comparison.status == .shortfall)
        #expect(abs((second.comparison.growthRate ?? 0) - 0.05) < 1e-12)
        #expect(totals[0].comparison.flags == [.firstYear])
    }

    @Test("--by keys: a country is counted once a year however many parts it has; its parts add up")
    func countriesOfParts() throws {
        // AUT by agency (Police, Customs), BEL with Police only in 2021; groups by country.
        let rows = [
            ("AUT · Police", 2020, 60), ("AUT · Customs", 2020, 40), ("AUT · Police", 2021, 66),
            ("AUT · Customs", 2021, 44), ("BEL · Police", 2021, 5),
        ]
        var groups = Groups()
        groups.add(country: "AUT", to: "EU")
        groups.add(country: "BEL", to: "EU")
        let totals = try TotalsAnalysis.totals(panel(rows), groups: groups, options: AnalysisOptions()).get()
        #expect(totals.map(\.group) == ["alliance", "alliance", "EU", "EU"])
        #expect(totals.map(\.countries) == [1, 2, 1, 2])
        #expect(totals.map(\.victims) == [100, 115, 100, 115])
        #expect(totals[1].matchedCountries == 1 && totals[1].matchedVictims == 110)
        #expect(totals[1].comparison.baseVictims == 100)
    }

    @Test("years of any four digits, in series whose years start ever earlier, are summed year by year")
    func yearsAnywhere() throws {
        // In key order the series start in 2010, 2004 and 1000, then one is in 9999: the sums grow at
        // both ends.
        let rows: [(String, Int, Int)] = [
            ("A", 2010, 10), ("A", 2011, 11), ("B", 2004, 4), ("B", 2005, 5), ("C", 1000, 1), ("C", 1001, 2),
            ("D", 9999, 9),
        ]
        let totals = try TotalsAnalysis.totals(panel(rows), groups: Groups(), options: AnalysisOptions())
            .get()
        #expect(totals.map(\.year) == [1000, 1001, 2004, 2005, 2010, 2011, 9999])
        #expect(totals.map(\.victims) == [1, 2, 4, 5, 10, 11, 9])
        #expect(totals.map(\.matchedCountries) == [0, 1, 0, 1, 0, 1, 0])
        #expect(totals.map(\.matchedVictims) == [0, 2, 0, 5, 0, 11, 0])
        #expect(totals.map(\.comparison.baseVictims) == [nil, 1, nil, 4, nil, 10, nil])
        #expect(totals[2].comparison.flags == [.noOverlap])
    }

    @Test("groups are totalled separately, after the alliance, in file order")
    func groups() throws {
        var groups = Groups()
        groups.add(country: "B", to: "south")
        groups.add(country: "A", to: "north")
        groups.add(country: "C", to: "north")
        let rows: [(String, Int, Int)] = [
            ("A", 2020, 10), ("A", 2021, 12), ("B", 2020, 5), ("B", 2021, 5), ("C", 2020, 20),
            ("C", 2021, 22),
        ]
        let totals = try TotalsAnalysis.totals(panel(rows), groups: groups, options: AnalysisOptions()).get()
        #expect(totals.map(\.group) == ["alliance", "alliance", "south", "south", "north", "north"])
        #expect(totals.map(\.victims) == [35, 39, 5, 5, 30, 34])
        // north: 30 -> 34, required ceil(33) = 33, met; south: 5 -> 5, required ceil(5.5) = 6, short 1.
        #expect(totals[5].comparison.status == .met)
        #expect(totals[5].comparison.requiredVictims == 33)
        #expect(totals[3].comparison.shortfall == 1)
        #expect(totals[3].comparison.significance == .withinNoise)
    }

    @Test("no country in both years: not assessed, flagged no-overlap")
    func noOverlap() throws {
        let totals = try TotalsAnalysis.totals(
            panel([("A", 2020, 10), ("B", 2021, 12)]), groups: Groups(), options: AnalysisOptions()
        ).get()
        #expect(totals[1].comparison.flags == [.noOverlap])
        #expect(totals[1].comparison.status == .notAssessed)
        #expect(totals[1].comparison.baseYear == 2020)
        #expect(totals[1].matchedCountries == 0)
    }

    @Test("a total beyond 64 bits is a diagnostic")
    func overflow() {
        let result = TotalsAnalysis.totals(
            panel([("A", 2020, Int.max), ("B", 2020, 1)]), groups: Groups(), options: AnalysisOptions())
        guard case .failure(let list) = result else {
            Issue.record("accepted an overflowing total")
            return
        }
        #expect(list.diagnostics.map(\.code) == [.totalOverflow])
    }

    @Test("a groups file is read by header names; bad rows are diagnostics")
    func groupsFile() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let good = try fixtures.file("g.csv", "note;ISO3;Group\nx;AUT;EU\ny;USA;non-EU\nz;AUT;OECD\n")
        let (groups, log) = try GroupsReader.read(good)
        #expect(!log.hasErrors)
        #expect(groups.names == ["EU", "non-EU", "OECD"])
        #expect(groups.members(of: "EU") == ["AUT"])
        #expect(groups.contains("USA"))
        #expect(!groups.contains("CAN"))
        let bad = try fixtures.file("b.csv", "country,group\nAUT,\n,EU\nBEL\n")
        let badLog = try GroupsReader.read(bad).log
        #expect(badLog.diagnostics.map(\.code) == [.invalidGroupRow, .invalidGroupRow, .missingCells])
        #expect(badLog.diagnostics.map { $0.location?.line } == [2, 3, 4])
        let header = try fixtures.file("h.csv", "country,region\nAUT,EU\n")
        #expect(try GroupsReader.read(header).log.diagnostics.map(\.code) == [.missingColumn])
        // An aggregate listed in a group is left out with a note: it is in no total anyway.
        let aggregate = try GroupsReader.read(
            try fixtures.file("a.csv", "country,group\nAUT,EU\nEU27_2020,EU\n"))
        #expect(aggregate.log.diagnostics.map(\.code) == [.aggregateLeftOut])
        #expect(aggregate.log.diagnostics.first?.location?.line == 3)
        #expect(aggregate.groups.members(of: "EU") == ["AUT"])
    }

    @Test("a groups file names at most 200 groups: the row of the 201st is one error, VT208")
    func tooManyGroups() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        // 200 groups, each twice (AUT and BEL): read whole.
        let rows = (1...200).map { "AUT,G\($0)\nBEL,G\($0)\n" }.joined()
        let most = try GroupsReader.read(try fixtures.file("m.csv", "country,group\n" + rows))
        #expect(!most.log.hasErrors && most.groups.count == 200)
        #expect(most.groups.members(of: "G200") == ["AUT", "BEL"])
        // Two more groups and a row of a known one after them: one error, at the first new group's cell.
        let more = "country,group\n" + rows + "AUT,G201\nAUT,G202\nCAN,G1\n"
        let (groups, log) = try GroupsReader.read(try fixtures.file("x.csv", more))
        #expect(log.diagnostics.map(\.code) == [.tooManyGroups])
        #expect(log.diagnostics.first?.location.map { [$0.line, $0.column] } == [402, 5])
        #expect(groups.count == 200 && groups.members(of: "G1") == ["AUT", "BEL", "CAN"])
    }

    /// The like-for-like sums as first written (arrays over the union of years), kept as the oracle for
    /// the accumulator that adds series one at a time.
    private func referenceSums(_ series: [Series]) -> [(
        year: Int, total: Int?, now: Int?, base: Int?, count: Int
    )] {
        let years = Set(series.flatMap { $0.observations.map(\.year) }).sorted()
        var rows = years.map { (year: $0, total: Int?(0), now: Int?(0), base: Int?(0), count: 0) }
        let add = { (sum: Int?, value: Int) -> Int? in
            guard let sum else { return nil }
            let (result, overflow) = sum.addingReportingOverflow(value)
            return overflow ? nil : result
        }
        for one in series {
            var previous: (position: Int, victims: Int)?
            for observation in one.observations {
                guard let here = years.firstIndex(of: observation.year) else { continue }
                rows[here].total = add(rows[here].total, observation.victims)
                if let previous, previous.position == here - 1 {
                    rows[here].now = add(rows[here].now, observation.victims)
                    rows[here].base = add(rows[here].base, previous.victims)
                    rows[here].count += 1
                }
                previous = (here, observation.victims)
            }
        }
        return rows
    }

    @Test("series added one at a time give the like-for-like sums of the whole panel", arguments: 0..<40)
    func accumulatorMatchesReference(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var rows: [(String, Int, Int)] = []
        // Years with gaps, a few outside four digits (only possible through the API), huge counts now
        // and then so that some sums overflow.
        let pool = [998, 999, 1000, 2013, 2014, 2015, 2017, 2018, 2020, 9999, 10_000]
        for country in 0..<Int.random(in: 1...12, using: &random) {
            for year in pool where Bool.random(using: &random) {
                let victims =
                    Int.random(in: 0..<50, using: &random) == 0
                    ? Int.max / 2 : Int.random(in: 0...500, using: &random)
                rows.append(("C\(country)", year, victims))
            }
        }
        let panel = panel(rows)
        let reference = referenceSums(panel.series)
        var accumulator = TotalsAnalysis.Accumulator(groups: Groups(), options: AnalysisOptions())
        for series in panel.series.shuffled(using: &random) { accumulator.add(series) }
        switch (
            accumulator.totals(options: AnalysisOptions()),
            TotalsAnalysis.totals(panel, groups: Groups(), options: AnalysisOptions())
        ) {
        case (.success(let streamed), .success(let whole)):
            #expect(streamed == whole)
            #expect(streamed.map(\.year) == reference.map(\.year))
            #expect(streamed.map(\.victims) == reference.map(\.total))
            #expect(streamed.map(\.matchedCountries) == reference.map(\.count))
            #expect(
                zip(streamed, reference).allSatisfy {
                    $0.matchedVictims == (reference.first!.year == $1.year ? 0 : $1.now)
                })
        case (.failure(let streamed), .failure(let whole)):
            #expect(streamed.diagnostics == whole.diagnostics)
            #expect(!streamed.diagnostics.isEmpty)
            // (A comparison across the gap from 2020 to 9999 overflows too: the required count is 1.1^7979 times the base.)
            // Every total the reference finds overflowing is refused, by name and year.
            for row in reference where row.total == nil || row.now == nil || row.base == nil {
                #expect(streamed.diagnostics.contains { $0.message.contains("total for \(row.year) ") })
            }
        default:
            Issue.record("the accumulator and the whole panel disagree on whether the totals overflow")
        }
    }
}
