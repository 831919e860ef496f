import Testing

@testable import VicTrend

/// The builder against a plain model of its contract (dictionaries, no chains, no packing), on random
/// figures in random order, with duplicates, withheld years, figures that do not fit the compact form
/// and canonically equal country spellings.
@Suite("Panel builder: compact rows against a plain model")
struct PanelBuilderTests {
    /// A figure to add: an observation or a withheld year.
    private enum Figure {
        case observation(Observation)
        case withheld(WithheldFigure)

        var country: String {
            switch self {
            case .observation(let value): value.country
            case .withheld(let value): value.country
            }
        }
    }

    /// The contract, written the plain way.
    private struct Model {
        let summing: Bool
        var order: [String] = []
        var observations: [String: [Int: Observation]] = [:]
        var withheld: [String: [Int: WithheldFigure]] = [:]
        var spelling: [String: String] = [:]

        mutating func add(_ figure: Figure) -> Diagnostic? {
            let country = figure.country
            if spelling[country] == nil {
                spelling[country] = country
                order.append(country)
            }
            switch figure {
            case .observation(let observation):
                let year = observation.year
                if summing {
                    guard let existing = observations[country]?[year] else {
                        observations[country, default: [:]][year] = observation
                        return nil
                    }
                    let (sum, overflow) = existing.victims.addingReportingOverflow(observation.victims)
                    if overflow {
                        return Diagnostic(
                            .totalOverflow, at: observation.location,
                            "the sum of the rows for \(observation.country) \(year) exceeds 64 bits; counts this large are not plausible"
                        )
                    }
                    observations[country]?[year]?.victims = sum
                    return nil
                }
                if let problem = duplicate(country, year, observation.location, String(observation.victims)) {
                    return problem
                }
                observations[country, default: [:]][year] = observation
            case .withheld(let figure):
                if summing {
                    if withheld[country]?[figure.year] == nil {
                        withheld[country, default: [:]][figure.year] = figure
                    }
                    return nil
                }
                if let problem = duplicate(country, figure.year, figure.location, figure.marker) {
                    return problem
                }
                withheld[country, default: [:]][figure.year] = figure
            }
            return nil
        }

        private func duplicate(_ country: String, _ year: Int, _ location: Location, _ shown: String)
            -> Diagnostic?
        {
            let first: (Location, String)
            if let observation = observations[country]?[year] {
                first = (observation.location, String(observation.victims))
            } else if let figure = withheld[country]?[year] {
                first = (figure.location, figure.marker)
            } else {
                return nil
            }
            let name = spelling[country] ?? country
            if first.1 == shown {
                return Diagnostic(
                    .repeatedObservation, at: location,
                    "\(name) \(year) is given twice with the same count (\(shown)), first at \(first.0); the "
                        + "repeated row is not counted again: remove it")
            }
            let sameFile = first.0.file == location.file && first.0.sheet == location.sheet
            return Diagnostic(
                .duplicateObservation, at: location,
                "\(name) \(year) is given twice with different counts: \(first.1) at \(first.0), \(shown) here; "
                    + (sameFile
                        ? "keep one row per country and year (or add such rows up with --sum, or key them by "
                            + "another column with --by)"
                        : "the files overlap: if one revises the other, give the revised figure in one file only "
                            + "(leave the year out of the older file, or leave the older file out); if the files "
                            + "are parts of one count, tell them apart by a column and use --by"))
        }

        var series: [Series] {
            order.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { country in
                let held = withheld[country] ?? [:]
                let kept = (observations[country] ?? [:]).values.filter { held[$0.year] == nil }
                return Series(
                    country: country, observations: kept.sorted { $0.year < $1.year },
                    withheld: held.values.sorted { $0.year < $1.year })
            }
        }
    }

