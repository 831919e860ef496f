import Foundation
import Testing

@Suite("victrend report, end to end on samples/")
struct ReportEndToEndTests {
    @Test(
        "reports on the samples equal their golden files",
        arguments: [
            (["report", "samples/small/example.csv"], "samples/expected/small-example.csv"),
            (["report", "-f", "json", "samples/small/example.csv"], "samples/expected/small-example.json"),
            (
                ["report", "--format", "markdown", "samples/small/example.csv"],
                "samples/expected/small-example.md"
            ),
            (
                ["report", "samples/alliance-synthetic-2013-2024.csv"],
                "samples/expected/alliance-synthetic.csv"
            ),
            (
                ["report", "-f", "markdown", "samples/alliance-synthetic-2013-2024.csv"],
                "samples/expected/alliance-synthetic.md"
            ),
            (
                ["report", "--table", "summary", "--target-year", "2025", "samples/small/example.csv"],
                "samples/expected/small-example-summary.csv"
            ),
            (
                [
                    "report", "--table", "summary", "--baseline-year", "2015", "--target-year", "2030",
                    "samples/alliance-synthetic-2013-2024.csv",
                ],
                "samples/expected/alliance-synthetic-summary.csv"
            ),
            (
                [
                    "report", "--table", "totals", "--groups", "samples/groups/eu-membership-2024.csv",
                    "samples/alliance-synthetic-2013-2024.csv",
                ],
                "samples/expected/alliance-synthetic-totals.csv"
            ),
            (
                [
                    "report", "--format", "markdown", "--groups", "samples/groups/eu-membership-2024.csv",
                    "--baseline-year", "2015", "--target-year", "2030",
                    "samples/alliance-synthetic-2013-2024.csv",
                ],
                "samples/expected/alliance-synthetic-groups.md"
            ),
            (
                [
                    "report", "--series", "cumulative", "--countries", "verbatim",
                    "samples/icse-cumulative.csv",
                ],
                "samples/expected/icse-cumulative.csv"
            ),
            (
                [
                    "report", "--series", "cumulative", "--countries", "verbatim", "-f", "markdown",
                    "samples/icse-cumulative.csv",
                ],
                "samples/expected/icse-cumulative.md"
            ),
            (
                [
                    "report", "--series", "cumulative", "--countries", "verbatim",
                    "samples/icse-cumulative-dated.csv",
                ],
                "samples/expected/icse-cumulative-dated.csv"
            ),
            (
                [
                    "report", "--series", "cumulative", "--countries", "verbatim", "-f", "markdown",
                    "samples/icse-cumulative-dated.csv",
                ],
                "samples/expected/icse-cumulative-dated.md"
            ),
        ])
    func goldens(arguments: [String], golden: String) throws {
        let outcome = try VictrendBinary.run(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout == (try VictrendBinary.golden(golden)))
    }

