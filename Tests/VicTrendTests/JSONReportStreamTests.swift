import Foundation
import Testing

@testable import VicTrend

/// `JSONReportStream`'s refusals and failures (its bytes: `JSONReportWriterTests`).
@Suite("JSON report stream: refusals and failures")
struct JSONReportStreamTests {
    private func series(_ key: String, _ figures: [(Int, Int)]) -> Series {
        Series(
            country: key,
            observations: figures.map {
                Observation(
                    country: key, year: $0.0, victims: $0.1, location: Location(file: "f", line: $0.0))
            })
    }

    /// The stream's result for `panel` (one series a batch) and whether the output file appeared.
    private func streamed(_ panel: Panel, options: AnalysisOptions = AnalysisOptions()) throws
        -> (StreamFailure?, Bool)
    {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("out.json").path
        let stream = try JSONReportStream(options: options, output: try StagedOutput(path: path))
        for one in panel.series { stream.add([one]) }
        let failure = stream.finish(provenance: nil, diagnostics: [])
        return (failure, FileManager.default.fileExists(atPath: path))
    }

    @Test("refusals are those of TrendAnalysis.assess, in its order, and nothing appears")
    func refusals() throws {
        let huge = Int.max / 100 * 95
        let cases: [(Panel, AnalysisOptions)] = [
            (Panel(series: [series("AUT", [(2020, huge), (2021, huge)])]), AnalysisOptions()),
            (
                Panel(series: [series("AUT", [(2020, huge)]), series("BEL", [(2020, huge)])]),
                AnalysisOptions()
            ),
            (
                Panel(series: [series("AUT", [(2020, huge)]), series("BEL", [(2020, huge), (2021, 1)])]),
                AnalysisOptions()
            ),
            (
                Panel(series: [
                    series("AUT", [(2020, 9), (2021, 4)]), series("BEL", [(2020, 1), (2022, 0)]),
                ]),
                AnalysisOptions(series: .cumulative)
            ),
        ]
        for (panel, options) in cases {
            guard case .failure(let expected) = TrendAnalysis.assess(panel, options: options) else {
                Issue.record("not refused")
                continue
            }
            let (failure, appeared) = try streamed(panel, options: options)
            guard case .diagnostics(let list)? = failure else {
                Issue.record("\(String(describing: failure))")
                continue
            }
            #expect(!list.diagnostics.isEmpty)
            #expect(list.diagnostics == expected.diagnostics)
            #expect(!appeared)
        }
    }

    @Test("a write that fails is reported at the end as the output's error, and nothing appears")
    func writeFailure() throws {
        let stream = try JSONReportStream(
            options: AnalysisOptions(), output: try StagedOutput(path: "/dev/full"))
        stream.add([series("AUT", [(2020, 1), (2021, 2)])])
        guard case .output(.writeFailed(let path, _))? = stream.finish(provenance: nil, diagnostics: [])
        else {
            Issue.record("no write failure")
            return
        }
        #expect(path == "/dev/full")
        #expect(stream.finish(provenance: nil, diagnostics: []) == nil)
        #expect(throws: OutputError.self) {
            try JSONReporter.write(
                try TrendAnalysis.assess(Panel(series: []), options: AnalysisOptions()).get(),
                to: try StagedOutput(path: "/dev/full"))
        }
    }

    @Test("no spool, no stream: a spool directory that cannot be written is an error at the start")
    func spoolFailure() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("out.json").path
        let output = try StagedOutput(path: path)
        #expect(throws: OutputError.self) {
            _ = try JSONReportStream(
                options: AnalysisOptions(), groups: Groups(), output: output,
                spoolDirectory: "/nonexistent-dir")
        }
        do {
            _ = try SpoolFile(directory: "/nonexistent-dir")
        } catch {
            #expect(error.description.hasPrefix("temporary file in /nonexistent-dir: cannot create output: "))
        }
        output.abort()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("abandoned, or dropped unfinished, the output never appears")
    func abandon() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        for dropped in [false, true] {
            let path = fixtures.directory.appendingPathComponent("out\(dropped).json").path
            do {
                let stream = try JSONReportStream(
                    options: AnalysisOptions(), output: try StagedOutput(path: path))
                stream.add([series("AUT", [(2020, 1)])])
                if !dropped { stream.abandon() }
            }
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixtures.directory.path).isEmpty)
        }
    }
}
