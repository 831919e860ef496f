import Foundation
import Testing

@testable import VicTrend

/// Peak memory and time of writing the JSON report of a large input, for `scripts/json-memory`: not a
/// check, skipped unless `VICTREND_JSON_MEMORY` is `MODE:INPUT:OUTPUT`. The input is read with
/// `--countries verbatim` (as `scripts/gen-data` writes it); MODE is `legacy` (the whole report, then
/// the old string-tree reporter, written as the CLI wrote it), `whole` (the whole report, then
/// `JSONReporter.write`) or `stream` (`PanelReader.stream` handing batches to a `JSONReportStream`).
/// Prints one line: `json-memory MODE ROWS rows: peak RSS N MiB (N MiB before), N s (N s of CPU)`.
@Suite("JSON report memory (scripts/json-memory)")
struct JSONMemoryMeasurement {
    private static let spec = ProcessInfo.processInfo.environment["VICTREND_JSON_MEMORY"]

    @Test("peak memory of one JSON report", .enabled(if: spec != nil))
    func measure() throws {
        let parts = (Self.spec ?? "").split(separator: ":", maxSplits: 2).map(String.init)
        try #require(parts.count == 3, "VICTREND_JSON_MEMORY=MODE:INPUT:OUTPUT")
        let (mode, input, output) = (parts[0], parts[1], parts[2])
        let before = Self.statusMiB("VmRSS")
        let wall = ContinuousClock()
        let start = wall.now
        let cpuStart = clock()
        let reader = PanelReader(options: .init(countries: .verbatim))
        let options = AnalysisOptions(inputs: [input])
        let provenance = try Provenance.make(
            files: [(input, "data")], epochSeconds: 0, fromSourceDateEpoch: true)
        var rows = 0
        switch mode {
        case "stream":
            let stream = try JSONReportStream(options: options, output: try StagedOutput(path: output))
            let read = try #require(try reader.stream([input], batchRows: 1 << 16) { stream.add($0) })
            rows = read.rowCount
            #expect(stream.finish(provenance: provenance, diagnostics: read.log.diagnostics) == nil)
        case "legacy", "whole":
            let read = try reader.read([input])
            rows = read.rowCount
            var report = try TrendAnalysis.assess(read.panel, options: options).get()
            report.provenance = provenance
            report.diagnostics = read.log.diagnostics
            if mode == "legacy" {
                try AtomicFile.write(bytes: Array(LegacyJSONReporter.report(report).utf8), to: output)
            } else {
                try JSONReporter.write(report, to: try StagedOutput(path: output))
            }
        default:
            Issue.record("unknown mode \(mode)")
        }
        let seconds = (wall.now - start) / .seconds(1)
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let peak = Self.statusMiB("VmHWM")
        print(
            "json-memory \(mode) \(rows) rows: peak RSS \(peak) MiB (\(before) MiB before), "
                + String(format: "%.1f s (%.1f s of CPU)", seconds, cpu))
    }

    /// A memory figure of /proc/self/status (`VmRSS`, the resident set now; `VmHWM`, its peak), in MiB.
    private static func statusMiB(_ name: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return (Int(line.split { $0 == " " || $0 == "\t" }.dropFirst().first ?? "") ?? 0) / 1024
    }
}