    @Test(
        "layouts: wide and Eurostat SDMX-CSV give their golden reports; notes go to stderr",
        arguments: [
            (["report", "samples/layouts/wide-example.csv"], "samples/expected/layouts-wide.csv", 1),
            (
                ["report", "--filter", "unit=NR", "samples/layouts/eurostat-sdmx.csv"],
                "samples/expected/layouts-sdmx.csv", 2
            ),
            (
                ["report", "--filter", "unit=NR", "-f", "markdown", "samples/layouts/eurostat-sdmx.csv"],
                "samples/expected/layouts-sdmx.md", 2
            ),
            (
                ["report", "samples/layouts/eurostat-sdmx-breaks.csv"],
                "samples/expected/layouts-sdmx-breaks-trends.csv", 0
            ),
            (
                ["report", "--table", "summary", "samples/layouts/eurostat-sdmx-breaks.csv"],
                "samples/expected/layouts-sdmx-breaks-summary.csv", 0
            ),
            (
                ["report", "--table", "totals", "samples/layouts/eurostat-sdmx-breaks.csv"],
                "samples/expected/layouts-sdmx-breaks-totals.csv", 0
            ),
            (
                ["report", "-f", "markdown", "samples/layouts/eurostat-sdmx-breaks.csv"],
                "samples/expected/layouts-sdmx-breaks.md", 0
            ),
        ])
    func layouts(arguments: [String], golden: String, notes: Int) throws {
        let outcome = try VictrendBinary.run(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == (try VictrendBinary.golden(golden)))
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains(": note[VT10") }.count == notes)
    }

    @Test("the small sample's hand-checked figures appear in the CSV")
    func handChecked() throws {
        let outcome = try VictrendBinary.run(["report", "samples/small/example.csv"])
        let lines = outcome.stdout.split(separator: "\n")
        let expected = [
            "AUS,2020,110,2019,100,0.1000,110,0,met,,110,0,",
            "AUS,2021,120,2020,110,0.0909,121,1,shortfall,,121,1,",
            // BEL has 3 figures: too few to estimate the dispersion, the pure Poisson test (φ = 1).
            "BEL,2021,1210,2019,1000,0.1000,1210,0,met,gap;dispersion-not-estimated,1210,0,",
            "BEL,2022,1100,2021,1210,-0.0909,1331,231,shortfall,dispersion-not-estimated,1331,231,2.576e-06,0.8370,"
                + "0.9873,significant-shortfall,Belgium,1.0000",
            // CAN's 0, 4, 3, 0: X² = 7.206 on 2 degrees of freedom, φ = 3.6031 (R's quasipoisson dispersion).
            "CAN,2021,3,2020,4,-0.2500,5,2,shortfall,,,,0.6610,0.0055,48.5069,within-noise,Canada,3.6031",
            "CAN,2020,4,2019,0,,,,not-assessed,zero-base,,,,,,",
        ]
        for prefix in expected {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "\(prefix)")
        }
        #expect(lines.count == 12)
    }

    @Test("--output writes the file and prints nothing; the file equals stdout output")
    func outputFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("report.md").path
        let outcome = try VictrendBinary.run([
            "report", "-f", "markdown", "-o", path, "samples/small/example.csv",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == VictrendBinary.golden("samples/expected/small-example.md"))
    }

    @Test("a different --target-rate changes the assessment")
    func targetRate() throws {
        let outcome = try VictrendBinary.run(["report", "--target-rate", "0.05", "samples/small/example.csv"])
        #expect(outcome.status == 0)
        // 110 * 1.05 = 115.5 -> 116 required; 120 meets a 5% target.
        #expect(outcome.stdout.contains("AUS,2021,120,2020,110,0.0909,116,0,met,"))
    }

    @Test("bad input: every error as file:line:col, exit 1, nothing on stdout, no output file")
    func badInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file(
            "bad.csv", "country,year,victims\nAUS,2019,\"1,234\"\nAUS,20x9,5\nBEL,2019,-3\nBEL,2019,4\n")
        let output = directory.url.appendingPathComponent("out.csv").path
        let outcome = try VictrendBinary.run(["report", "--output", output, input])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(
            lines[0].hasPrefix("\(input):2:10: error[VT103]: the count '1,234' has a thousands separator"))
        #expect(lines[1].hasPrefix("\(input):3:5: error[VT102]: expected a four-digit year"))
        #expect(lines[2].hasPrefix("\(input):4:10: error[VT103]: the count '-3' is negative"))
        #expect(lines[3] == "victrend: 3 errors in the input; no report written")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(
        "usage errors and unreadable files exit with 2",
        arguments: [
            (["report"], "give at least one input"),
            (["report", "--target-rate", "10", "samples/small/example.csv"], "0.10 means 10%"),
            (["report", "--format", "pdf", "samples/small/example.csv"], "format"),
            (["report", "--delimiter", "|", "samples/small/example.csv"], "delimiter"),
            (["report", "samples/no-such-file.csv"], "samples/no-such-file.csv: cannot open: No such file"),
            (["report", "samples"], "is a directory"),
            (
                ["report", "-o", "samples/small/example.csv", "samples/small/example.csv"],
                "one of the inputs"
            ),
            (
                ["report", "-o", "/nonexistent-dir/out.csv", "samples/small/example.csv"],
                "cannot create output"
            ),
            (["report", "--no-such-option", "samples/small/example.csv"], "Unknown option"),
            (["report", "--series", "running", "samples/small/example.csv"], "series"),
            (
                ["report", "--groups", "samples/none.csv", "samples/small/example.csv"],
                "samples/none.csv: cannot open"
            ),
            (
                ["report", "-f", "markdown", "--table", "summary", "samples/small/example.csv"],
                "--table applies to"
            ),
            (["report", "--confidence", "95", "samples/small/example.csv"], "between 0 and 1"),
            (
                ["report", "--columns", "year,countryx", "samples/small/example.csv"],
                "'countryx' is not a column"
            ),
            (
                ["report", "--columns", "new_victims", "samples/small/example.csv"],
                "needs --series cumulative"
            ),
            (
                ["report", "-f", "markdown", "--columns", "year", "samples/small/example.csv"],
                "--columns applies"
            ),
            (["report", "--baseline-year", "15", "samples/small/example.csv"], "four-digit year"),
            (["report", "--dispersion", "0.5", "samples/small/example.csv"], "at least 1"),
            // A negative value is the option's value, refused for what it is.
            (["report", "--target-rate", "-0.05", "samples/small/example.csv"], "'-0.05' is below 0"),
            (["report", "--confidence", "-0.95", "samples/small/example.csv"], "between 0 and 1"),
            (["report", "--dispersion", "lots", "samples/small/example.csv"], "estimate, none or a number"),
            (["report", "--dispersion", "none", "--no-test", "samples/small/example.csv"], "--no-test"),
            (
                ["report", "--dispersion", "2", "--series", "cumulative", "samples/small/example.csv"],
                "running totals"
            ),
            (
                ["report", "--baseline-year", "2020", "--target-year", "2019", "samples/small/example.csv"],
                "after"
            ),
            (
                ["report", "--date-column", "as_of", "samples/small/example.csv"],
                "--date-column as_of applies to running totals: add --series cumulative"
            ),
            (
                [
                    "validate", "--series", "cumulative", "--layout", "wide", "--date-column", "as_of",
                    "samples/layouts/wide-example.csv",
                ],
                "--date-column applies to the long layout (country,date,victims), not --layout wide"
            ),
        ])
    func usage(arguments: [String], message: String) throws {
        // (The dispersion cases: a φ below 1, a word, with --no-test, with running totals.)
        let outcome = try VictrendBinary.run(arguments)
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test("running totals at dates: annualised by days / 365.25 (R's values), as_of and elapsed_years shown")
    func datedSample() throws {
        let outcome = try VictrendBinary.run([
            "report", "--series", "cumulative", "--countries", "verbatim",
            "samples/icse-cumulative-dated.csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[0].hasPrefix("country,year,as_of,victims,base_year,base_victims,elapsed_years,growth_rate,")
        )
        // R: d <- as.Date(c("2017-01-01", "2018-03-01", "2019-06-30", "2020-10-01", "2021-05-15",
        //    "2022-11-01")); v <- c(10000, 13100, 17300, 21500, 23900, 31000); t <- as.numeric(diff(d)) / 365.25
        //    (v[-1] / v[-6])^(1 / t) - 1; ceiling(v[-6] * 1.1^t); np <- diff(v) / t
        //    (np[-1] / np[-5])^(1 / (as.numeric(d[3:6] - d[1:4]) / 365.25 / 2)) - 1
        //    ceiling(10000 * 1.1^(as.numeric(d - d[1]) / 365.25))
        // 2020-10 to 2021-05-15 is 0.6188 years: 21,500 × 1.1^0.6188 = 22,806.07, so 22,807 are needed.
        #expect(
            lines[5] == "ICSE,2021,2021-05-15,23900,2020,21500,0.6188,0.1865,22807,0,met,,15163,0,,,,,,,2400,"
                + "3878.76,0.1721")
        #expect(
            lines[6] == "ICSE,2022,2022-11,31000,2021,23900,1.4648,0.1943,27481,0,met,,17434,0,,,,,,,7100,"
                + "4847.24,0.2386")
        // Through a pipe the input is read whole (a file is streamed): the same table.
        let text = try VictrendBinary.golden("samples/icse-cumulative-dated.csv")
        let piped = try VictrendBinary.run(
            ["report", "--series", "cumulative", "--countries", "verbatim", "-"], stdin: text)
        #expect(piped.status == 0 && piped.stdout == outcome.stdout)
        // An annual run reads the same file's date column as any other column: refused for want of a year.
        let annual = try VictrendBinary.run([
            "report", "--countries", "verbatim", "samples/icse-cumulative-dated.csv",
        ])
        #expect(annual.status == 1)
        #expect(annual.stderr.contains("error[VT010]"))
    }

    @Test("ICSE's published running totals: every figure checked by hand")
    func icse() throws {
        let outcome = try VictrendBinary.run([
            "report", "--series", "cumulative", "--countries", "verbatim", "samples/icse-cumulative.csv",
        ])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        // 2017: ceil(2345 * 1.1^6) = ceil(4154.31) = 4155; trajectory ceil(1617 * 1.1^7) = 3152;
        // new = 10000 - 2345 = 7655 over 6 years = 1275.83 a year; (1275.83 / 728)^(1 / 3.5) - 1 = 0.1739.
        // Running totals are not tested: no dispersion.
        #expect(
            lines[3] == "ICSE,2017,10000,2011,2345,0.2734,4155,0,met,gap,3152,0,,,,,,,7655,1275.83,0.1739")
        // 2022: ceil(10000 * 1.1^5) = 16106; new 21000 / 5 = 4200 a year; (4200 / 1275.83)^(1 / 5.5) - 1.
        #expect(
            lines[4] == "ICSE,2022,31000,2017,10000,0.2539,16106,0,met,gap,5075,0,,,,,,,21000,4200.00,0.2419")
    }

    @Test("a refused report leaves nothing in the output's directory, not even a temporary file")
    func nothingLeftBehind() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file("c.csv", "country,year,victims\nAUT,2010,5\nAUT,2011,4\n")
        let target = directory.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let outcome = try VictrendBinary.run([
            "report", "--series", "cumulative", "-o", target.path + "/t.csv", input,
        ])
        #expect(outcome.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test("a falling running total is an error in cumulative mode only")
    func fallingTotal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.file("c.csv", "country,year,victims\nAUT,2010,5\nAUT,2011,4\n")
        let cumulative = try VictrendBinary.run(["report", "--series", "cumulative", input])
        #expect(cumulative.status == 1)
        #expect(
            cumulative.stderr.hasPrefix(
                "\(input):3: error[VT204]: the running total falls from 5 in 2010 to 4"))
        #expect(try VictrendBinary.run(["report", input]).status == 0)
    }

    @Test(
        "a total beyond 64 bits refuses the report in every format, the streamed trends table included",
        arguments: [[], ["--format", "markdown"], ["--table", "totals"], ["--suppress-below", "3"]])
    func totalOverflow(arguments: [String]) throws {
        let input = "samples/invalid/VT203-total-overflow.csv"
        let outcome = try VictrendBinary.run(["report"] + arguments + [input])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr
                == "error[VT203]: the alliance total for 2020 exceeds 64 bits; counts this large are not "
                + "plausible\nvictrend: 1 error in the input; no report written\n")
    }

    @Test("help and version succeed")
    func help() throws {
        let help = try VictrendBinary.run(["report", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--target-rate"))
        #expect(help.stdout.contains("ceil(base_victims x (1 + target)^years)"))
        let version = try VictrendBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0.1.0 (commit "))
    }

    @Test(
        "a write error on standard output exits 2",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func stdoutFull() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: VictrendBinary.path)
        process.arguments = ["report", "samples/small/example.csv"]
        process.currentDirectoryURL = VictrendBinary.packageRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
    }

    @Test(
        "--dispersion: none is R's poisson.test, a fixed 2 is pbeta/qbeta of the halved counts, estimate is CAN's 3.6031",
        arguments: [
            // poisson.test(c(3, 4), r = 1.1, alternative = "less"): 0.4480346; conf.int 0.1098635 4.4332599.
            (
                "none",
                "CAN,2021,3,2020,4,-0.2500,5,2,shortfall,,,,0.4480,0.1099,4.4333,within-noise,Canada,1.0000"
            ),
            // pbeta(1 - 1.1/2.1, 2, 2.5) = 0.5650173; qbeta bounds 0.03393346 and 11.70559.
            (
                "2",
                "CAN,2021,3,2020,4,-0.2500,5,2,shortfall,,,,0.5650,0.0339,11.7056,within-noise,Canada,2.0000"
            ),
            (
                "estimate",
                "CAN,2021,3,2020,4,-0.2500,5,2,shortfall,,,,0.6610,0.0055,48.5069,within-noise,Canada,3.6031"
            ),
        ])
    func dispersionChoice(value: String, row: String) throws {
        let outcome = try VictrendBinary.run(["report", "--dispersion", value, "samples/small/example.csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").contains { $0 == row }, "\(outcome.stdout)")
    }

    @Test(
        "a baseline after every figure or a target year not after the latest is reported, not silently empty",
        arguments: [
            (
                ["--baseline-year", "2030"],
                "victrend: warning: --baseline-year 2030 is after the latest figure of the input (2022): no "
                    + "country has a trajectory, and its columns are empty\n"
            ),
            (
                ["--table", "summary", "--target-year", "2022"],
                "victrend: warning: --target-year 2022 is not after the latest figure of the input (2022): a "
                    + "country with a figure for 2022 or later is not projected (a projection runs from a "
                    + "country's latest figure to a later year)\n"
            ),
            (["--baseline-year", "2022", "--target-year", "2023"], ""),
        ])
    func yearsBeyondTheData(options: [String], warning: String) throws {
        let outcome = try VictrendBinary.run(["report"] + options + ["samples/small/example.csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == warning)
        #expect(outcome.stdout.hasPrefix("country,"))
    }

    @Test("an input whose every row is left out (aggregates) gives an empty report and says so")
    func everyRowLeftOut() throws {
        let outcome = try VictrendBinary.run(
            ["report", "-"], stdin: "country,year,victims\nUE27,2019,100\nTotal,2020,110\n")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").count == 1)
        #expect(
            outcome.stderr.hasSuffix(
                "victrend: warning: none of the 2 rows read gave a series; the report has no country (the notes "
                    + "above say why each row was left out)\n"))
        #expect(outcome.stderr.components(separatedBy: "VT107").count == 3)
    }
}
