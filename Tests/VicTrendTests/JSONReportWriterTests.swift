import Foundation
import Testing

@testable import VicTrend

/// The JSON report written as it goes (`JSONReportWriter`, `JSONReportStream`) against the reporter it
/// replaced (`LegacyJSONReporter`): the same bytes for the samples and for random panels.
@Suite("JSON report written as it goes")
struct JSONReportWriterTests {
    /// The reports of the end-to-end tests' JSON runs: (reader options, groups file, analysis options,
    /// suppression threshold and zeros, inputs).
    private static let samples:
        [(
            reader: PanelReader.Options, groups: String?, options: AnalysisOptions, suppress: (Int, Bool)?,
            inputs: [String]
        )] = [
            (.init(), nil, AnalysisOptions(), nil, ["samples/small/example.csv"]),
            (
                .init(), "samples/groups/eu-membership-2024.csv",
                AnalysisOptions(baselineYear: 2015, targetYear: 2030), nil,
                ["samples/alliance-synthetic-2013-2024.csv"]
            ),
            (
                .init(countries: .verbatim), nil, AnalysisOptions(series: .cumulative), nil,
                ["samples/icse-cumulative.csv"]
            ),
            (
                .init(filters: ["unit": "NR"]), nil, AnalysisOptions(), nil,
                ["samples/layouts/eurostat-sdmx.csv"]
            ),
            (.init(), nil, AnalysisOptions(), nil, ["samples/layouts/wide-example.csv"]),
            (
                .init(), "samples/groups/eu-membership-2024.csv", AnalysisOptions(), (5, true),
                ["samples/alliance-synthetic-2013-2024.csv"]
            ),
            (.init(), nil, AnalysisOptions(), nil, ["samples/invalid/VT106-withheld-value.csv"]),
            (.init(), nil, AnalysisOptions(), nil, ["samples/invalid/VT302-implausible-change.csv"]),
        ]

    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test("every sample: the writer's bytes, in memory and streamed, are the old reporter's")
    func samples() throws {
        for sample in Self.samples {
            let paths = sample.inputs.map { Self.packageRoot + "/" + $0 }
            var groups = Groups()
            var log: [Diagnostic] = []
            if let file = sample.groups {
                let read = try GroupsReader.read(Self.packageRoot + "/" + file)
                groups = read.groups
                log += read.log.diagnostics
            }
            let read = try PanelReader(options: sample.reader).read(paths)
            #expect(!read.log.hasErrors)
            var options = sample.options
            options.inputs = sample.inputs
            var report = try TrendAnalysis.assess(read.panel, options: options, groups: groups).get()
            report.diagnostics = read.log.diagnostics + log
            report.provenance = try Provenance.make(
                files: paths.map { ($0, "data") }, epochSeconds: 0, fromSourceDateEpoch: true)
            if let (threshold, zeros) = sample.suppress {
                report = Suppression.apply(report, policy: .init(threshold: threshold, suppressZeros: zeros))
            }
            let expected = LegacyJSONReporter.report(report)
            #expect(expected.count > 1000)
            #expect(JSONReporter.report(report) == expected, "\(sample.inputs)")
            #expect(try written(report) == expected, "\(sample.inputs)")
            guard sample.suppress == nil else { continue }
            for rows in [1, 7, 1 << 16] {
                let streamed = try stream(
                    read.panel, options: options, groups: groups, provenance: report.provenance,
                    diagnostics: report.diagnostics, batchRows: rows)
                #expect(streamed == expected, "\(sample.inputs), batches of \(rows) rows")
            }
        }
    }

