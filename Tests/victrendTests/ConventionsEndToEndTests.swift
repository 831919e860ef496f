import Foundation
import Testing

/// The conventions a command-line user expects: `-` for standard input, the format from `-o`'s
/// extension, "did you mean" for a mistyped subcommand, a message for a pattern that matched no file,
/// `--version` with the commit, completions and a man page.
@Suite("command-line conventions, end to end")
struct ConventionsEndToEndTests {
    @Test("- reads standard input: the same table as the file, and <stdin> in messages and provenance")
    func standardInput() throws {
        let csv = try VictrendBinary.golden("samples/small/example.csv")
        let fromPipe = try VictrendBinary.run(["report", "-"], stdin: csv)
        #expect(fromPipe.status == 0)
        #expect(fromPipe.stdout == (try VictrendBinary.golden("samples/expected/small-example.csv")))

        let bad = try VictrendBinary.run(
            ["validate", "-"], stdin: "country,year,victims\nAUT,2019,\"1,234\"\n")
        #expect(bad.status == 1)
        #expect(bad.stdout.hasPrefix("<stdin>:2:10: error[VT103]: "))

        // The provenance hashes the bytes that were read (the SHA-256 of the sample file, by sha256sum).
        let markdown = try VictrendBinary.run(["report", "-f", "markdown", "-"], stdin: csv)
        #expect(markdown.status == 0)
        #expect(
            markdown.stdout.contains(
                "| \\<stdin\\> | data | `ba6e320b0e15f299e31c55651eb6885f8b83d73e59fa7d9b1b17d96333aa20e5` |")
        )

