import Foundation
import Testing

@testable import VicTrend

@Suite("The one pipeline: every product from sorted, shuffled or piped input, the same bytes")
struct PipelineTests {
    /// 40 keys × 6 years with a gap, a zero base, a withheld year and a break, in key order.
    private static let sortedRows: [String] = {
        var rows: [String] = []
        for key in 0..<40 {
            for year in 2015...2020 where !(key % 7 == 3 && year == 2017) {
                let count = key % 11 == 5 && year == 2016 ? 0 : 30 + 3 * key + (year - 2015) * key % 13
                let victims = key % 10 == 6 && year == 2020 ? "c" : String(count)
                let flag = key % 9 == 4 && year == 2019 ? "b" : ""
                rows.append("K\(100 + key),\(year),\(victims),\(flag)")
            }
        }
        return rows
    }()

    /// The first and the latest year of `sortedRows`.
    private static let years = 2015...2020

    private static let header = "country,year,victims,flag\n"

    private func run(
        _ rows: [String], _ product: (String) -> Pipeline.Product, output name: String
    ) throws -> (PipelineOutcome, String?) {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let input = try fixtures.file("in.csv", Self.header + rows.joined(separator: "\n") + "\n")
        let output = fixtures.directory.appendingPathComponent(name).path
        let outcome = try Pipeline.run(
            [input], reading: .init(countries: .verbatim), producing: product(output))
        // The input's path and hash (in the provenance of every format but CSV) are all that may differ.
        let text = try? String(contentsOfFile: output, encoding: .utf8)
        return (
            outcome,
            text?.replacing(try SHA256.file(input), with: "<sha256>").replacing(
                fixtures.directory.path, with: "<dir>")
        )
    }

    private func report(_ format: ReportFormat, _ table: ReportTable = .trends)
        -> (String) -> Pipeline.Product
    {
        { path in
            .report(
                ReportRequest(
                    analysis: AnalysisOptions(inputs: ["in.csv"]),
                    destination: .file(format: format, table: table, path: path)))
        }
    }

