import Synchronization
import Testing

@testable import VicTrend

@Suite("Figures fed to the builder in batches, on its own thread or not: the same as row by row")
struct BatchedReadingTests {
    /// Reads `paths` with `feeding`: the panel, the log and the data rows.
    private func read(_ paths: [String], options: PanelReader.Options, feeding: PanelReader.Feeding) throws
        -> (panel: Panel, log: DiagnosticLog, rows: Int)
    {
        var builder = PanelBuilder(summing: options.sum)
        let result = try PanelReader(options: options).read(paths, into: &builder, feeding: feeding)
        return (builder.build(), result.log, result.rowCount)
    }

    /// The counts of a log, kept or not.
    private func counts(_ log: DiagnosticLog) -> [Int] {
        [log.errorCount, log.warningCount, log.infoCount, log.omittedCount]
    }

    /// A long file of `rows` random rows over few keys: duplicates (same and different counts), withheld
    /// and bad counts, bad years, unknown and empty countries, blank lines and short rows.
    private func randomFile(rows: Int, using random: inout SeededGenerator) -> String {
        let countries = ["DEU", "FRA", "Austria", "XXA", "", "EU27_2020", "BEL", "Frnace"]
        var text = "country,year,victims\n"
        for _ in 0..<rows {
            let country = countries[Int.random(in: 0..<countries.count, using: &random)]
            let year = ["2019", "2020", "2021", "2022", "20x1"][Int.random(in: 0..<5, using: &random)]
            let count = ["10", "11", "12", "c", "<5", "-3", "", "7"][Int.random(in: 0..<8, using: &random)]
            switch Int.random(in: 0..<20, using: &random) {
            case 0: text += "\n"
            case 1: text += "\(country),\(year)\n"
            default: text += "\(country),\(year),\(count)\n"
            }
        }
        return text
    }

    @Test(
        "random files, limits and batch sizes: the same series, findings (kept, counted, in order) and rows",
        arguments: [1, 2, 3, 7, 4096])
    func sameAsRowByRow(batchSize: Int) throws {
        var random = SeededGenerator(seed: UInt64(batchSize))
        for round in 0..<40 {
            let fixtures = try Fixtures()
            defer { fixtures.remove() }
            let paths = try (0..<Int.random(in: 1...3, using: &random)).map { index in
                try fixtures.file(
                    "in\(index).csv", randomFile(rows: Int.random(in: 0...60, using: &random), using: &random)
                )
            }
            var options = PanelReader.Options()
            options.diagnosticLimit = [1, 3, 10, 1000][round % 4]
            options.sum = round % 3 == 0
            options.countries = round % 5 == 0 ? .verbatim : .iso
            let expected = try read(paths, options: options, feeding: .rowByRow)
            for concurrent in [false, true] {
                let batched = try read(
                    paths, options: options, feeding: .batches(size: batchSize, concurrent: concurrent))
                #expect(batched.log.diagnostics == expected.log.diagnostics)
                #expect(counts(batched.log) == counts(expected.log))
                #expect(batched.rows == expected.rows)
                #expect(batched.panel.series == expected.panel.series)
            }
        }
    }

    @Test("the random files find what they are meant to (the comparison above is not between empties)")
    func randomFilesFindThings() throws {
        var random = SeededGenerator(seed: 7)
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("in.csv", randomFile(rows: 400, using: &random))
        var options = PanelReader.Options()
        options.diagnosticLimit = 5
        let result = try read([path], options: options, feeding: .batches(size: 3, concurrent: true))
        let codes = Set(result.log.diagnostics.map(\.code))
        #expect(result.log.diagnostics.count == 5)
        #expect(result.log.omittedCount > 100)
        #expect(!result.panel.series.isEmpty)
        let whole = try read(
            [path], options: PanelReader.Options(), feeding: .batches(size: 3, concurrent: true))
        let all = Set(whole.log.diagnostics.map(\.code))
        for code in [
            DiagnosticCode.duplicateObservation, .repeatedObservation, .unknownCountry, .emptyCountry,
            .withheldValue, .missingCells, .aggregateLeftOut,
        ] {
            #expect(all.contains(code), "\(code)")
        }
        #expect(codes.isSubset(of: all))
    }