        let twice = try VictrendBinary.run(["validate", "-", "-"], stdin: csv)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("- (standard input) can be given once"))
    }

    @Test("-o picks the format from its extension; a contradicting --format is a usage error")
    func formatFromExtension() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("victrend-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, golden) in [
            ("r.md", "samples/expected/small-example.md"), ("r.HTML", "samples/expected/small-example.html"),
            ("r.csv", "samples/expected/small-example.csv"),
        ] {
            let path = directory.appendingPathComponent(name).path
            let run = try VictrendBinary.run(["report", "-o", path, "samples/small/example.csv"])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(
                try String(contentsOfFile: path, encoding: .utf8) == VictrendBinary.golden(golden), "\(name)")
        }
        let json = directory.appendingPathComponent("r.json").path
        #expect(try VictrendBinary.run(["report", "-o", json, "samples/small/example.csv"]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix("{"))

        let clash = directory.appendingPathComponent("x.html").path
        let refused = try VictrendBinary.run([
            "report", "-o", clash, "--format", "csv", "samples/small/example.csv",
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("names a html file but --format is csv"))
        #expect(!FileManager.default.fileExists(atPath: clash))
        // Agreeing, or an extension that names no format, is fine.
        #expect(
            try VictrendBinary.run(["report", "-o", clash, "-f", "html", "samples/small/example.csv"]).status
                == 0)
        let text = directory.appendingPathComponent("table.txt").path
        #expect(try VictrendBinary.run(["report", "-o", text, "samples/small/example.csv"]).status == 0)
        #expect(
            try String(contentsOfFile: text, encoding: .utf8)
                == VictrendBinary.golden("samples/expected/small-example.csv"))
        // `-o -` is standard output, as for inputs: no file named `-` is made.
        let dash = try VictrendBinary.run([
            "report", "-o", "-", "-f", "markdown", "samples/small/example.csv",
        ])
        let markdown = try VictrendBinary.golden("samples/expected/small-example.md")
        #expect(dash.status == 0 && dash.stdout == markdown)
        #expect(
            !FileManager.default.fileExists(
                atPath: VictrendBinary.packageRoot.appendingPathComponent("-").path))
    }

    @Test("a value quoted in a usage message is cut and has its controls escaped")
    func quotedValues() throws {
        let explain = try VictrendBinary.run(["explain", "VT1\n::error::x"])
        #expect(explain.status != 0)
        #expect(explain.stderr.contains("'VT1\\x0a::error::x' is not a victrend diagnostic code"))
        let columns = try VictrendBinary.run([
            "report", "--columns", String(repeating: "x", count: 5000) + "\u{1B}",
            "samples/small/example.csv",
        ])
        #expect(columns.status != 0)
        #expect(columns.stderr.contains("'" + String(repeating: "x", count: 40) + "...' is not a column"))
    }

    @Test("a mistyped subcommand gets 'did you mean'; an unknown word gets the list")
    func didYouMean() throws {
        let typo = try VictrendBinary.run(["reprot", "samples/small/example.csv"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "victrend: unknown subcommand 'reprot'; did you mean 'report'?\n")
        let validate = try VictrendBinary.run(["valdate", "x.csv"])
        #expect(validate.stderr == "victrend: unknown subcommand 'valdate'; did you mean 'validate'?\n")
        let file = try VictrendBinary.run(["samples/small/example.csv"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("the subcommands are report, validate, explain, help"))
    }

    @Test(
        "a pattern the shell passed on, matching files or not, and a missing file: VT007 for validate, exit 2 for report"
    )
    func unmatchedPattern() throws {
        let text = try VictrendBinary.run(["validate", "submissions/*.csv"])
        #expect(text.status == 1)
        #expect(
            text.stdout.hasPrefix(
                "submissions/*.csv:1: error[VT007]: no file matches this pattern (the shell passed it on as written "
                    + "because nothing matched); check the directory and the file names\n"))
        let quoted = try VictrendBinary.run(["validate", "samples/small/*.csv"])
        #expect(
            quoted.stdout.hasPrefix(
                "samples/small/*.csv:1: error[VT007]: no file has this name; as a pattern it matches 1 file, but "
                    + "victrend does not expand patterns, the shell does: leave the pattern unquoted\n"))
        let missing = try VictrendBinary.run(["validate", "submissions/missing.csv"])
        #expect(
            missing.stdout.contains(
                "submissions/missing.csv:1: error[VT007]: cannot open: No such file or directory"))
        let report = try VictrendBinary.run(["report", "submissions/*.csv"])
        #expect(report.status == 2)
        #expect(report.stderr.contains("submissions/*.csv: no file matches this pattern"))
    }

    @Test(
        "validate --format json and github give an input that cannot be read as VT007 beside the other findings"
    )
    func jsonAndGitHubWhenUnreadable() throws {
        let json = try VictrendBinary.run([
            "validate", "--format", "json", "samples/small/example.csv", "nowhere.csv",
        ])
        #expect(json.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["code"] as? String } == ["VT301", "VT007"])
        #expect(parsed?.last?["file"] as? String == "nowhere.csv")
        #expect(parsed?.last?["line"] as? Int == 1)
        #expect(parsed?.last?["message"] as? String == "cannot open: No such file or directory")
        let github = try VictrendBinary.run(["validate", "--format", "github", "nowhere.csv"])
        #expect(github.status == 1)
        #expect(
            github.stdout.hasPrefix(
                "::error file=nowhere.csv,line=1,title=VT007::cannot open: No such file or directory\n"))
    }

    @Test("validate --format sarif: an input that cannot be read is a located VT007 result beside the others")
    func sarifWhenUnreadable() throws {
        for input in ["submissions/*.csv", "samples"] {
            let run = try VictrendBinary.run([
                "validate", "--format", "sarif", "samples/small/example.csv", input,
            ])
            #expect(run.status == 1)
            let log = try SARIFLog(run.stdout)
            #expect(log.root["version"] as? String == "2.1.0")
            let uri = input == "samples" ? "samples" : "submissions/%2A.csv"
            #expect(
                log.results.map(SARIFLog.place) == ["VT301 samples/small/example.csv:7", "VT007 \(uri):1"])
        }
    }

    @Test(
        "validate --format sarif: a finding about the inputs as a whole (VT202, VT203) is at the first input's line 1"
    )
    func sarifWithoutLocation() throws {
        let run = try VictrendBinary.run([
            "validate", "--format", "sarif", "samples/invalid/VT203-total-overflow.csv",
        ])
        #expect(run.status == 1)
        let located = try SARIFLog(run.stdout).results.map(SARIFLog.place)
        #expect(located.contains("VT203 samples/invalid/VT203-total-overflow.csv:1"))
        #expect(!located.contains { $0.hasSuffix("none:0") })
    }

    @Test("--version prints the version and the commit (unknown for a plain swift build)")
    func version() throws {
        let run = try VictrendBinary.run(["--version"])
        #expect(run.status == 0)
        let expected = ProcessInfo.processInfo.environment["VICTREND_EXPECTED_COMMIT"] ?? "unknown"
        #expect(run.stdout == "0.1.0 (commit \(expected))\n")
    }

    @Test("completions complete file names for inputs and files, and the values of enum options")
    func completions() throws {
        let bash = try VictrendBinary.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        func values(_ words: [String]) -> String {
            "__victrend_add_completions -W " + words.map { "'\($0)'" }.joined(separator: "$'\\n'")
        }
        #expect(bash.stdout.contains(values(["csv", "markdown", "json", "html"])))
        #expect(bash.stdout.contains(values(["text", "json", "github", "sarif"])))
        #expect(bash.stdout.contains(values(["comma", "semicolon", "tab"])))
        #expect(bash.stdout.contains(values(["annual", "cumulative"])))
        #expect(bash.stdout.contains(values(["VT001", "VT002", "VT003"])))
        let fish = try VictrendBinary.run(["--generate-completion-script", "fish"])
        let lines = fish.stdout.split(separator: "\n")
        // -o, --groups and --members complete file names (fish: -F), --output-dir directories.
        #expect(
            lines.contains {
                $0.contains("-l 'output-dir'") && $0.hasSuffix("-rfa '(__victrend_complete_directories)'")
            })
        for option in ["members", "groups", "output"] {
            #expect(lines.contains { $0.contains("-l '\(option)'") && $0.hasSuffix(" -rF") }, "\(option)")
        }
        let zsh = try VictrendBinary.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.contains(":input:_files"))
    }

    @Test(
        "the committed man page is the one generate-manual makes (scripts/man --check runs in scripts/test)")
    func manPage() throws {
        let page = try VictrendBinary.golden("man/victrend.1")
        #expect(
            page.hasPrefix(".\\\" \"Generated by swift-argument-parser\"\n.Dd June 1, 2025\n.Dt VICTREND 1\n")
        )
        for subcommand in ["report", "validate", "explain"] {
            #expect(page.contains(".It Em \(subcommand)\n"), "\(subcommand)")
        }
        #expect(page.contains("Fl -suppress-below"))
    }

    /// The subcommand is parsed on its own first (DirectParse, a start-up saving); whatever that parse
    /// does not accept must still get the answers of the parse from `victrend`.
    @Test("what the direct parse of a subcommand leaves to the full parse still gets its answers")
    func directParseFallsBack() throws {
        let example = "samples/small/example.csv"
        let unknown = try VictrendBinary.run(["report", "--bogus", example])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr
                == "Error: Unknown option '--bogus'\nUsage: victrend report [<options>] [<input> ...]\n"
                + "  See 'victrend report --help' for more information.\n")

        let invalid = try VictrendBinary.run(["report", "--confidence", "2", example])
        #expect(invalid.status == 2)
        #expect(
            invalid.stderr.hasPrefix("Error: --confidence must be between 0 and 1 (exclusive), e.g. 0.95\n"))

        let help = try VictrendBinary.run(["report", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Assess every country-year against the growth target"))
        #expect(help.stdout.contains("USAGE: victrend report [<options>] [<input> ...]"))

        let version = try VictrendBinary.run(["report", "--version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try VictrendBinary.run(["--version"])).stdout)

        let completion = try VictrendBinary.run(["report", "--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.hasPrefix("#!/bin/bash\n"))
        #expect(completion.stdout.contains("_victrend_report()"))

        // `help` after the subcommand is an input's name, as in the full parse.
        let helpWord = try VictrendBinary.run(["report", "help"])
        #expect(helpWord.status == 2)
        #expect(helpWord.stderr.contains("help: cannot open"))

        let parsed = try VictrendBinary.run(["report", "--format", "csv", example])
        #expect(parsed.status == 0)
        #expect(parsed.stdout == (try VictrendBinary.golden("samples/expected/small-example.csv")))
    }
}