    /// Random figures: few countries and years, so duplicates are common; now and then a figure the
    /// compact form cannot hold.
    private func figures(_ count: Int, _ generator: inout SeededGenerator, twins: Bool = true) -> [Figure] {
        let countries = [
            "ALB", "AUT", "C9", "Z", "\u{E9}t\u{E9}", twins ? "e\u{301}t\u{E9}" : "\u{E9}t\u{E9}", "ÅLAND",
            "ab\u{0}",
        ]
        let files = ["a.csv", "dir/b.csv"]
        let flagChoices: [[ObservationFlag]] = [
            [], [], [], [.breakInSeries], [.estimated, .provisional], [.provisional, .estimated],
            [.lowReliability, .lowReliability],
        ]
        return (0..<count).map { _ in
            let country = countries[Int.random(in: 0..<countries.count, using: &generator)]
            var year = Int.random(in: 1990...2040, using: &generator)
            if Int.random(in: 0..<50, using: &generator) == 0 { year = Int(Int32.max) + year }
            var line = Int.random(in: 1...500, using: &generator)
            if Int.random(in: 0..<50, using: &generator) == 0 { line = 1 << 41 }
            let column = Bool.random(using: &generator) ? nil : Int.random(in: 1...9, using: &generator)
            let location = Location(
                file: files[Int.random(in: 0..<files.count, using: &generator)], line: line, column: column)
            if Int.random(in: 0..<8, using: &generator) == 0 {
                let marker = ["<5", "c", ".."][Int.random(in: 0..<3, using: &generator)]
                return .withheld(
                    WithheldFigure(country: country, year: year, marker: marker, location: location))
            }
            var victims = Int.random(in: 0...30, using: &generator)
            if Int.random(in: 0..<40, using: &generator) == 0 { victims = Int.max - victims }
            return .observation(
                Observation(
                    country: country, year: year, victims: victims, location: location,
                    flags: flagChoices[Int.random(in: 0..<flagChoices.count, using: &generator)]))
        }
    }

    private func add(_ figure: Figure, to builder: inout PanelBuilder) -> Diagnostic? {
        switch figure {
        case .observation(let value): builder.add(value)
        case .withheld(let value): builder.add(value)
        }
    }

    @Test("same diagnostics, series and batches as the model, summing or not", arguments: [false, true])
    func againstModel(summing: Bool) {
        var generator = SeededGenerator(seed: summing ? 11 : 12)
        for round in 0..<300 {
            let input = figures(Int.random(in: 0...400, using: &generator), &generator)
            var model = Model(summing: summing)
            var builder = PanelBuilder(summing: summing)
            for (index, figure) in input.enumerated() {
                let expected = model.add(figure)
                let found = add(figure, to: &builder)
                #expect(found == expected, "round \(round), figure \(index)")
            }
            let expected = model.series
            #expect(builder.build().series == expected, "round \(round)")
            var batched: [Series] = []
            let batchRows = Int.random(in: 1...50, using: &generator)
            builder.forEachBatch(rows: batchRows) { batch in
                #expect(!batch.isEmpty)
                batched += batch
            }
            #expect(batched == expected, "round \(round)")
        }
    }