    @Test("random panels: the same bytes as the old reporter, whole, streamed in random batches, suppressed")
    func randomPanels() throws {
        var generator = SeededGenerator(seed: 2027)
        for round in 0..<60 {
            let panel = RandomPanel(&generator)
            guard
                case .success(var report) = TrendAnalysis.assess(
                    panel.panel, options: panel.options, groups: panel.groups)
            else {
                Issue.record("round \(round): refused")
                continue
            }
            report.provenance = panel.provenance
            report.diagnostics = panel.diagnostics
            let expected = LegacyJSONReporter.report(report)
            #expect(JSONReporter.report(report) == expected, "round \(round)")
            let rows = Int.random(in: 1...40, using: &generator)
            let streamed = try stream(
                panel.panel, options: panel.options, groups: panel.groups, provenance: panel.provenance,
                diagnostics: panel.diagnostics, batchRows: rows)
            #expect(streamed == expected, "round \(round), batches of \(rows) rows")
            let policy = Suppression.Policy(
                threshold: Int.random(in: 2...30, using: &generator),
                suppressZeros: Bool.random(using: &generator))
            let suppressed = Suppression.apply(report, policy: policy)
            #expect(
                try written(suppressed) == LegacyJSONReporter.report(suppressed), "round \(round) suppressed")
        }
    }

    @Test("arrays handed to the spools element by element, or in chunks, give the same document")
    func chunks() throws {
        var generator = SeededGenerator(seed: 5)
        let panel = RandomPanel(&generator)
        var report = try TrendAnalysis.assess(panel.panel, options: panel.options, groups: panel.groups).get()
        report.diagnostics = panel.diagnostics
        let expected = JSONReporter.report(report)
        for chunkSize in [1, 100, 4096] {
            var writer = JSONReportWriter(storage: JSONMemoryStorage(), chunkSize: chunkSize)
            for row in report.assessments { writer.add(row) }
            for country in report.countries { writer.add(country) }
            #expect(writer.summary == report.summary)
            writer.finish(
                options: report.options, suppression: nil, provenance: nil, summary: writer.summary,
                totals: report.totals, diagnostics: report.diagnostics)
            #expect(String(decoding: writer.storage.document, as: UTF8.self) == expected, "\(chunkSize)")
        }
    }

    @Test("an empty report: empty arrays as [], no countries, no years")
    func empty() throws {
        let report = try TrendAnalysis.assess(Panel(series: []), options: AnalysisOptions()).get()
        let text = JSONReporter.report(report)
        #expect(text == LegacyJSONReporter.report(report))
        #expect(text.contains("\"observations\": [],\n  \"countries\": [],\n  \"totals\": [],\n"))
        #expect(text.hasSuffix("  \"diagnostics\": []\n}\n"))
        #expect(text.contains("\"first_year\": null"))
        #expect(try stream(Panel(series: []), options: AnalysisOptions(), batchRows: 1) == text)
    }

    @Test(
        "a key that starts with a combining mark, or ends with a prepend mark, stays valid JSON (the old reporter broke it)",
        arguments: ["\u{301}x,\"y\":1", "x,\"y\":1\u{600}"])
    func graphemeEdges(key: String) throws {
        let series = Series(
            country: key,
            observations: [
                Observation(country: key, year: 2020, victims: 3, location: Location(file: "f", line: 2))
            ])
        let report = try TrendAnalysis.assess(Panel(series: [series]), options: AnalysisOptions()).get()
        let text = JSONReporter.report(report)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let observations = try #require(document["observations"] as? [[String: Any]])
        #expect(observations.first?["country"] as? String == key)
        #expect(text.contains("\"country\": \(JSONText.string(key)),\n"))
        // Indented character by character, a quote and the mark beside it were one character, so the
        // string's end (or start) was missed and its comma taken for a separator.
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(LegacyJSONReporter.report(report).utf8))) == nil)
    }

    /// The document `JSONReporter.write(_:to:)` commits to a file.
    private func written(_ report: TrendReport) throws -> String {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let path = fixtures.directory.appendingPathComponent("report.json").path
        try JSONReporter.write(report, to: try StagedOutput(path: path))
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

/// The document a `JSONReportStream` commits for `panel`'s series in batches of at least `batchRows`
/// rows; fails the test when the stream refuses.
func stream(
    _ panel: Panel, options: AnalysisOptions, groups: Groups = Groups(), provenance: Provenance? = nil,
    diagnostics: [Diagnostic] = [], batchRows: Int
) throws -> String {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let path = fixtures.directory.appendingPathComponent("streamed.json").path
    let stream = try JSONReportStream(options: options, groups: groups, output: try StagedOutput(path: path))
    var batch: [Series] = []
    var rows = 0
    for series in panel.series {
        batch.append(series)
        rows += series.observations.count + series.withheld.count
        if rows >= batchRows {
            stream.add(batch)
            batch = []
            rows = 0
        }
    }
    stream.add(batch)
    if let failure = stream.finish(provenance: provenance, diagnostics: diagnostics) {
        Issue.record("\(failure)")
        return ""
    }
    return try String(contentsOfFile: path, encoding: .utf8)
}
