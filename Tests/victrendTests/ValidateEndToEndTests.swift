import Foundation
import Testing

/// The catalogue's codes, as the README lists them (the test target does not link the library).
enum DiagnosticCodes {
    static let all: [String] = {
        guard let readme = try? VictrendBinary.golden("README.md") else { return [] }
        return readme.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| VT") else { return nil }
            return String(line.dropFirst(2).prefix(5))
        }
    }()
}

@Suite("victrend validate, end to end")
struct ValidateEndToEndTests {
    /// Every `samples/invalid/VTnnn-*.csv`, with its extra arguments.
    static let invalidSamples: [String] = {
        let directory = VictrendBinary.packageRoot.appendingPathComponent("samples/invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix("VT") && $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }
            .sorted()
    }()

    @Test("there is an invalid sample for every diagnostic code")
    func coverage() {
        let codes = Set(Self.invalidSamples.map { String($0.prefix(5)) })
        let missing = Set(DiagnosticCodes.all).subtracting(codes)
        #expect(missing.isEmpty, "no sample for \(missing.sorted())")
    }

    @Test(
        "each invalid sample gives its golden output, its own code, and the right exit code",
        arguments: invalidSamples)
    func invalid(name: String) throws {
        var arguments = ["validate", "--current-year", "2026"]
        let argsFile = "samples/invalid/\(name).args"
        if FileManager.default.fileExists(
            atPath: VictrendBinary.packageRoot.appendingPathComponent(argsFile).path)
        {
            arguments += try VictrendBinary.golden(argsFile).split(whereSeparator: \.isWhitespace).map(
                String.init)
        }
        let outcome = try VictrendBinary.run(arguments + ["samples/invalid/\(name).csv"])
        let expected = try VictrendBinary.golden("samples/invalid/expected/\(name).txt")
        #expect(outcome.stdout == expected)
        #expect(outcome.stdout.contains("[\(name.prefix(5))]"))
        let hasErrors = expected.contains("error[")
        #expect(outcome.status == (hasErrors ? 1 : 0), "\(outcome.stderr)")
        // Through a pipe the input is read whole (a file sorted by key is checked while it streams):
        // the same findings, at the same lines. A workbook is read from its file only (VT017 says so).
        if name.hasPrefix("VT017") || name.hasPrefix("VT018") || name.hasPrefix("VT160") { return }
        let text = try String(
            contentsOf: VictrendBinary.packageRoot.appendingPathComponent("samples/invalid/\(name).csv"),
            encoding: .isoLatin1)
        let piped = try VictrendBinary.run(arguments + ["/dev/stdin"], stdin: text, stdinEncoding: .isoLatin1)
        #expect(
            piped.stdout
                == expected.replacingOccurrences(of: "samples/invalid/\(name).csv", with: "/dev/stdin"))
        #expect(piped.status == outcome.status)
    }

