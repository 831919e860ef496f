import Foundation
import Testing

@testable import VicTrend

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Streaming an input sorted by key: the same series and diagnostics as reading it whole")
struct StreamingReaderTests {
    /// Streams `files` (name, text) and returns the series handed over, batch sizes, and the result.
    private func stream(_ files: [(String, String)], options: PanelReader.Options = .init(), batchRows: Int)
        throws -> (
            series: [Series], batches: [Int], result: PanelReader.StreamResult?, whole: PanelReader.Result
        )
    {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let paths = try files.map { try fixtures.file($0.0, $0.1) }
        var series: [Series] = []
        var batches: [Int] = []
        let result = try PanelReader(options: options).stream(paths, batchRows: batchRows) { batch in
            series += batch
            batches.append(batch.reduce(0) { $0 + $1.observations.count + $1.withheld.count })
        }
        return (series, batches, result, try PanelReader(options: options).read(paths))
    }

    private let sorted = """
        country,year,victims
        AUT,2019,10
        AUT,2020,11
        AUT,2021,<5
        BEL,2020,30
        BEL,2019,25
        DEU,2018,100
        DEU,2020,130
        FRA,2020,1,234
        FRA,2021,90

        """

    @Test(
        "a sorted file: every series once, complete, in batches of at least batchRows",
        arguments: [1, 2, 4, 100])
    func sortedFile(batchRows: Int) throws {
        let (series, batches, result, whole) = try stream([("in.csv", sorted)], batchRows: batchRows)
        let streamed = try #require(result)
        #expect(series == whole.panel.series)
        #expect(series.map(\.country) == ["AUT", "BEL", "DEU", "FRA"])
        #expect(series[0].withheld.map(\.year) == [2021])
        #expect(series[1].observations.map(\.year) == [2019, 2020])
        #expect(batches.dropLast().allSatisfy { $0 >= batchRows })
        #expect(batches.reduce(0, +) == 8)  // the row with 1,234 has a cell too many
        // The diagnostics are those of reading the file whole: the withheld note, the bad count.
        #expect(streamed.log.diagnostics == whole.log.diagnostics)
        #expect(streamed.log.diagnostics.map(\.code) == [.withheldValue, .extraCells])
        #expect(streamed.rowCount == whole.rowCount)
    }

    @Test(
        "an input not sorted by key is refused for streaming (read it whole)",
        arguments: [
            "country,year,victims\nBEL,2019,1\nAUT,2019,2\n",
            "country,year,victims\nAUT,2019,1\nBEL,2019,2\nAUT,2020,3\n",
            // ISO matching: Germany is DEU, France is FRA; sorted by name is not sorted by code.
            "country,year,victims\nFrance,2019,1\nGermany,2019,2\n",
        ])
    func unsorted(text: String) throws {
        let (_, _, result, whole) = try stream([("in.csv", text)], batchRows: 1)
        #expect(result == nil)
        #expect(whole.panel.series.count >= 2)
    }

