import Foundation
import Testing

/// Submissions are untrusted: what `validate` and `report` print must not drive a terminal or a CI
/// runner, whatever the cells and the file names hold.
@Suite("Hostile inputs, end to end: no injection into terminals or CI logs")
struct HostileInputEndToEndTests {
    /// The lines victrend writes as GitHub workflow commands; any other line must not begin with `::`.
    private static let ownCommands = ["::error file=", "::warning file=", "::notice title="]

    /// Checks every line of `text` for what must never reach a terminal or a runner.
    private func expectSafe(_ text: String, _ what: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(
                !line.unicodeScalars.contains {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                        || (0x202A...0x202E).contains($0.value)
                        || (0x2066...0x2069).contains($0.value)
                },
                "\(what): \(line)")
            #expect(!line.contains("##["), "\(what): \(line)")
            if line.drop(while: \.isWhitespace).hasPrefix("::") {
                #expect(Self.ownCommands.contains { line.hasPrefix($0) }, "\(what): \(line)")
            }
        }
    }

    /// A submission named with a line break and a workflow command, whose cells hold more of them: 12
    /// bad rows, so `--format github` prints plain lines past its 10 annotations.
    private func hostileFile(in directory: TemporaryDirectory) throws -> String {
        var text = "country,year,victims\n"
        for index in 0..<12 {
            text += "\"X\(index)\n::add-mask::2019\",2019,1\n"
        }
        text +=
            "\"\u{1B}]0;owned\u{07}\u{9B}2J\",2020,1\nAUS,2019,\"5\r\n::stop-commands::tok\"\n##[add-mask]x,2019,1\n"
        return try directory.file("sub\n::warning file=README.md,line=1::owned\u{1B}[2J.csv", text)
    }

    @Test("validate: text, github, json and sarif print no control character and no foreign command")
    func validate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try hostileFile(in: directory)
        let summary = try directory.file("summary.md", "")
        for format in ["text", "github", "json", "sarif"] {
            let outcome = try VictrendBinary.run(
                ["validate", "--format", format, path], environment: ["GITHUB_STEP_SUMMARY": summary])
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            expectSafe(outcome.stdout, format)
            expectSafe(outcome.stderr, format)
        }
        let text = try VictrendBinary.run(["validate", path]).stdout
        #expect(
            text.contains("sub\\x0a::warning file=README.md,line=1::owned\\x1b[2J.csv:2:1: error[VT105]: "))
        #expect(text.contains("unknown country 'X0\\x0a::add-mask::2019'"))
        #expect(text.contains("'\\x1b]0;owned\\x07\\u{9b}2J'"))
        #expect(text.contains("'#\\x23[add-mask]x'"))
        let github = try VictrendBinary.run(["validate", "--format", "github", path]).stdout
        #expect(
            github.contains("/sub%0A%3A%3Awarning file=README.md%2Cline=1%3A%3Aowned\\x1b[2J.csv,line=2,"))
        // The step summary stays one table row per finding.
        let table = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(table.split(separator: "\n").filter { $0.hasPrefix("| error |") }.count == 15)
    }

    @Test("report prints the refusal on standard error safely")
    func report() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try hostileFile(in: directory)
        let outcome = try VictrendBinary.run(["report", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        expectSafe(outcome.stderr, "report")
        #expect(outcome.stderr.contains("unknown country 'X0\\x0a::add-mask::2019'"))
    }

    @Test("verbatim keys with control characters are refused (VT130); a file name's are shown escaped")
    func controlsInKeysAndNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = try directory.file(
            "keys.csv", "country,year,victims\n\"A\u{1B}[2J\",2019,5\nB\u{202E}12,2019,6\nC,2019,7\n")
        for format in ["csv", "markdown"] {
            let outcome = try VictrendBinary.run([
                "report", "--countries", "verbatim", "--format", format, keys,
            ])
            #expect(outcome.status == 1, "\(format)")
            #expect(outcome.stdout.isEmpty)
            expectSafe(outcome.stderr, format)
            #expect(
                outcome.stderr.contains(
                    "keys.csv:2:1: error[VT130]: the 'country' cell holds the control character \\x1b"))
            #expect(
                outcome.stderr.contains(
                    "keys.csv:3:1: error[VT130]: the 'country' cell holds the control character \\u{202e}"))
        }
        // A report's own text (the input's name) never carries a control to the terminal either.
        let named = try directory.file(
            "n\u{1B}[2J\u{202E}.csv", "country,year,victims\nAUT,2019,5\nAUT,2020,6\n")
        let markdown = try VictrendBinary.run(["report", "--format", "markdown", named])
        #expect(markdown.status == 0)
        expectSafe(markdown.stdout, "markdown")
        #expect(markdown.stdout.contains("n\\\\x1b\\[2J\\\\u{202e}.csv"))
    }

    @Test(
        "an unreadable input named with a workflow command is one escaped line (report: exit 2; validate: VT007)"
    )
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("d\n::add-mask::x\u{1B}.csv").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let outcome = try VictrendBinary.run(["report", path])
        #expect(outcome.status == 2)
        expectSafe(outcome.stderr, "unreadable")
        #expect(outcome.stderr.contains("d\\x0a::add-mask::x\\x1b.csv: is a directory"))
        for format in ["text", "github"] {
            let validated = try VictrendBinary.run(["validate", "--format", format, path])
            #expect(validated.status == 1)
            expectSafe(validated.stdout, "validate \(format)")
            #expect(validated.stdout.contains("d\\x0a::add-mask::x\\x1b.csv") || format == "github")
            #expect(validated.stdout.contains("VT007"))
        }
        let usage = try VictrendBinary.run(["validate", "--format", "x\n::add-mask::y", path])
        #expect(usage.status == 2)
        expectSafe(usage.stderr, "usage")
    }

    @Test("a refused option value of 100,000 characters is quoted cut to 60, the message stays short")
    func longOptionValue() throws {
        let long = String(repeating: "x", count: 100_000)
        let cut = "'" + String(repeating: "x", count: 60) + "...'"
        let cases: [[String]] = [
            ["report", "--target-rate", long], ["report", "--format", long], ["report", "--columns", long],
            ["report", "--filter", long], ["report", "--suppress-below", long],
            ["validate", "--target-rate", long],
            ["report", "--\(long)"], [long],
        ]
        for arguments in cases {
            let run = try VictrendBinary.run(arguments + ["samples/small/example.csv"])
            #expect(run.status == 2, "\(arguments.first ?? "") \(arguments.count)")
            #expect(run.stderr.utf8.count < 1_500, "\(run.stderr.prefix(300))")
            // The value (or the option `--x…`, 2 + 58 x) quoted to 60 scalars and `...`.
            #expect(
                run.stderr.contains(cut) || run.stderr.contains("'--" + cut.dropFirst(3)), "\(run.stderr)")
            #expect(!run.stderr.contains(String(repeating: "x", count: 61)))
        }
    }
}