    @Test("an endless standard input of NUL bytes ends at once with VT003, as the same bytes from a file do")
    func endlessStandardInput() throws {
        let outcome = try VictrendBinary.run(["validate", "-"], stdinFile: "/dev/zero")
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("<stdin>:1: error[VT003]: byte 1 of the file is NUL"))
    }

    @Test("a --members file that is a workbook: one VT017 that says what to do, no VT305 for every country")
    func membersWorkbook() throws {
        let outcome = try VictrendBinary.run([
            "validate", "--members", "samples/layouts/excel-workbook.xlsx", "samples/small/example.csv",
        ])
        #expect(outcome.status == 1)
        #expect(!outcome.stdout.contains("VT305"))
        #expect(
            outcome.stdout.contains(
                "excel-workbook.xlsx:1: error[VT017]: this is a zip archive (an .xlsx workbook?) where a CSV file is "
                    + "read"))
        #expect(outcome.stdout.contains("a --groups or --members file is CSV: save the sheet as CSV"))
    }

    @Test("the good samples validate cleanly")
    func goodSamples() throws {
        let small = try VictrendBinary.run([
            "validate", "--current-year", "2026", "samples/small/example.csv",
        ])
        #expect(small.status == 0)
        #expect(
            small.stdout == """
                samples/small/example.csv:7: warning[VT301]: BEL has no figure for 2020 (between 2019 and 2021); \
                growth is annualised over the gap
                victrend: 0 errors, 1 warning in 1 file (11 rows)

                """)
        let alliance = try VictrendBinary.run([
            "validate", "--current-year", "2026", "--members", "samples/members/global-alliance.csv",
            "samples/alliance-synthetic-2013-2024.csv",
        ])
        #expect(alliance.status == 0)
        // The synthetic sample lacks the seven later participants and has two gaps; the members file
        // lists 55 countries, 48 of them in the sample.
        let lines = alliance.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("warning[VT306]") }.count == 9)
        #expect(lines.filter { $0.contains("warning[VT301]") }.count == 2)
        #expect(lines.last == "victrend: 0 errors, 11 warnings in 2 files (574 rows)")
    }

    @Test("--strict turns warnings into errors (exit 1)")
    func strict() throws {
        let lenient = try VictrendBinary.run(["validate", "samples/invalid/VT301-missing-year.csv"])
        #expect(lenient.status == 0)
        let strict = try VictrendBinary.run([
            "validate", "--strict", "samples/invalid/VT301-missing-year.csv",
        ])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("error[VT301]"))
    }

    @Test("GitHub format: annotations on stdout and the full table appended to $GITHUB_STEP_SUMMARY")
    func github() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let summary = try directory.file("summary.md", "earlier step\n")
        let outcome = try VictrendBinary.run(
            ["validate", "--format", "github", "samples/invalid/VT103-invalid-count.csv"],
            environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(outcome.status == 1)
        #expect(
            outcome.stdout.hasPrefix(
                "::error file=samples/invalid/VT103-invalid-count.csv,line=2,col=10,title=VT103::the count '1,234'"
            ))
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n## victrend validate\n"))
        #expect(text.contains("| error | VT103 | samples/invalid/VT103-invalid-count.csv:6:10 |"))
    }

    @Test("SARIF and JSON outputs parse")
    func machineFormats() throws {
        let sarif = try VictrendBinary.run([
            "validate", "-f", "sarif", "samples/invalid/VT102-invalid-year.csv",
        ])
        #expect(sarif.status == 1)
        let log = try SARIFLog(sarif.stdout)
        #expect(log.results.count == 2)
        // Only addresses that point somewhere real: no placeholder home page.
        let run = (log.root["runs"] as? [[String: Any]])?.first
        let driver = (run?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "victrend")
        #expect(driver?["informationUri"] == nil)
        #expect(!sarif.stdout.contains("github.com/victrend"))
        let json = try VictrendBinary.run(["validate", "-f", "json", "samples/small/example.csv"])
        #expect(json.status == 0)
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["code"] as? String } == ["VT301"])
    }

    @Test(
        "usage errors and unreadable files exit 2",
        arguments: [
            (["validate"], "give at least one input"),
            (["validate", "--jump-factor", "1", "samples/small/example.csv"], "at least 2"),
            (["validate", "--format", "xml", "samples/small/example.csv"], "format"),
            (
                ["validate", "--members", "samples/nope.csv", "samples/small/example.csv"],
                "samples/nope.csv: cannot open"
            ),
        ])
    func usage(arguments: [String], message: String) throws {
        let outcome = try VictrendBinary.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test("an input that cannot be opened is VT007 at its path; every other input is still checked (exit 1)")
    func unopenedInput() throws {
        let outcome = try VictrendBinary.run([
            "validate", "samples/invalid/VT103-invalid-count.csv", "samples/nope.csv", "samples",
            "samples/small/example.csv", "./samples/small/example.csv",
        ])
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count { $0.contains("error[VT103]") } == 5)
        #expect(lines.contains("samples/nope.csv:1: error[VT007]: cannot open: No such file or directory"))
        #expect(
            lines.contains(
                "samples:1: error[VT007]: is a directory; give the path of a CSV file or workbook"))
        // example.csv, given twice, is checked once: its one VT301 once.
        #expect(lines.count { $0.contains("warning[VT301]") } == 1)
    }

    @Test(
        "past 1,000 diagnostics the rest are counted, not listed: report and validate say how many",
        arguments: [1_001, 1_003])
    func manyDiagnostics(rows: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var text = "country,year,victims\n"
        for row in 0..<rows { text += "AUT,\(2000 + row % 20),n/a\n" }
        let input = try directory.file("many.csv", text)
        let omitted = rows - 1_000
        let more = omitted == 1 ? "1 more diagnostic" : "\(omitted) more diagnostics"

        let report = try VictrendBinary.run(["report", input])
        #expect(report.status == 1)
        #expect(report.stdout.isEmpty)
        let lines = report.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1_002)
        #expect(lines.prefix(1_000).allSatisfy { $0.contains(": error[VT103]: ") })
        #expect(lines[999].hasPrefix("\(input):1001:10: error[VT103]"))
        #expect(lines[1_000] == "victrend: \(more) not shown")
        #expect(lines[1_001] == "victrend: \(rows) errors in the input; no report written")

        let validate = try VictrendBinary.run(["validate", "--current-year", "2026", input])
        #expect(validate.status == 1)
        let listed = validate.stdout.split(separator: "\n")
        #expect(listed.count == 1_001)
        #expect(listed.prefix(1_000).allSatisfy { $0.contains(": error[VT103]: ") })
        #expect(
            listed.last
                == "victrend: \(rows) errors, 0 warnings in 1 file (\(rows) rows); \(omitted) not listed")
        #expect(validate.stderr.isEmpty)
    }
}