    @Test("a pipe is not streamed: nil at once, its bytes left for the whole read")
    func pipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(Glibc.pipe(&ends) == 0)
        let text = "country,year,victims\nAUT,2019,1\nBEL,2019,2\n"
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        defer { close(ends[0]) }
        let path = "/dev/fd/\(ends[0])"
        var handed = 0
        #expect(try PanelReader().stream([path], batchRows: 1) { handed += $0.count } == nil)
        #expect(handed == 0)
        let whole = try PanelReader().read([path])
        #expect(whole.panel.series.map(\.country) == ["AUT", "BEL"])
    }

    @Test("names sorted by their codes stream; several files continue each other's order")
    func isoAndFiles() throws {
        let names = "country,year,victims\nAustria,2019,1\nBelgium,2019,2\nGermany,2019,3\n"
        let (series, _, result, _) = try stream([("in.csv", names)], batchRows: 1)
        #expect(result != nil)
        #expect(series.map(\.country) == ["AUT", "BEL", "DEU"])
        let first = "country,year,victims\nAUT,2019,1\nBEL,2019,2\n"
        let second = "country,year,victims\nDEU,2019,3\nFRA,2019,4\n"
        let (both, _, bothResult, whole) = try stream([("a.csv", first), ("b.csv", second)], batchRows: 1)
        #expect(bothResult != nil)
        #expect(both == whole.panel.series)
        let (_, _, again, _) = try stream([("a.csv", first), ("b.csv", first)], batchRows: 1)
        #expect(again == nil)
    }

    @Test("one name spelt two ways (é as one scalar, or e and an accent) is one key, streamed or not")
    func canonicallyEqualSpellings() throws {
        // In byte order the decomposed spelling comes first, the composed one after Åland: sorted by
        // bytes, yet not by key.
        let text = "country,year,victims\ne\u{301}te,2019,1\n\u{C5}land,2019,2\n\u{E9}te,2020,3\n"
        var options = PanelReader.Options()
        options.countries = .verbatim
        let (_, _, result, whole) = try stream([("in.csv", text)], options: options, batchRows: 1)
        #expect(result == nil)
        #expect(whole.panel.series.map(\.country) == ["e\u{301}te", "\u{C5}land"])
        #expect(whole.panel.series.first?.observations.map(\.victims) == [1, 3])
    }

    @Test("--sum and --by stream like they read")
    func sumAndBy() throws {
        let text = """
            country,agency,year,victims
            AUT,police,2019,4
            AUT,police,2019,6
            AUT,police,2020,5
            AUT,prosecutor,2019,1
            BEL,police,2019,7

            """
        var options = PanelReader.Options()
        options.sum = true
        let (summed, _, result, whole) = try stream([("in.csv", text)], options: options, batchRows: 1)
        #expect(result != nil)
        #expect(summed == whole.panel.series)
        #expect(summed.first?.observations.map(\.victims) == [11, 5])
        options.keyColumns = ["agency"]
        let (keyed, _, keyedResult, keyedWhole) = try stream(
            [("in.csv", text)], options: options, batchRows: 1)
        #expect(keyedResult != nil)
        #expect(keyed == keyedWhole.panel.series)
        #expect(keyed.map(\.country) == ["AUT · police", "AUT · prosecutor", "BEL · police"])
    }

    @Test("a duplicate inside a key is reported as when reading whole")
    func duplicates() throws {
        let text = "country,year,victims\nAUT,2019,1\nAUT,2019,2\nBEL,2019,3\n"
        let (_, _, result, whole) = try stream([("in.csv", text)], batchRows: 1)
        let streamed = try #require(result)
        #expect(streamed.log.diagnostics == whole.log.diagnostics)
        #expect(streamed.log.diagnostics.map(\.code) == [.duplicateObservation])
    }

    @Test("the stream writer gives the bytes of the whole report, and refuses like it")
    func writer() throws {
        let (series, _, _, whole) = try stream([("in.csv", sorted)], batchRows: 1)
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let options = AnalysisOptions(baselineYear: 2019, inputs: ["in.csv"])
        let path = fixtures.directory.appendingPathComponent("t.csv").path
        let expected = CSVReporter.report(try TrendAnalysis.assess(whole.panel, options: options).get())
        for everyCore in [true, false] {
            let stream = TrendsStream(
                options: options, output: try StagedOutput(path: path), inFlight: 1, everyCore: everyCore)
            for one in series { stream.add([one]) }
            #expect(stream.finish() == nil)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        }

        var builder = PanelBuilder()
        _ = builder.add(
            Observation(country: "A", year: 2019, victims: Int.max, location: Location(file: "f", line: 2)))
        _ = builder.add(
            Observation(country: "B", year: 2019, victims: 1, location: Location(file: "f", line: 3)))
        let refused = TrendsStream(options: options, output: try StagedOutput(path: path + ".2"))
        refused.add(builder.build().series)
        guard case .diagnostics(let list) = refused.finish() else {
            Issue.record("expected the alliance total beyond 64 bits to be refused")
            return
        }
        #expect(list.diagnostics.map(\.code) == [.totalOverflow])
        #expect(!FileManager.default.fileExists(atPath: path + ".2"))
    }
}