    @Test("sealing an input sorted by key gives the whole builder's series, the same diagnostics")
    func sealingAgainstWhole() {
        var generator = SeededGenerator(seed: 13)
        var (compared, twinsRefused) = (0, 0)
        defer { #expect(compared > 100 && twinsRefused > 100) }
        for summing in [false, true] {
            for _ in 0..<200 {
                let input = figures(
                    Int.random(in: 0...300, using: &generator), &generator,
                    twins: Bool.random(using: &generator)
                )
                .enumerated().sorted {
                    Panel.precedes($0.element.country, $1.element.country)
                        || (!Panel.precedes($1.element.country, $0.element.country) && $0.offset < $1.offset)
                }
                .map(\.element)
                var whole = PanelBuilder(summing: summing)
                var sealing = PanelBuilder(summing: summing, sealing: true)
                var sealed: [Series] = []
                for figure in input {
                    let found = add(figure, to: &sealing)
                    let expected = add(figure, to: &whole)
                    // Once out of order, the sealing builder's findings are not used.
                    if !sealing.outOfOrder { #expect(found == expected) }
                    sealed += sealing.takeSealed()
                }
                sealing.sealRemaining()
                sealed += sealing.takeSealed()
                // Canonically equal spellings (`été` in one scalar or with a combining accent) are one
                // key but sort apart by their bytes: such an input is not sorted by key.
                // Next to each other they are one key to both builders.
                let twins = Set(input.map(\.country)).count != Set(input.map { Array($0.country.utf8) }).count
                #expect(!sealing.outOfOrder || twins)
                if sealing.outOfOrder {
                    twinsRefused += 1
                } else {
                    #expect(sealed == whole.build().series)
                    #expect(sealing.count == whole.count)
                    compared += 1
                }
            }
        }
    }

    @Test(
        "a full builder refuses the next figure with a clear error, whatever its kind",
        arguments: [false, true])
    func full(sealing: Bool) {
        var builder = PanelBuilder(summing: false, sealing: sealing, capacity: 2)
        let location = { (line: Int) in Location(file: "big.csv", line: line) }
        #expect(
            builder.add(Observation(country: "AUT", year: 2019, victims: 1, location: location(2))) == nil)
        #expect(
            builder.add(Observation(country: "AUT", year: 2020, victims: 2, location: location(3))) == nil)
        let refused = builder.add(Observation(country: "AUT", year: 2021, victims: 3, location: location(4)))
        #expect(refused?.code == .oversizedRecord && refused?.severity == .error)
        #expect(refused?.location == location(4))
        #expect(refused?.message.contains("more than 2 figures") == true)
        let withheld = builder.add(
            WithheldFigure(country: "BEL", year: 2021, marker: "<5", location: location(5)))
        #expect(withheld?.code == .oversizedRecord && withheld?.location == location(5))
        #expect(builder.count == 2)
    }

    @Test(
        "a year given differently by two files is a revision's overlap: no --sum advice, which would add both"
    )
    func duplicateAcrossFiles() throws {
        var builder = PanelBuilder()
        let older = Location(file: "data-2021-2023.csv", line: 4)
        let newer = Location(file: "data-2023-2024.csv", line: 2)
        #expect(builder.add(Observation(country: "AUT", year: 2023, victims: 120, location: older)) == nil)
        let added = builder.add(Observation(country: "AUT", year: 2023, victims: 125, location: newer))
        let across = try #require(added)
        #expect(across.code == .duplicateObservation)
        #expect(
            across.message
                == "AUT 2023 is given twice with different counts: 120 at data-2021-2023.csv:4, 125 here; the "
                + "files overlap: if one revises the other, give the revised figure in one file only (leave the "
                + "year out of the older file, or leave the older file out); if the files are parts of one "
                + "count, tell them apart by a column and use --by")
        #expect(!across.message.contains("--sum"))
        let again = builder.add(
            Observation(
                country: "AUT", year: 2023, victims: 126, location: Location(file: older.file, line: 9)))
        let within = try #require(again)
        #expect(
            within.message.hasSuffix(
                "(or add such rows up with --sum, or key them by another column with --by)"))
    }

    @Test("a figure from the 65,537th file keeps its file")
    func manyFiles() {
        var builder = PanelBuilder()
        for index in 0..<(1 << 16) + 2 {
            let location = Location(file: "f\(index).csv", line: 2, column: 3)
            #expect(
                builder.add(Observation(country: "K\(index)", year: 2020, victims: index, location: location))
                    == nil)
        }
        let panel = builder.build()
        #expect(panel.series.count == (1 << 16) + 2)
        for series in panel.series {
            let observation = series.observations[0]
            #expect(observation.location.file == "f\(observation.victims).csv")
            #expect(series.country == "K\(observation.victims)")
            #expect(observation.location.line == 2 && observation.location.column == 3)
        }
    }
}