    @Test(
        "sorted (streamed) and shuffled (read whole) inputs give the same bytes in every format",
        arguments: [
            (ReportFormat.csv, ReportTable.trends), (.csv, .summary), (.csv, .totals), (.markdown, .trends),
            (.html, .trends), (.json, .trends),
        ])
    func sameBytes(format: ReportFormat, table: ReportTable) throws {
        var generator = SeededGenerator(seed: 7)
        let shuffled = Self.sortedRows.shuffled(using: &generator)
        #expect(shuffled != Self.sortedRows)
        let (sortedOutcome, sorted) = try run(Self.sortedRows, report(format, table), output: "out")
        let (shuffledOutcome, unsorted) = try run(shuffled, report(format, table), output: "out")
        #expect(sortedOutcome.isWritten && shuffledOutcome.isWritten)
        #expect(sortedOutcome.rowCount == Self.sortedRows.count)
        #expect(sortedOutcome.years == Self.years && shuffledOutcome.years == Self.years)
        #expect(sorted != nil)
        // JSON gives each figure's line, which shuffling moves, and lists the notes in line order; so do
        // the input checks of Markdown and HTML, which are compared by their number of lines.
        let checks = [
            ("## Input checks", "## Provenance"), ("<section id=\"input-checks\"", "<section id=\"notes\""),
        ]
        let figures = { (text: String?) in
            var text = text?.components(separatedBy: "\"diagnostics\"")[0]
            for (start, end) in checks {
                guard let from = text?.range(of: start), let to = text?.range(of: end) else { continue }
                let lines = text?[from.lowerBound..<to.lowerBound].count { $0 == "\n" } ?? 0
                text?.replaceSubrange(from.lowerBound..<to.lowerBound, with: "input checks: \(lines) lines\n")
            }
            return text?.split(separator: "\n").filter { !$0.contains("\"line\": ") }
        }
        #expect(figures(sorted) == figures(unsorted), "differs")
        if format == .markdown || format == .html {
            #expect(figures(sorted)?.contains { $0.hasPrefix("input checks: ") } == true)
        }
        #expect(sortedOutcome.log.diagnostics.count == 4)
        #expect(sortedOutcome.log.diagnostics.map(\.code) == shuffledOutcome.log.diagnostics.map(\.code))
        if format != .csv { #expect(sorted?.contains("<sha256>") == true) }
    }

    @Test("a baseline after the latest figure and a target year not after it are warned of, at the edge")
    func yearWarnings() {
        func warnings(baseline: Int? = nil, target: Int? = nil, years: ClosedRange<Int>? = Self.years)
            -> [String]
        {
            AnalysisOptions(baselineYear: baseline, targetYear: target).yearWarnings(years: years)
        }
        #expect(
            warnings(baseline: 2021).count == 1
                && warnings(baseline: 2021)[0].hasPrefix("--baseline-year 2021 "))
        #expect(warnings(baseline: 2020).isEmpty && warnings(baseline: 1990).isEmpty)
        #expect(
            warnings(target: 2020).count == 1 && warnings(target: 2020)[0].contains("(2020): a country with"))
        #expect(warnings(target: 2021).isEmpty && warnings().isEmpty)
        #expect(warnings(baseline: 2030, target: 2010).count == 2)
        #expect(warnings(baseline: 2030, target: 2010, years: nil).isEmpty)
        // The figures end in 2020: 2040 is 20 years after, taken; 2041 and 3000 get a warning.
        #expect(warnings(target: 2040).isEmpty)
        #expect(
            warnings(target: 3000) == [
                "--target-year 3000 is 980 years after the latest figure of the input (2020): projections and the "
                    + "growth needed a year extrapolate each trend that far, beyond what it can tell; check the year"
            ])
        #expect(warnings(target: 2041).count == 1)
    }

    @Test("the trends table's hand-checked rows: 30 -> 31 is short of 33 by 2, p of the exact test")
    func handChecked() throws {
        let rows = ["A,2015,30,", "A,2016,31,", "A,2018,40,", "B,2015,10,", "B,2016,0,"]
        let (outcome, text) = try run(rows, report(.csv), output: "t.csv")
        #expect(outcome.isWritten)
        let lines = text?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == 6)
        // 30 × 1.1 = 33 needed; 40 after two years needs ⌈31 × 1.21⌉ = 38 (met).
        // Segments of 3 and 2 figures: no dispersion estimated, the pure Poisson test (φ = 1).
        #expect(lines[2].hasPrefix("A,2016,31,2015,30,0.0333,33,2,shortfall,dispersion-not-estimated,33,2,"))
        #expect(lines[2].hasSuffix(",within-noise,,1.0000"))
        // The trajectory from 30 in 2015: ⌈30 × 1.1³⌉ = ⌈39.93⌉ = 40.
        #expect(lines[3].hasPrefix("A,2018,40,2016,31,0.1359,38,0,met,gap;dispersion-not-estimated,40,0,"))
        #expect(
            lines[5].hasPrefix("B,2016,0,2015,10,-1.0000,11,11,shortfall,dispersion-not-estimated,11,11,"))
    }

    @Test("--columns: the same chosen columns streamed and from the whole (suppressed) report")
    func chosenColumns() throws {
        let rows = ["A,2015,30,", "A,2016,31,", "B,2015,10,", "B,2016,12,"]
        let columns: [TrendColumn] = [.shortfall, .year, .country]
        func request(suppression: Suppression.Policy?) -> (String) -> Pipeline.Product {
            { path in
                .report(
                    ReportRequest(
                        analysis: AnalysisOptions(),
                        destination: .file(format: .csv, table: .trends, path: path),
                        trendColumns: columns, suppression: suppression))
            }
        }
        let (_, streamed) = try run(rows, request(suppression: nil), output: "a.csv")
        let (_, whole) = try run(rows, request(suppression: .init(threshold: 5)), output: "b.csv")
        #expect(streamed == "country,year,shortfall\nA,2015,\nA,2016,2\nB,2015,\nB,2016,0\n")
        #expect(whole == streamed)
    }

    @Test("errors in the input: nothing written, the findings in the outcome")
    func inputErrors() throws {
        let (outcome, text) = try run(["A,2015,30,", "A,20x6,31,"], report(.markdown), output: "r.md")
        #expect(outcome.log.hasErrors)
        #expect(!outcome.isWritten)
        #expect(outcome.log.diagnostics.map(\.code) == [.invalidYear])
        #expect(text == nil)
    }

    @Test("a refusal of the analysis (a count beyond 64 bits): nothing written, the refusals returned")
    func refusal() throws {
        let huge = "8500000000000000000"
        let (outcome, text) = try run(["A,2015,\(huge),", "A,2016,\(huge),"], report(.csv), output: "t.csv")
        #expect(!outcome.log.hasErrors)
        // A's 2016 and the alliance total's 2016 both need 8.5e18 × 1.1.
        #expect(outcome.findings.diagnostics.map(\.code) == [.requiredCountOverflow, .requiredCountOverflow])
        #expect(text == nil)
    }

    @Test("validation takes the target rate: 8.5e18 × 1.10 exceeds 64 bits, × 1.05 does not")
    func validationTargetRate() throws {
        let huge = "8500000000000000000"
        let overflow = DiagnosticCode.requiredCountOverflow
        for (rate, expected) in [("0.10", [overflow, overflow]), ("0.05", [])] {
            let request = ValidationRequest(
                rules: .init(currentYear: 2026), targetRate: try TargetRate(parsing: rate))
            let (outcome, _) = try run(
                ["A,2015,\(huge),", "A,2016,\(huge),"], { _ in .validation(request) }, output: "none")
            #expect(outcome.findings.diagnostics.map(\.code) == expected, "rate \(rate)")
        }
    }

    @Test("validation keeps the reading log's limit of findings and counts the rest")
    func boundedFindings() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        // 40 keys with a future year each, 10-fold jumps in 20 of them: 60 warnings.
        var text = Self.header
        for key in 0..<40 {
            text += "K\(key),2020,5,\nK\(key),2030,\(key < 20 ? 500 : 6),\n"
        }
        let input = try fixtures.file("in.csv", text)
        let outcome = try Pipeline.run(
            [input], reading: .init(countries: .verbatim, diagnosticLimit: 7),
            producing: .validation(ValidationRequest(rules: .init(currentYear: 2026))))
        #expect(outcome.findings.diagnostics.count == 7)
        #expect(outcome.findings.warningCount == 40 + 20 + 40)
        #expect(outcome.findings.omittedCount == 93)
        // Series by series in key order (K0, K1, K10, ...); a figure's own year first, then the comparison.
        #expect(
            outcome.findings.diagnostics.map(\.code).prefix(4) == [
                .futureYear, .missingYear, .implausibleChange, .futureYear,
            ])
    }

    @Test(
        "an unreadable input stops a report (a VictrendError); a validation reports it (VT007), checks the rest"
    )
    func unreadable() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        #expect(throws: VictrendError.self) {
            try Pipeline.run(
                ["/nonexistent/in.csv"], reading: .init(),
                producing: .report(
                    ReportRequest(
                        analysis: AnalysisOptions(),
                        destination: .file(
                            format: .csv, table: .trends, path: fixtures.directory.path + "/o.csv"))))
        }
        let good = try fixtures.file("good.csv", "country,year,victims\nAUT,2019,5\nAUT,2020,x\n")
        // Given twice (once through a path of its own) it is read once: one VT103, not two.
        let outcome = try Pipeline.run(
            ["/nonexistent/in.csv", good, fixtures.directory.path, fixtures.directory.path + "/./good.csv"],
            reading: .init(), producing: .validation(ValidationRequest(rules: .init(currentYear: 2026))))
        #expect(
            outcome.log.diagnostics.map(\.description) == [
                "\(good):3:10: error[VT103]: the count 'x' is a sign, not a number (statistics offices use it for "
                    + "none, not available or withheld): write 0 for none, .. for a figure not available, c or <K "
                    + "for one withheld, as victrend reads them",
                "/nonexistent/in.csv:1: error[VT007]: cannot open: No such file or directory",
                "\(fixtures.directory.path):1: error[VT007]: is a directory; give the path of a CSV file or workbook",
            ])
        #expect(outcome.rowCount == 2)
    }
}
