import Foundation
import Testing

@testable import VicTrend

@Suite("Streamed trends table: blocks on every core, same bytes as the whole report")
struct StreamedTrendsTests {
    /// A panel with every kind of row: first years, gaps, a zero base, a withheld year, a baseline shift.
    private func panel(series count: Int) -> Panel {
        var builder = PanelBuilder()
        for index in 0..<count {
            let key = "K\(1000 + index)"
            let years = index % 3 == 0 ? [2014, 2015, 2017, 2018] : [2015, 2016, 2017, 2018, 2019]
            for (position, year) in years.enumerated() {
                let victims = index % 5 == 0 && position == 1 ? 0 : 40 + 7 * index + 5 * position * position
                _ = builder.add(
                    Observation(
                        country: key, year: year, victims: victims,
                        location: Location(file: "in.csv", line: 2 + index * 6 + position)))
            }
            if index % 4 == 1 {
                _ = builder.add(
                    WithheldFigure(
                        country: key, year: 2020, marker: "<5", location: Location(file: "in.csv", line: 9)))
            }
        }
        return builder.build()
    }

    /// The trends table of `panel` through the pipeline's trends sink, the series handed on in batches
    /// of about `blockRows` rows, as the pipeline hands them on; the refusals, and the file if written.
    private func streamed(_ panel: Panel, options: AnalysisOptions, blockRows: Int) throws -> (
        [Diagnostic], String?
    ) {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("trends.csv").path
        let sink = try TrendsTableSink(options: options, groups: Groups(), path: path)
        for block in TrendRows.blocks(of: panel.series, rows: max(1, blockRows)) {
            sink.add(Array(panel.series[block]))
        }
        let refusals = try sink.finish(log: DiagnosticLog()).diagnostics
        return (refusals, try? String(contentsOfFile: path, encoding: .utf8))
    }

    @Test("any block size gives the bytes of the whole report", arguments: [1, 3, 7, 64, 1 << 16])
    func sameBytes(blockRows: Int) throws {
        let panel = panel(series: 23)
        var options = AnalysisOptions(baselineYear: 2015, inputs: ["in.csv"])
        options.exactTest = true
        let whole = CSVReporter.report(try TrendAnalysis.assess(panel, options: options).get())
        let (failure, text) = try streamed(panel, options: options, blockRows: blockRows)
        #expect(failure.isEmpty)
        #expect(text == whole)
        // The table really has every kind of row, in key order.
        #expect(whole.contains("K1000,2014,40,,,,,,not-assessed,first-year"))
        #expect(whole.contains(",zero-base,"))
        #expect(whole.contains(",gap,"))
        #expect(whole.contains("K1001,2020,,,,,,,not-assessed,withheld,"))
        #expect(whole.split(separator: "\n").count == 1 + 23 * 5 - 8 + 6)
    }

    @Test("with the exact test, a block is split between the cores: the same bytes")
    func testsSplitBetweenCores() throws {
        let panel = panel(series: 130)  // 607 rows: more than two parts of 256 rows
        let options = AnalysisOptions(inputs: ["in.csv"])
        let rows = panel.series.reduce(0) { $0 + $1.observations.count + $1.withheld.count }
        #expect(rows > 512)
        let whole = CSVReporter.report(try TrendAnalysis.assess(panel, options: options).get())
        let (failure, text) = try streamed(panel, options: options, blockRows: 1 << 16)
        #expect(failure.isEmpty)
        #expect(text == whole)
        let piece = TrendRows.formatted(panel.series[...], options: options, columns: nil)
        #expect(piece.problems.isEmpty)
        #expect(
            String(decoding: piece.bytes, as: UTF8.self) == whole.drop { $0 != "\n" }.dropFirst().description)
    }

    @Test("blocks hold whole series and cover every series once")
    func blocks() {
        let panel = panel(series: 10)
        for rows in [1, 4, 5, 9, 100] {
            let blocks = TrendRows.blocks(of: panel.series, rows: rows)
            #expect(blocks.first?.lowerBound == 0)
            #expect(blocks.last?.upperBound == 10)
            for (left, right) in zip(blocks, blocks.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
            }
        }
        #expect(TrendRows.blocks(of: panel.series, rows: 1).count == 10)
        #expect(TrendRows.blocks(of: panel.series, rows: 100).count == 1)
        #expect(TrendRows.blocks(of: [], rows: 5).isEmpty)
        // A slice is split in its own indices.
        let slice = panel.series[3..<8]
        let sliced = TrendRows.blocks(of: slice, rows: 9)
        #expect(sliced.first?.lowerBound == 3)
        #expect(sliced.last?.upperBound == 8)
        #expect(sliced.flatMap { Array(slice[$0]) } == Array(slice))
    }

    @Test("a refusal in a late block leaves no file", arguments: [1, 1 << 16])
    func refusal(blockRows: Int) throws {
        var builder = PanelBuilder()
        for index in 0..<9 {
            _ = builder.add(
                Observation(
                    country: "K\(index)", year: 2015, victims: 10, location: Location(file: "f", line: 1)))
            _ = builder.add(
                Observation(
                    country: "K\(index)", year: 2016, victims: index == 8 ? Int.max - 1 : 11,
                    location: Location(file: "f", line: 2)))
        }
        _ = builder.add(
            Observation(country: "K8", year: 2017, victims: 5, location: Location(file: "f", line: 3)))
        let (failure, text) = try streamed(
            builder.build(), options: AnalysisOptions(inputs: ["f"]), blockRows: blockRows)
        #expect(failure.contains { $0.code == .requiredCountOverflow })
        #expect(text == nil)
    }
}