    @Test("a finding past the limit is counted, not kept, when only the queue knew the log was full")
    func omittedPastTheLimit() throws {
        // Five unknown countries, limit 2: the last three are counted without their message built.
        let text = "country,year,victims\n" + (1...5).map { "Nowhere\($0),2020,1\n" }.joined()
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = try fixtures.file("in.csv", text)
        var options = PanelReader.Options()
        options.diagnosticLimit = 2
        let result = try read([path], options: options, feeding: .batches(size: 2, concurrent: true))
        #expect(result.log.diagnostics.map(\.location?.line) == [2, 3])
        #expect(result.log.errorCount == 5)
        #expect(result.log.omittedCount == 3)
    }

    @Test(
        "files whose readers number the same key cells apart (ids standing for other keys, the same file twice): the same as row by row"
    )
    func cellIdsOfSeveralReaders() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        // Each file's reader gives its first key cell id 0, its second id 1: here for other keys.
        let first = try fixtures.file(
            "a.csv", "country,year,victims\nDEU,2020,1\nFRA,2020,2\nDEU,2021,3\nFRA,2021,4\n")
        let second = try fixtures.file(
            "b.csv", "country,year,victims\nFRA,2022,5\nBEL,2022,6\nDEU,2022,7\nFRA,2023,8\nDEU,2023,9\n")
        var options = PanelReader.Options()
        options.countries = .verbatim
        let paths = [first, second, first]
        let expected = try read(paths, options: options, feeding: .rowByRow)
        #expect(expected.panel.series.map(\.country) == ["BEL", "DEU", "FRA"])
        #expect(
            expected.panel.series.map { $0.observations.map(\.victims) } == [
                [6], [1, 3, 7, 9], [2, 4, 5, 8],
            ])
        for size in [1, 2, 4096] {
            for concurrent in [false, true] {
                let batched = try read(
                    paths, options: options, feeding: .batches(size: size, concurrent: concurrent))
                #expect(batched.panel.series == expected.panel.series)
                #expect(batched.log.diagnostics == expected.log.diagnostics)
            }
        }
    }

    @Test("a file that cannot be read: the error is thrown after the builder's thread let go")
    func unreadableFile() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let good = try fixtures.file("good.csv", "country,year,victims\nDEU,2020,10\nDEU,2021,12\n")
        var builder = PanelBuilder()
        #expect(throws: InputError.self) {
            try PanelReader().read(
                [good, good + ".missing"], into: &builder, feeding: .batches(size: 1, concurrent: true))
        }
        // The figures of the first file reached the builder before the throw.
        #expect(builder.count == 2)
    }
}

@Suite("Progress of a whole read over several files")
struct ReadProgressTests {
    @Test(
        "every 4 MiB: bytes read so far over all files, of the files' total; counting on after the first file"
    )
    func progressOverFiles() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        // Two files of ~6.5 MB each: one report in each, at 4 MiB of the file's own bytes (the
        // second's offset by the first's size).
        func file(_ name: String, country: String) throws -> (path: String, size: Int) {
            let long = country + String(repeating: "x", count: 40)
            var text = "country,year,victims\n"
            for index in 0..<100_000 {
                text += "\(long)\(index % 5000),\(2000 + index / 5000),\(index % 97)\n"
            }
            return (try fixtures.file(name, text), text.utf8.count)
        }
        let first = try file("a.csv", country: "A")
        let second = try file("b.csv", country: "B")
        let reports = Mutex<[(Int, Int)]>([])
        var options = PanelReader.Options(countries: .verbatim)
        options.progress = { bytes, total in reports.withLock { $0.append((bytes, total)) } }
        let result = try PanelReader(options: options).read([first.path, second.path])
        #expect(!result.log.hasErrors && result.rowCount == 200_000)
        #expect(first.size > 1 << 22 && first.size < 1 << 23)
        let seen = reports.withLock { $0 }
        let total = first.size + second.size
        #expect(seen.allSatisfy { $0.1 == total })
        #expect(seen.map(\.0) == [1 << 22, first.size + 1 << 22])
    }
}
